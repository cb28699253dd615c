// The activity screen: the member's ledger, newest first, from the core's
// activity view model. Older entries page in from the backend on demand.

import { h } from './dom.js';

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{onMore: () => void, locale: () => string}} actions
 */
export function createActivityView(t, { onMore, locale }) {
  const list = h('ul', { class: 'activity-list', part: 'activity-list' });
  const empty = h('p', { class: 'empty', hidden: true }, t('activity.empty'));
  const more = h('button', { type: 'button', class: 'more', part: 'button', hidden: true }, t('activity.more'));
  more.addEventListener('click', onMore);

  function row(entry) {
    const when = new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(new Date(entry.createdAt));
    const amount = new Intl.NumberFormat(locale(), { signDisplay: 'exceptZero' }).format(entry.points);
    return h('li', { class: `activity ${entry.points < 0 ? 'spent' : 'earned'}`, part: 'activity' },
      h('div', { class: 'activity-body' },
        h('p', { class: 'activity-text' }, entry.description || t(`activity.kind.${entry.kind}`)),
        h('p', { class: 'activity-meta' }, t(`activity.kind.${entry.kind}`), ' · ', when)),
      h('p', { class: 'activity-points' }, t('activity.points', { amount })));
  }

  return {
    root: h('div', { class: 'activity-screen' }, list, empty, more),
    /** @param {object} view  a "ready" activity view model */
    update(view) {
      list.replaceChildren(...view.items.map(row));
      empty.hidden = view.items.length > 0;
      more.hidden = !view.nextCursor;
    },
  };
}
