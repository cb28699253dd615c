// Kindred.mount(target, options): the widget for a host that would rather
// call a function than write an element. It makes a <kindred-widget>, sets
// it up from the options and puts it in `target`; the handle it returns
// switches screens, refreshes, reports events and, on destroy(), takes the
// widget away with every wasm object, request and listener it had.

import { defineKindredWidget } from './kindred_widget.js';

/**
 * @param {Element | string} target  the element (or a selector for it) the widget goes in
 * @param {{backend?: string, token?: string, getToken?: () => string | Promise<string>, locale?: string,
 *   screen?: string, screens?: string[], theme?: Record<string, string>, wasmUrl?: string | URL,
 *   rewardsUrl?: string, transport?: 'fetch' | 'webview'}} [options]
 */
export function mount(target, options = {}) {
  const host = typeof target === 'string' ? document.querySelector(target) : target;
  if (!host) throw new TypeError(`Kindred.mount: no element ${typeof target === 'string' ? `matches "${target}"` : 'was given'}.`);
  defineKindredWidget();
  const widget = document.createElement('kindred-widget');
  const { backend, token, getToken, locale, screen, screens, theme = {}, wasmUrl, rewardsUrl, transport } = options;
  if (backend !== undefined) widget.backend = backend;
  if (transport) widget.transport = transport;
  if (locale) widget.setAttribute('locale', locale);
  if (screens) widget.screens = screens;
  if (screen) widget.screen = screen;
  if (rewardsUrl) widget.rewardsUrl = rewardsUrl;
  if (wasmUrl) widget.wasmUrl = wasmUrl;
  // Theme names are the custom properties' without the prefix:
  // { accent: '#7c3aed', radius: '8px' } sets --kindred-accent and --kindred-radius.
  for (const [name, value] of Object.entries(theme)) widget.style.setProperty(`--kindred-${name}`, String(value));
  if (getToken) widget.getToken = getToken;
  else if (token) widget.token = token;
  host.append(widget);
  return {
    element: widget,
    /** Shows a screen: 'progress', 'tiers', 'rewards', 'activity' or 'games' (one of `screens`). */
    open(name) { widget.screen = name; },
    refresh: () => widget.refresh(),
    track: (type, details) => widget.track(type, details),
    destroy() { widget.destroy(); },
  };
}
