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
    const inverseLengthSquared = lengthSquared > 0 ? 1 / lengthSquared : 0;
    const r2 = radius * radius;
    for (let py = minY; py <= maxY; py += 1) {
      for (let px = minX; px <= maxX; px += 1) {
        const i = (py * this.width + px) * 4;
        if (this.pixels[i + 3] === 0) continue;
        const cx = px + 0.5 - x0;
        const cy = py + 0.5 - y0;
        const t = Math.max(0, Math.min(1, (cx * dx + cy * dy) * inverseLengthSquared));
        const ex = cx - t * dx;
        const ey = cy - t * dy;
        if (ex * ex + ey * ey > r2) continue;
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
  // Browsers coarsen performance.now() (to 0.1 ms here), so frames are timed
  // in blocks and divided: a mean per frame, and the slowest block's mean.
  const BLOCK = 100;
  const wheel = new module.WheelTrajectory();
  wheel.start(0);
  wheel.land(5, 8, 0.5, 900);
  const wheelBlockMs = [];
  let sink = 0;
  for (let block = 0; block < FRAMES / BLOCK; block += 1) {
    const started = performance.now();
    for (let frame = block * BLOCK; frame < (block + 1) * BLOCK; frame += 1) {
      const now = (frame % 400) * 16.7;  // spin, land and rest, again and again
      sink += wheel.angleAt(now) + (wheel.stopped(now) ? 1 : 0) + wheel.phaseAt(now);
    }
    wheelBlockMs.push((performance.now() - started) / BLOCK);
  }
  wheel.delete();

  // Scratch: one frame = write the points, stroke them, read the dirty rectangle.
  const card = new module.ScratchCard(WIDTH, HEIGHT, 0xb8c4c2);
  const scratchBlockMs = [];
  const wasmStarted = performance.now();
  let blockStarted = wasmStarted;
  let last = null;
  frames.forEach((points, frame) => {
    const buffer = new Float32Array(module.HEAPU8.buffer, card.pointBuffer(), 512);
    const polyline = last ? [last, ...points] : points;
    polyline.forEach(([x, y], i) => { buffer[2 * i] = x; buffer[2 * i + 1] = y; });
    card.strokePoints(polyline.length, RADIUS);
    sink += card.dirtyWidth() + card.scratchedFraction();
    card.clearDirty();
    last = points[points.length - 1];
    if ((frame + 1) % 10 === 0) {
      const now = performance.now();
      scratchBlockMs.push((now - blockStarted) / 10);
      blockStarted = now;
    }
  });
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

  // What JS scratch libraries do: erase with canvas compositing, then read the
  // whole canvas back and count transparent pixels, on every move.
  const canvas = new OffscreenCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  context.fillStyle = '#b8c4c2';
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.globalCompositeOperation = 'destination-out';
  context.lineWidth = RADIUS * 2;
  context.lineCap = context.lineJoin = 'round';
  const libraryStarted = performance.now();
  last = null;
  let libraryFraction = 0;
  for (const points of frames) {
    const polyline = last ? [last, ...points] : points;
    context.beginPath();
    context.moveTo(...polyline[0]);
    for (const point of polyline.slice(1)) context.lineTo(...point);
    context.stroke();
    const data = context.getImageData(0, 0, WIDTH, HEIGHT).data;
    let clear = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] === 0) clear += 1;
    libraryFraction = clear / (WIDTH * HEIGHT);
    last = points[points.length - 1];
  }
  const libraryTotalMs = performance.now() - libraryStarted;

  window.__gamesBench = {
    frames: FRAMES,
    sink,
    wheel: { meanMs: wheelBlockMs.reduce((a, b) => a + b, 0) / wheelBlockMs.length, worstBlockMs: Math.max(...wheelBlockMs) },
    // The first blocks scratch a fresh card: the heaviest frames.
    scratch: { meanMs: scratchBlockMs.reduce((a, b) => a + b, 0) / scratchBlockMs.length, worstBlockMs: Math.max(...scratchBlockMs),
      freshCardMeanMs: scratchBlockMs.slice(0, 10).reduce((a, b) => a + b, 0) / 10 },
    coverage: { wasmTotalMs, plainTotalMs, ratio: plainTotalMs / wasmTotalMs, wasmFraction, plainFraction,
      libraryTotalMs, libraryRatio: libraryTotalMs / wasmTotalMs, libraryFraction },
  };
  document.getElementById('status').textContent = 'done';
}

run();
