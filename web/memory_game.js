// Memory match. The backend draws the prize when the game starts; the deck is
// dealt by the core from that play's digest, so the layout is as fixed (and
// as checkable) as the prize. Cards are buttons: arrow-free keyboard play is
// Tab and Enter, and a face-down card's name never gives its symbol away.

import { h } from './dom.js';

const SYMBOLS = ['★', '♥', '♦', '♣', '♠', '●', '▲', '■', '◆', '✿', '☀', '☂'];
const SETTLE_MS = 850;  // a little after the core's 800 ms, so the tick finds the pair due

export function createMemoryGame(ctx, game) {
  const { t } = ctx;
  const start = h('button', { type: 'button', class: 'primary', part: 'button' }, t('memory.start'));
  const intro = h('p', { class: 'hint' }, t('memory.intro'));
  const grid = h('div', { class: 'memory-grid', hidden: true });
  const moves = h('p', { class: 'memory-moves', 'aria-live': 'polite', hidden: true });
  const root = h('div', { class: 'game memory-game' }, intro, grid, moves, start);
  let view = null;
  let buttons = [];
  let timer = 0;

  function render() {
    const state = JSON.parse(ctx.core().memoryView());
    state.cards.forEach((card, i) => {
      const button = buttons[i];
      const symbol = card.value === null ? '' : SYMBOLS[card.value % SYMBOLS.length];
      button.textContent = symbol;
      button.dataset.face = card.face;
      button.setAttribute('aria-label', card.face === 'down' ? t('memory.card', { n: i + 1 })
        : t(card.face === 'matched' ? 'memory.cardMatched' : 'memory.cardUp', { n: i + 1, symbol }));
      button.setAttribute('aria-disabled', String(card.face === 'matched'));
    });
    moves.textContent = t('memory.moves', { moves: state.moves });
    return state;
  }

  function flip(index) {
    if (!view) return;
    const result = ctx.core().memoryFlip(index, performance.now());
    const state = render();
    clearTimeout(timer);
    if (result === 3) {  // mismatched: turn them back after a moment
      timer = setTimeout(() => { ctx.core().memoryTick(performance.now()); render(); }, SETTLE_MS);
    }
    if (state.won) {
      const finished = view;
      view = null;
      ctx.settle(finished, {});
    }
  }

  start.addEventListener('click', async () => {
    if (start.disabled) return;
    start.disabled = true;
    ctx.clearResult();
    const answer = await ctx.play(game.id);
    start.disabled = false;
    if (answer.state !== 'succeeded' || !ctx.core().memoryDeal(game.id)) {
      ctx.settle(answer, { retry: () => start.click() });
      return;
    }
    const cards = JSON.parse(ctx.core().memoryView()).cards;
    buttons = cards.map((_, i) => {
      const button = h('button', { type: 'button', class: 'memory-card', part: 'memory-card' });
      button.addEventListener('click', () => flip(i));
      return button;
    });
    grid.replaceChildren(...buttons);
    view = answer;
    render();
    grid.hidden = moves.hidden = false;
    start.hidden = intro.hidden = true;
    buttons[0].focus();
  });

  return {
    root,
    focus: () => start.focus(),
    destroy() { clearTimeout(timer); },
  };
}
