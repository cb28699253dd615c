// The Tiers screen: the core's tier hub view model
// (sdk/include/kindred/tier_hub_view.hpp) rendered as text. The core says
// which tier the member holds, what the next one adds, and whether each
// experience can be signed up for; this file only says it and wires the
// buttons: a sign-up, and a one-tap rating of each insider preview.

import { h } from './dom.js';

const STARS = [1, 2, 3, 4, 5];

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{locale: () => string, onSignUp: (key: string) => void, onRate: (key: string, stars: number) => void}} host
 */
export function createTierHubView(t, host) {
  const held = h('p', { class: 'hub-held' });
  const next = h('p', { class: 'hub-next', part: 'hub-next' });
  const ladder = h('ol', { class: 'hub-tiers', part: 'hub-tiers' });
  const experiences = h('ul', { class: 'hub-items' });
  const noExperiences = h('p', { class: 'empty' }, t('hub.noExperiences'));
  const previews = h('ul', { class: 'hub-items' });
  const noPreviews = h('p', { class: 'empty' }, t('hub.noPreviews'));
  const section = (label, ...children) => h('section', { class: 'hub-section', 'aria-label': label },
    h('h3', { class: 'moments-title' }, label), ...children);
  const root = h('div', { class: 'hub', part: 'hub' },
    section(t('hub.yourTier'), held, next, ladder),
    section(t('hub.experiences'), experiences, noExperiences),
    section(t('hub.previews'), previews, noPreviews));

  function tier(item) {
    return h('li', { class: `hub-tier${item.current ? ' current' : ''}${item.reached ? ' reached' : ''}`,
      'aria-current': item.current ? 'true' : null, 'data-tier': item.id },
    h('p', { class: 'hub-tier-name' }, item.current ? t('hub.tierCurrent', { tier: item.name }) : item.name),
    h('p', { class: 'hub-meta' }, t('hub.threshold', { points: item.threshold })),
    h('p', { class: 'hub-perks' }, item.perks.length ? item.perks.join(' · ') : t('hub.noPerks')));
  }

  // Failure from the backend (a full event, a tier it no longer allows) as it said it.
  const failure = (item) => (item.failure
    ? [h('p', { class: 'moment-failure', role: 'alert' }, item.failure.detail || t(`moments.failed.${item.failure.reason}`))] : []);

  function experience(item) {
    // The shopper's own clock: an event at 23:30 UTC is tomorrow in Tokyo.
    const when = new Intl.DateTimeFormat(host.locale(), { dateStyle: 'medium', timeStyle: 'short' })
      .format(new Date(item.startsAt));
    const children = [
      h('p', { class: 'hub-item-title' }, item.title),
      h('p', { class: 'hub-meta' }, [when, t('hub.forTier', { tier: item.tierName })].join(' · ')),
      ...(item.description ? [h('p', { class: 'hub-description' }, item.description)] : []),
      ...failure(item),
    ];
    if (item.state === 'open') {
      children.push(h('p', { class: 'hub-meta' }, t.plural('hub.seats', item.seatsLeft, { count: item.seatsLeft })));
      // aria-disabled, not disabled, while it is sent: the button keeps the focus.
      const button = h('button', { type: 'button', class: 'primary', part: 'button', 'aria-disabled': String(item.sending),
        'aria-label': t('hub.signUpLabel', { title: item.title }) }, t(item.sending ? 'hub.signingUp' : 'hub.signUp'));
      button.addEventListener('click', () => item.sending || host.onSignUp(item.key));
      children.push(button);
    } else {
      children.push(h('p', { class: `hub-state hub-${item.state}` }, t(`hub.state.${item.state}`, { tier: item.tierName })));
    }
    return h('li', { class: 'hub-item', 'data-key': item.key, tabindex: '-1' }, ...children);
  }

  function preview(item) {
    const label = t('hub.rateLabel', { title: item.title });
    const stars = h('div', { class: 'stars', role: 'group', 'aria-label': label },
      ...STARS.map((value) => {
        const star = h('button', { type: 'button', class: 'star', 'aria-pressed': String(value <= (item.rating ?? 0)),
          'aria-label': t('hub.stars', { value }), 'aria-disabled': String(item.sending) }, '★');
        star.addEventListener('click', () => item.sending || host.onRate(item.key, value));
        return star;
      }));
    const said = item.sending ? t('hub.ratingSending')
      : item.rating ? t('hub.yourRating', { value: item.rating }) : t('hub.rateIt');
    return h('li', { class: 'hub-item', 'data-key': item.key, tabindex: '-1' },
      h('p', { class: 'hub-item-title' }, item.title),
      h('p', { class: 'hub-meta' }, [t('hub.releases', { date: item.releaseDate }), t('hub.forTier', { tier: item.tierName })].join(' · ')),
      ...(item.description ? [h('p', { class: 'hub-description' }, item.description)] : []),
      stars, h('p', { class: 'hub-meta', role: 'status' }, said), ...failure(item));
  }

  function draw(view) {
    held.textContent = view.held.length ? t('hub.held', { perks: view.held.join(', ') }) : t('hub.heldNone');
    next.hidden = !view.next;
    if (view.next) {
      next.textContent = view.next.adds.length
        ? t('hub.nextAdds', { ...view.next, perks: view.next.adds.join(', ') })
        : t('hub.nextSame', view.next);
    }
    ladder.replaceChildren(...view.tiers.map(tier));
    experiences.replaceChildren(...view.experiences.map(experience));
    noExperiences.hidden = view.experiences.length > 0;
    previews.replaceChildren(...view.previews.map(preview));
    noPreviews.hidden = view.previews.length > 0;
  }

  return {
    root,
    /**
     * Redraws the lists. A shopper on the keyboard stays on the button they
     * pressed, or on its item once the button is gone.
     * @param {object} view  a "ready" tier hub view model
     */
    update(view) {
      const active = root.getRootNode().activeElement;
      const item = root.contains(active) ? active.closest('[data-key]') : null;
      const index = item ? [...item.querySelectorAll('button')].indexOf(active) : -1;
      draw(view);
      if (!item) return;
      const again = root.querySelector(`[data-key="${CSS.escape(item.dataset.key)}"]`);
      const button = again?.querySelectorAll('button')[index];
      (button ?? again)?.focus();
    },
  };
}
