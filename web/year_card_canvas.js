// Paints the year-in-review card on a canvas, 1080 × 1350 (a portrait post),
// for the PNG a member downloads or shares. Every string arrives already
// written (the caller formats it for the locale); fillText draws it as
// pixels, so nothing the backend says can become markup. Long words are
// broken and overlong text ends in an ellipsis: the card never overflows.

export const CARD_WIDTH = 1080;
export const CARD_HEIGHT = 1350;
const MARGIN = 84;

/**
 * Splits `text` into at most `maxLines` lines no wider than `width`, the
 * last ending in "…" when the text does not fit.
 * @param {CanvasRenderingContext2D} context  with its font set
 */
export function fitLines(context, text, width, maxLines) {
  const lines = [];
  let line = '';
  // Words, and inside a word too wide for a line, its characters.
  const pieces = text.split(/(\s+)/).flatMap((word) => (context.measureText(word).width > width ? [...word] : [word]));
  for (const piece of pieces) {
    const candidate = line + piece;
    if (context.measureText(candidate).width <= width || !line) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = piece.trimStart();
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1];
  while (last && context.measureText(`${last}…`).width > width) last = [...last].slice(0, -1).join('');
  kept[maxLines - 1] = `${last}…`;
  return kept;
}

/**
 * @param {HTMLCanvasElement} canvas
 * @param {{program: string, year: string, heading: string, stats: {value: string, label: string}[],
 *   journey: string[], colors: {accent: string, ink: string}, font: string}} card
 */
export function drawYearCard(canvas, card) {
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const context = canvas.getContext('2d');
  const { accent, ink } = card.colors;
  const width = CARD_WIDTH - 2 * MARGIN;
  context.fillStyle = accent;
  context.fillRect(0, 0, CARD_WIDTH, CARD_HEIGHT);
  // Two soft circles: a little depth without an image to download.
  context.globalAlpha = 0.12;
  context.fillStyle = ink;
  for (const [x, y, r] of [[CARD_WIDTH, 0, 420], [0, CARD_HEIGHT, 360]]) {
    context.beginPath();
    context.arc(x, y, r, 0, 2 * Math.PI);
    context.fill();
  }
  context.globalAlpha = 1;
  context.fillStyle = ink;
  context.textBaseline = 'top';
  // Right to left (Arabic), lines start at the right margin.
  const rtl = getComputedStyle(canvas).direction === 'rtl';
  context.direction = rtl ? 'rtl' : 'ltr';
  context.textAlign = 'start';
  const from = (x) => (rtl ? CARD_WIDTH - x : x);

  const write = (text, size, weight, y, maxLines = 1) => {
    context.font = `${weight} ${size}px ${card.font}`;
    const lines = fitLines(context, text, width, maxLines);
    for (const line of lines) {
      context.fillText(line, from(MARGIN), y);
      y += size * 1.2;
    }
    return y;
  };

  let y = write(card.program, 40, 600, MARGIN);
  y = write(card.year, 200, 800, y + 12);
  y = write(card.heading, 52, 700, y + 4, 2) + 36;

  // Two columns of figures, as many rows as it takes.
  const column = width / 2;
  card.stats.forEach((stat, index) => {
    const x = from(MARGIN + (index % 2) * column);
    const top = y + Math.floor(index / 2) * 190;
    context.font = `800 96px ${card.font}`;
    context.fillText(fitLines(context, stat.value, column - 24, 1)[0], x, top);
    context.font = `500 36px ${card.font}`;
    fitLines(context, stat.label, column - 24, 2).forEach((line, i) => context.fillText(line, x, top + 108 + i * 40));
  });
  y += Math.ceil(card.stats.length / 2) * 190 + 12;

  for (const step of card.journey.slice(-4)) {
    if (y > CARD_HEIGHT - MARGIN - 44) break;
    y = write(`${rtl ? '←' : '→'} ${step}`, 38, 600, y, 1) + 8;
  }
}
