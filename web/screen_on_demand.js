// A screen whose code is its own file (dist/<name>.js), fetched the first
// time the screen is shown instead of with the widget: a shopper who only
// checks their balance never downloads the games or the tier hub. Until it
// arrives this stands in with the screen's interface (root, update, close),
// remembering the last view to show.

import { h } from './dom.js';

/**
 * @template Screen
 * @param {() => Promise<object>} importScreen  e.g. () => import('./games_screen.js')
 * @param {(module: object) => Screen & {root: HTMLElement, update(view: object): void, close?(): void}} make
 * @param {() => void} onLoaded  the widget renders again: the screen can show now
 * @param {(error: unknown) => Error} onFailed  reports a failed download; returns the error load() rejects with
 */
export function screenOnDemand(importScreen, make, onLoaded, onFailed) {
  const root = h('div', { class: 'screen-slot' });
  let screen = null;
  let loading = null;
  let view = null;

  return {
    root,
    get loaded() { return screen !== null; },
    /** Whether the shopper is in the middle of something on this screen (a game on the stage). */
    get busy() { return Boolean(screen?.busy); },
    /** Fetches the screen's code once; resolves when it is on the page. */
    load() {
      loading ??= importScreen().then((module) => {
        screen = make(module);
        root.append(screen.root);
        if (view) screen.update(view);
        onLoaded();
      }).catch((error) => {
        loading = null;  // asked again on the next visit (or Try again)
        throw onFailed(error);
      });
      return loading;
    },
    update(next) {
      view = next;
      if (screen) screen.update(next);
      else this.load().catch(() => {});  // shown before its code came (a frame rebuilt in another language)
    },
    close() { screen?.close?.(); },
  };
}
