// The Games screen: the list of games (cost, plays left and prizes shown
// before playing), and the stage where one is played. Each game's file draws
// and handles input; everything they share is here: asking the host to play,
// saying the outcome in a live region, the fairness proof and the confetti.

import { h } from './dom.js';
import { createCelebration } from './celebration.js';
import { fairnessPanel } from './fairness_panel.js';
import { createWheelGame } from './wheel_game.js';
import { createScratchGame } from './scratch_game.js';
import { createMemoryGame } from './memory_game.js';
import { createQuizGame } from './quiz_game.js';
import { createCheckInGame } from './checkin_game.js';

const GAME_FACTORIES = {
  wheel: createWheelGame,
  scratch: createScratchGame,
  memory: createMemoryGame,
  quiz: createQuizGame,
  checkin: createCheckInGame,
};

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{engine: () => object, objects: object, core: () => object, play: (gameId: string) => Promise<object>,
 *   locale: () => string, onPlayed: (view: object) => void, onClosed?: () => void}} host
 */
export function createGamesScreen(t, host) {
  const list = h('ul', { class: 'games-list' });
  const empty = h('p', { class: 'empty', hidden: true }, t('games.empty'));
  // The arrow points back in the reading direction (widget.css).
  const back = h('button', { type: 'button', class: 'link', part: 'button' }, h('span', { class: 'back-arrow', 'aria-hidden': 'true' }), t('games.back'));
  const stageTitle = h('h3', { class: 'stage-title' });
  const stageBody = h('div', { class: 'stage-body' });
  const live = h('p', { class: 'game-result', role: 'status', 'aria-live': 'polite' });
  const result = h('div', { class: 'result-actions' });
  const celebration = createCelebration(host.engine, host.objects);
  const stage = h('div', { class: 'stage', hidden: true }, back, stageTitle, stageBody, live, result, celebration.root);
  const root = h('div', { class: 'games', part: 'games' }, list, empty, stage);
  let games = [];
  let active = null;  // { game, component }

  const findGame = (id) => games.find((game) => game.id === id) ?? null;
  const reducedMotion = () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const context = {
    t,
    engine: host.engine,
    objects: host.objects,
    core: host.core,
    locale: host.locale,
    reducedMotion,
    game: findGame,
    play: host.play,
    announce(text) { live.textContent = text; },
    clearResult() {
      live.textContent = '';
      result.replaceChildren();
      celebration.stop();
    },
    settle,
  };

  function outcomeText(view) {
    if (view.kind === 'quiz') {
      const game = findGame(view.gameId);
      return t('quiz.score', { score: view.score, count: game?.questionCount ?? view.correctOptions.length, points: view.pointsWon });
    }
    if (view.kind === 'checkin') return t('checkin.done', { points: view.pointsWon });
    return view.pointsWon > 0 ? t('games.wonPoints', { points: view.pointsWon }) : t('games.noPrize', { prize: view.prize.label });
  }

  /** The end of a play, good or bad: say it, prove it, and offer what comes next. */
  function settle(view, { retry }) {
    const actions = [];
    if (view.state === 'succeeded') {
      live.textContent = `${outcomeText(view)} ${t('games.balance', { points: view.balance })}`;
      if (view.proof) actions.push(fairnessPanel(t, view));
      // No confetti for a result the device could not verify.
      const trusted = !view.fairness || view.fairness === 'verified';
      if (view.pointsWon > 0 && trusted) celebration.play(parseInt(view.proof?.outcome?.slice(0, 8) ?? '1', 16), reducedMotion());
      if (findGame(view.gameId)?.canPlay && view.kind !== 'checkin') {
        const again = h('button', { type: 'button', class: 'primary', part: 'button' }, t('games.playAgain'));
        again.addEventListener('click', () => open(view.gameId));
        actions.push(again);
      }
      host.onPlayed(view);
    } else {
      const reason = view.reason ?? 'network';
      live.textContent = t(`games.failed.${reason}`);
      const retryable = view.state === 'pending' || reason === 'network' || reason === 'commitment-stale';
      if (retryable && retry) {
        const button = h('button', { type: 'button', part: 'button' }, t('games.retry'));
        button.addEventListener('click', retry);
        actions.push(button);
      }
    }
    result.replaceChildren(...actions);
  }

  function close() {
    active?.component.destroy();
    active = null;
    celebration.stop();
    stage.hidden = true;
    list.hidden = false;
    empty.hidden = games.length > 0;
  }

  function open(gameId) {
    const game = findGame(gameId);
    if (!game) return;
    active?.component.destroy();
    context.clearResult();
    const component = GAME_FACTORIES[game.kind](context, game);
    active = { game, component };
    stageTitle.textContent = game.title;
    stageBody.replaceChildren(component.root);
    list.hidden = empty.hidden = true;
    stage.hidden = false;
    component.focus();
  }

  back.addEventListener('click', () => {
    const id = active?.game.id;
    close();
    host.onClosed?.();  // a language change that waited for the game can come now
    list.querySelector(`[data-game-id="${CSS.escape(id ?? '')}"] button`)?.focus();
  });

  function gameCard(game) {
    const play = h('button', { type: 'button', class: 'primary', part: 'button', 'aria-label': t('games.open', { title: game.title }) },
      t('games.play'));
    // The check-in opens even when done for the day: its streak is worth seeing.
    play.disabled = !game.canPlay && game.kind !== 'checkin';
    play.addEventListener('click', () => open(game.id));
    const meta = [game.cost > 0 ? t('games.cost', { cost: game.cost }) : t('games.free'),
      t.plural('games.playsLeft', game.playsLeft, { count: game.playsLeft })].join(' · ');
    const prizes = game.prizes
      ? h('p', { class: 'game-prizes' }, `${t('games.prizes')}: ${game.prizes.map((prize) => prize.label).join(', ')}`) : '';
    return h('li', { class: 'game-card', 'data-game-id': game.id, part: 'game-card' },
      h('div', { class: 'game-text' },
        h('h3', { class: 'game-title' }, game.title),
        game.description ? h('p', { class: 'game-description' }, game.description) : '',
        h('p', { class: 'game-meta' }, meta),
        prizes,
        game.blockedReason && game.kind !== 'checkin' ? h('p', { class: 'game-blocked' }, t(`games.blocked.${game.blockedReason}`)) : ''),
      play);
  }

  return {
    root,
    /** @param {object} view  the core's games view */
    update(view) {
      games = view.games;
      list.replaceChildren(...games.map(gameCard));
      if (!active) empty.hidden = games.length > 0;
    },
    /** Leaves the stage (another member, another screen). */
    close,
    /** A game is on the stage. */
    get busy() { return active !== null; },
  };
}
