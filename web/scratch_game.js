// The scratch card. The backend draws the prize first; then the shopper
// scratches it free. The mask lives in wasm memory: the core rasterizes each
// frame's strokes and keeps the scratched fraction up to date as it goes, and
// this file paints the changed rectangle straight from that memory with
// putImageData (no copy, no per-pixel work in JS). "Reveal" does it in one
// tap, for keyboards, switches and anyone who cannot drag (WCAG 2.5.7).

import { h } from './dom.js';

const WIDTH = 280;
const HEIGHT = 140;
const BRUSH_RADIUS = 16;
const COVER_RGB = 0xb8c4c2;
const MAX_POINTS = 256;  // the core's point buffer (wasm/motion_bindings.cpp)

export function createScratchGame(ctx, game) {
  const { t } = ctx;
  const module = ctx.engine();
  const get = h('button', { type: 'button', class: 'primary', part: 'button' }, t('scratch.get'));
  const prize = h('p', { class: 'scratch-prize' });
  const canvas = h('canvas', { class: 'scratch-cover', role: 'img', 'aria-label': t('scratch.label') });
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const reveal = h('button', { type: 'button', part: 'button' }, t('scratch.reveal'));
  const hint = h('p', { class: 'hint' }, t('scratch.hint'));
  const card = h('div', { class: 'scratch-card', hidden: true }, prize, canvas);
  const controls = h('div', { class: 'game-actions', hidden: true }, reveal);
  const root = h('div', { class: 'game scratch-game' }, card, hint, controls, get);
  hint.hidden = true;

  let surface = null;  // the core's ScratchCard, while a card is showing
  let view = null;     // the play it reveals
  let pending = [];    // this frame's pointer positions, in canvas pixels
  let last = null;     // where the stroke is, so the next frame continues it
  let frame = 0;
  let destroyed = false;

  function paintDirty() {
    const width = surface.dirtyWidth();
    if (width === 0) return;
    // A view over wasm memory, taken now: memory growth replaces the buffer.
    const pixels = new Uint8ClampedArray(module.HEAPU8.buffer, surface.pixels(), WIDTH * HEIGHT * 4);
    canvas.getContext('2d').putImageData(new ImageData(pixels, WIDTH, HEIGHT), 0, 0,
      surface.dirtyX(), surface.dirtyY(), width, surface.dirtyHeight());
    surface.clearDirty();
  }

  function finish() {
    if (!view) return;
    surface.revealAll();
    paintDirty();
    controls.hidden = hint.hidden = true;
    const finished = view;
    view = null;
    ctx.settle(finished, { retry: () => get.click() });
  }

  function flush() {
    frame = 0;
    if (!surface || pending.length === 0) return;
    const points = new Float32Array(module.HEAPU8.buffer, surface.pointBuffer(), MAX_POINTS * 2);
    const count = Math.min(pending.length, MAX_POINTS);
    for (let i = 0; i < count; i += 1) {
      points[2 * i] = pending[i][0];
      points[2 * i + 1] = pending[i][1];
    }
    surface.strokePoints(count, BRUSH_RADIUS);
    pending = [];
    paintDirty();
    if (surface.revealed()) finish();
  }

  function addPoint(event) {
    const box = canvas.getBoundingClientRect();
    const point = [(event.clientX - box.left) * (WIDTH / box.width), (event.clientY - box.top) * (HEIGHT / box.height)];
    if (pending.length === 0 && last) pending.push(last);  // continue the stroke across frames
    pending.push(point);
    last = point;
    frame ||= requestAnimationFrame(flush);
  }

  canvas.addEventListener('pointerdown', (event) => {
    if (!view) return;
    canvas.setPointerCapture(event.pointerId);
    last = null;
    addPoint(event);
  });
  canvas.addEventListener('pointermove', (event) => {
    if (view && canvas.hasPointerCapture(event.pointerId)) addPoint(event);
  });
  canvas.addEventListener('pointerup', () => { last = null; });
  reveal.addEventListener('click', finish);

  get.addEventListener('click', async () => {
    if (get.disabled) return;
    get.disabled = true;
    ctx.clearResult();
    const answer = await ctx.play(game.id);
    get.disabled = false;
    if (destroyed) return;
    if (answer.state !== 'succeeded') {
      ctx.settle(answer, { retry: () => get.click() });
      return;
    }
    ctx.objects.free(surface);
    surface = ctx.objects.make(module, 'ScratchCard', WIDTH, HEIGHT, COVER_RGB);
    surface.clearDirty();
    const whole = new Uint8ClampedArray(module.HEAPU8.buffer, surface.pixels(), WIDTH * HEIGHT * 4);
    canvas.getContext('2d').putImageData(new ImageData(whole, WIDTH, HEIGHT), 0, 0);
    prize.textContent = answer.prize.label;
    view = answer;
    card.hidden = false;
    controls.hidden = hint.hidden = false;
    get.hidden = true;
    if (ctx.reducedMotion()) finish();
    else reveal.focus();
  });

  return {
    root,
    focus: () => get.focus(),
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      ctx.objects.free(surface);
      surface = null;
    },
  };
}
