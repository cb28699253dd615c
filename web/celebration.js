// The confetti on a win: the core's ParticleBurst simulates it, this only
// paints, reading the particles in place from wasm memory. Skipped entirely
// when the shopper prefers reduced motion.

import { h } from './dom.js';

const COLOURS = ['#0f766e', '#f59e0b', '#e11d48', '#6366f1', '#22c55e', '#0ea5e9'];
const STRIDE_X = 0, STRIDE_Y = 1, ROTATION = 2, COLOUR = 3, ALPHA = 4, SIZE = 5;

/**
 * @param {() => object} engine  the loaded wasm module
 * @param {ReturnType<import('./engine_objects.js').createEngineObjects>} objects  makes and frees the burst
 */
export function createCelebration(engine, objects) {
  const canvas = h('canvas', { class: 'celebration', 'aria-hidden': 'true', hidden: true });
  let burst = null;
  let frame = 0;

  function stop() {
    cancelAnimationFrame(frame);
    objects.free(burst);
    burst = null;
    canvas.hidden = true;
  }

  function paint(module) {
    const context = canvas.getContext('2d');
    context.clearRect(0, 0, canvas.width, canvas.height);
    const stride = burst.stride();
    const floats = new Float32Array(module.HEAPU8.buffer, burst.data(), burst.count() * stride);
    const scale = devicePixelRatio;
    for (let i = 0; i < floats.length; i += stride) {
      if (floats[i + ALPHA] <= 0) continue;
      context.save();
      context.globalAlpha = floats[i + ALPHA];
      context.fillStyle = COLOURS[floats[i + COLOUR] % COLOURS.length];
      context.translate(floats[i + STRIDE_X] * scale, floats[i + STRIDE_Y] * scale);
      context.rotate(floats[i + ROTATION]);
      const size = floats[i + SIZE] * scale;
      context.fillRect(-size / 2, -size / 4, size, size / 2);
      context.restore();
    }
  }

  return {
    root: canvas,
    /** Throws confetti over the host box; `seed` makes the burst repeatable. */
    play(seed, reducedMotion) {
      stop();
      if (reducedMotion) return;
      const module = engine();
      const { width, height } = canvas.parentElement.getBoundingClientRect();
      canvas.width = Math.round(width * devicePixelRatio);
      canvas.height = Math.round(height * devicePixelRatio);
      canvas.hidden = false;
      burst = objects.make(module, 'ParticleBurst');
      burst.start(seed >>> 0, 140, width / 2, height * 0.45, width, height);
      let last = performance.now();
      const step = (now) => {
        if (!burst) return;
        burst.step(now - last);
        last = now;
        paint(module);
        if (burst.finished()) stop();
        else frame = requestAnimationFrame(step);
      };
      frame = requestAnimationFrame(step);
    },
    stop,
  };
}
