'use client';
// The Kindred widget as a React component. mount() runs in useEffect, so
// nothing touches the DOM during server rendering, and destroy() runs in the
// cleanup, so route changes and StrictMode's double mount leave nothing behind.
import { useEffect, useRef } from 'react';
import { mount } from 'kindred-loyalty';

/**
 * @param {{
 *   getToken: (hint?: { expired: true }) => string | Promise<string>,
 *   backend?: string,
 *   locale?: string,
 *   screens?: Array<'progress' | 'tiers' | 'rewards' | 'activity' | 'games'>,
 *   onRedeem?: (detail: { rewardId: string, code: string, balance: number }) => void,
 * }} props
 */
export default function KindredRewards({ getToken, backend, locale, screens, onRedeem }) {
  const slot = useRef(null);
  const handle = useRef(null);
  // The latest callbacks, so a new function on each render does not remount the widget.
  const callbacks = useRef({ getToken, onRedeem });
  useEffect(() => {
    callbacks.current = { getToken, onRedeem };
  });

  // `screens` is read once, when the widget starts: a different list mounts a new widget.
  const screenList = screens ? screens.join(',') : '';

  useEffect(() => {
    const widget = mount(slot.current, {
      backend,
      locale,
      screens: screenList ? screenList.split(',') : undefined,
      getToken: (hint) => callbacks.current.getToken(hint),
    });
    const redeemed = (event) => callbacks.current.onRedeem?.(event.detail);
    widget.element.addEventListener('kindred:redeem', redeemed);
    handle.current = widget;
    return () => {
      widget.element.removeEventListener('kindred:redeem', redeemed);
      widget.destroy();
      handle.current = null;
    };
    // locale is applied by the effect below, without a remount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [backend, screenList]);

  // A new locale redraws the widget in that language and keeps the session.
  useEffect(() => {
    const element = handle.current?.element;
    if (!element) return;
    if (locale) element.locale = locale;
    else element.removeAttribute('locale');  // back to the page's lang
  }, [locale]);

  return <div ref={slot} />;
}
