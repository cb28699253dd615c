// The Games screen's code (five games, their canvases and the fairness
// proof: about a fifth of the shim) is its own file, fetched the first time
// a shopper opens Games, alongside GET /v1/games, instead of with the
// widget: a shopper who only checks their balance never downloads it.
// Until it arrives this stands in with the same interface, remembering the
// last view to show.

import { h } from './dom.js';

/**
 * @param {Parameters<import('./games_screen.js').createGamesScreen>[0]} t
 * @param {Parameters<import('./games_screen.js').createGamesScreen>[1]} host
 */
export function createGamesScreenLoader(t, host) {
  const root = h('div', { class: 'games-slot' });
  let screen = null;
  let loading = null;
  let view = null;

  return {
    root,
    /** Fetches the screen's code once; resolves when it is on the page. */
    load() {
      loading ??= import('./games_screen.js').then(({ createGamesScreen }) => {
        screen = createGamesScreen(t, host);
        root.append(screen.root);
        if (view) screen.update(view);
      }, (error) => {
        loading = null;  // offline: the next visit to Games tries again
        throw error;
      });
      return loading;
    },
    update(next) {
      view = next;
      if (screen) screen.update(next);
      else this.load().catch(() => {});  // a frame rebuilt in another language: the module is cached
    },
    close() { screen?.close(); },
  };
}
