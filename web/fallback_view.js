// What the widget shows when its engine cannot run (no WebAssembly, a page
// CSP without 'wasm-unsafe-eval', the .wasm URL serving something else): the
// member's balance read straight from GET /v1/member, and a link to where the
// brand shows rewards without the widget. It reads only what it needs and
// trusts none of it, since no core checked this payload.

import { h } from './dom.js';

/** @param {(key: string, params?: object) => string} t  formats a catalog message */
export function createFallbackView(t) {
  const balance = h('p', { class: 'fallback-balance', part: 'balance' });
  const explanation = h('p', { class: 'fallback-text' }, t('fallback.text'));
  const link = h('a', { class: 'fallback-link', part: 'link' }, t('fallback.link'));
  const root = h('div', { class: 'fallback', role: 'status', hidden: true }, balance, explanation, link);

  return {
    root,
    /**
     * @param {{member: unknown, rewardsUrl: string|null}} state
     *   member: the parsed /v1/member body, if it arrived
     */
    update({ member, rewardsUrl }) {
      const points = member && typeof member === 'object' ? member.points : undefined;
      balance.hidden = !Number.isSafeInteger(points);
      if (!balance.hidden) balance.textContent = t('fallback.balance', { points });
      const href = webUrl(rewardsUrl);
      link.hidden = !href;
      if (href) link.href = href;
    },
  };
}

// Only a web address becomes a link: a typo or a javascript: URL in the
// host page's attribute gives no link rather than a broken or scripted one.
function webUrl(text) {
  if (!text) return null;
  try {
    const url = new URL(text, document.baseURI);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
