// Per-frame work of the games in the wasm core, as the widget calls it each
// animation frame: the wheel's angle, and one frame of scratch strokes
// (rasterized, coverage updated). Then the scratch coverage work against a
// plain-JS implementation of the same algorithm on the same strokes.
// Reports figures; nothing here is asserted.
import { loadKindredCore } from '/dist/index.js';

const FRAMES = 3000;
const WIDTH = 280;
const HEIGHT = 140;
const RADIUS = 16;
const POINTS_PER_FRAME = 12;  // pointer events in one 16.7 ms frame on a fast touch screen

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

/** The same strokes for both implementations: a wandering finger, frame by frame. */
function strokeFrames() {
  let seed = 11;
  const next = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
  let x = WIDTH / 2;
  let y = HEIGHT / 2;
  return Array.from({ length: FRAMES }, () => Array.from({ length: POINTS_PER_FRAME }, () => {
    x = Math.min(WIDTH + 10, Math.max(-10, x + (next() - 0.5) * 24));
    y = Math.min(HEIGHT + 10, Math.max(-10, y + (next() - 0.5) * 24));
    return [x, y];
  }));
}

/** What a JS scratch library does well: clear capsules in an RGBA mask and count as it goes. */
class PlainScratchCard {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.pixels = new Uint8ClampedArray(width * height * 4).fill(255);
    this.scratched = 0;
  }

  stroke(x0, y0, x1, y1, radius) {
    const minX = Math.max(0, Math.floor(Math.min(x0, x1) - radius));
    const maxX = Math.min(this.width - 1, Math.ceil(Math.max(x0, x1) + radius));
    const minY = Math.max(0, Math.floor(Math.min(y0, y1) - radius));
    const maxY = Math.min(this.height - 1, Math.ceil(Math.max(y0, y1) + radius));
    const dx = x1 - x0;
    const dy = y1 - y0;
    const lengthSquared = dx * dx + dy * dy;
    const r2 = radius * radius;
    for (let py = minY; py <= maxY; py += 1) {
      for (let px = minX; px <= maxX; px += 1) {
        const cx = px + 0.5 - x0;
        const cy = py + 0.5 - y0;
        const t = lengthSquared > 0 ? Math.max(0, Math.min(1, (cx * dx + cy * dy) / lengthSquared)) : 0;
        const ex = cx - t * dx;
        const ey = cy - t * dy;
        if (ex * ex + ey * ey > r2) continue;
        const i = (py * this.width + px) * 4;
        if (this.pixels[i + 3] === 0) continue;
        this.pixels[i] = this.pixels[i + 1] = this.pixels[i + 2] = this.pixels[i + 3] = 0;
        this.scratched += 1;
      }
    }
  }
}

async function run() {
  const module = await loadKindredCore();
  const frames = strokeFrames();

  // Wheel: the per-frame calls of wheel_game.js (angle, stopped, phase).
  const wheel = new module.WheelTrajectory();
  wheel.start(0);
  wheel.land(5, 8, 0.5, 900);
  const wheelFrameMs = [];
  let sink = 0;
  for (let frame = 0; frame < FRAMES; frame += 1) {
    const now = frame * 16.7;
    const started = performance.now();
    for (let repeat = 0; repeat < 100; repeat += 1) {
      sink += wheel.angleAt(now) + (wheel.stopped(now) ? 1 : 0) + wheel.phaseAt(now);
    }
    wheelFrameMs.push((performance.now() - started) / 100);
  }
  wheel.delete();

  // Scratch: one frame = write the points, stroke them, read the dirty rectangle.
  const card = new module.ScratchCard(WIDTH, HEIGHT, 0xb8c4c2);
  const scratchFrameMs = [];
  const wasmStarted = performance.now();
  let last = null;
  for (const points of frames) {
    const started = performance.now();
    const buffer = new Float32Array(module.HEAPU8.buffer, card.pointBuffer(), 512);
    const polyline = last ? [last, ...points] : points;
    polyline.forEach(([x, y], i) => { buffer[2 * i] = x; buffer[2 * i + 1] = y; });
    card.strokePoints(polyline.length, RADIUS);
    sink += card.dirtyWidth() + card.scratchedFraction();
    card.clearDirty();
    last = points[points.length - 1];
    scratchFrameMs.push(performance.now() - started);
  }
  const wasmTotalMs = performance.now() - wasmStarted;
  const wasmFraction = card.scratchedFraction();
  card.delete();

  const plain = new PlainScratchCard(WIDTH, HEIGHT);
  const plainStarted = performance.now();
  last = null;
  for (const points of frames) {
    const polyline = last ? [last, ...points] : points;
    for (let i = 1; i < polyline.length; i += 1) plain.stroke(...polyline[i - 1], ...polyline[i], RADIUS);
    if (polyline.length === 1) plain.stroke(...polyline[0], ...polyline[0], RADIUS);
    sink += plain.scratched / (WIDTH * HEIGHT);
    last = points[points.length - 1];
  }
  const plainTotalMs = performance.now() - plainStarted;
  const plainFraction = plain.scratched / (WIDTH * HEIGHT);

  window.__gamesBench = {
    frames: FRAMES,
    sink,
    wheel: { medianMs: percentile(wheelFrameMs, 0.5), p99Ms: percentile(wheelFrameMs, 0.99) },
    scratch: { medianMs: percentile(scratchFrameMs, 0.5), p99Ms: percentile(scratchFrameMs, 0.99), maxMs: Math.max(...scratchFrameMs) },
    coverage: { wasmTotalMs, plainTotalMs, ratio: plainTotalMs / wasmTotalMs, wasmFraction, plainFraction },
  };
  document.getElementById('status').textContent = 'done';
}

run();
