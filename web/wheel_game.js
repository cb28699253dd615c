// The spin wheel. The core's WheelTrajectory owns the motion: it starts
// spinning on the tap, before the backend has answered, and once the answer
// arrives it re-plans to slow down onto the segment the backend drew. This
// file only paints the angle it is given each frame; the prize is never
// chosen here.

import { h } from './dom.js';

const SEGMENT_COLOURS = ['#0f766e', '#f59e0b', '#0e7490', '#e11d48', '#4d7c0f', '#7c3aed'];
const SIZE = 260;  // CSS pixels; the canvas backs it at the device's pixel ratio

/** Shortens a label to what fits on a segment (the full text is in the prize list); a binary search, so a very long label costs a few measurements, not one per character. */
function fitLabel(context, text, width) {
  if (context.measureText(text).width <= width) return text;
  let fits = 0;
  let tooLong = text.length;
  while (tooLong - fits > 1) {
    const middle = (fits + tooLong) >> 1;
    if (context.measureText(`${text.slice(0, middle)}…`).width <= width) fits = middle;
    else tooLong = middle;
  }
  return `${text.slice(0, fits)}…`;
}

/**
 * The wheel's face (segments and labels), painted once per game into its own
 * canvas at `pixels` square; each frame then only rotates it into place.
 */
function paintFace(prizes, pixels) {
  const face = document.createElement('canvas');
  face.width = face.height = pixels;
  const context = face.getContext('2d');
  const scale = pixels / SIZE;
  const radius = SIZE / 2 - 14;
  const n = prizes.length;
  context.setTransform(scale, 0, 0, scale, (pixels / 2), (pixels / 2));
  context.font = '600 12px system-ui, sans-serif';
  context.textAlign = 'right';
  context.textBaseline = 'middle';
  for (let k = 0; k < n; k += 1) {
    // Segment k starts k/n turns clockwise from the top (see wheel_trajectory.hpp).
    const from = -Math.PI / 2 + (2 * Math.PI * k) / n;
    const to = from + (2 * Math.PI) / n;
    context.beginPath();
    context.moveTo(0, 0);
    context.arc(0, 0, radius, from, to);
    context.closePath();
    context.fillStyle = SEGMENT_COLOURS[(k + (n % 2 && k === n - 1 ? 1 : 0)) % SEGMENT_COLOURS.length];
    context.fill();
    context.strokeStyle = '#ffffff';
    context.lineWidth = 2;
    context.stroke();
    context.save();
    context.rotate((from + to) / 2);
    context.fillStyle = '#ffffff';
    context.fillText(fitLabel(context, prizes[k].label, radius - 34), radius - 10, 0);
    context.restore();
  }
  return face;
}

/** One frame: the face rotated by the core's angle, then the fixed hub and pointer. */
function drawWheel(canvas, face, angleTurns) {
  const context = canvas.getContext('2d');
  const scale = canvas.width / SIZE;
  const centre = SIZE / 2;
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, canvas.width, canvas.height);
  context.translate(canvas.width / 2, canvas.height / 2);
  context.rotate(angleTurns * 2 * Math.PI);  // clockwise, as the core's angle grows
  context.drawImage(face, -face.width / 2, -face.height / 2);
  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.beginPath();
  context.arc(centre, centre, 16, 0, 2 * Math.PI);
  context.fillStyle = '#ffffff';
  context.fill();
  context.beginPath();
  context.moveTo(centre - 12, 2);
  context.lineTo(centre + 12, 2);
  context.lineTo(centre, 26);
  context.closePath();
  context.fillStyle = '#1c2421';
  context.fill();
}

/**
 * @param {object} ctx  see games_screen.js
 * @param {object} game  the game from the games view
 */
export function createWheelGame(ctx, game) {
  const { t } = ctx;
  const module = ctx.engine();
  const wheel = ctx.objects.make(module, 'WheelTrajectory');
  const prizes = game.prizes;
  const canvas = h('canvas', { class: 'wheel', role: 'img', 'aria-label': t('wheel.label', { count: prizes.length }) });
  canvas.width = canvas.height = Math.round(SIZE * Math.min(devicePixelRatio, 2));
  const face = paintFace(prizes, canvas.width);
  const spin = h('button', { type: 'button', class: 'primary', part: 'button' }, t('wheel.spin'));
  const root = h('div', { class: 'game wheel-game' }, h('div', { class: 'wheel-frame' }, canvas), spin);
  let frame = 0;
  let outcome = null;  // the play view, once the backend has answered
  let destroyed = false;

  const paint = (now) => {
    if (destroyed) return;
    drawWheel(canvas, face, wheel.angleAt(now));
    if (outcome && wheel.stopped(now)) {
      const finished = outcome;
      outcome = null;
      spin.textContent = t('wheel.spin');
      spin.disabled = false;
      // Which prize the pointer shows, as the core computes it: for tests and
      // assistive tech alike, the drawn wheel and the outcome must agree.
      canvas.dataset.restingSegment = String(module.segmentUnderPointer(wheel.angleAt(now), prizes.length));
      ctx.settle(finished, { retry: () => spin.click() });
      return;
    }
    const phase = wheel.phaseAt(now);  // 1 spinning up, 2 cruising, 3 landing
    if (outcome || (phase >= 1 && phase <= 3)) frame = requestAnimationFrame(paint);
  };

  spin.addEventListener('click', async () => {
    if (spin.disabled) return;
    spin.disabled = true;
    spin.textContent = t('wheel.spinning');
    ctx.clearResult();
    const reduced = ctx.reducedMotion();
    if (!reduced) {
      wheel.start(performance.now());
      frame = requestAnimationFrame(paint);
    }
    const view = await ctx.play(game.id);
    if (destroyed) return;
    if (view.state === 'succeeded') {
      // Lands where the backend said, verified or not; the verdict is shown.
      if (reduced) wheel.snapTo(view.prizeIndex, prizes.length, view.landingFraction);
      else wheel.land(view.prizeIndex, prizes.length, view.landingFraction, performance.now());
    } else {
      wheel.abort(performance.now());
    }
    outcome = view;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(paint);
  });

  drawWheel(canvas, face, 0);
  return {
    root,
    focus: () => spin.focus(),
    destroy() {
      destroyed = true;
      cancelAnimationFrame(frame);
      ctx.objects.free(wheel);
    },
  };
}
