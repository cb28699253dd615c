// The "For you" cards on the progress screen: the core's moments view model
// (sdk/include/kindred/moments_view.hpp) rendered as text. The core decides
// which cards show and in what order; this file only says them and wires
// their buttons: a surprise is acknowledged with thanks (and confetti, once),
// every other card can be dismissed, and an expiry reminder links to the
// rewards the member can redeem now. Below them, the member's challenges,
// their badge shelf and the program's impact counter, when there are any.

import { h } from './dom.js';
import { createCelebration } from './celebration.js';

/**
 * @param {(key: string, params?: object) => string} t
 * @param {{engine: () => object, objects: object, reducedMotion: () => boolean,
 *   onAction: (key: string, action: string) => void, onShowRewards: () => void}} host
 */
export function createMomentsView(t, host) {
  const list = h('ul', { class: 'moments', part: 'moments' });
  const celebration = createCelebration(host.engine, host.objects);
  const forYou = h('section', { class: 'moments-section', 'aria-label': t('moments.title'), hidden: true },
    h('h3', { class: 'moments-title' }, t('moments.title')), list, celebration.root);
  // The program's purpose counter: the backend's count, not a card to dismiss.
  const impactYours = h('p', { class: 'impact-yours' });
  const impactEveryone = h('p', { class: 'impact-everyone' });
  const impact = h('section', { class: 'impact', part: 'impact', 'aria-label': t('impact.title'), hidden: true },
    h('h3', { class: 'moments-title' }, t('impact.title')), impactYours, impactEveryone);
  // Challenges the host page or backend reports steps of, and the badges won.
  const challengeList = h('ul', { class: 'challenges' });
  const challenges = h('section', { class: 'challenges-section', part: 'challenges', 'aria-label': t('challenges.title'), hidden: true },
    h('h3', { class: 'moments-title' }, t('challenges.title')), challengeList);
  const badgeList = h('ul', { class: 'badges' });
  const badges = h('section', { class: 'badges-section', part: 'badges', 'aria-label': t('badges.title'), hidden: true },
    h('h3', { class: 'moments-title' }, t('badges.title')), badgeList);
  const root = h('div', { class: 'moments-area' }, forYou, challenges, badges, impact);

  function challenge(c) {
    const fill = h('div', { class: 'bar-fill' });
    fill.style.transform = `scaleX(${c.progress / c.steps})`;
    const meta = c.completed ? t('challenges.done', { badge: c.badgeTitle })
      : [t('challenges.progress', { progress: c.progress, steps: c.steps }),
        c.daysLeft === null ? null : t('challenges.ends', { daysLeft: c.daysLeft }),
        t('challenges.badge', { badge: c.badgeTitle })].filter(Boolean).join(' · ');
    return h('li', { class: `challenge${c.completed ? ' challenge-done' : ''}`, 'data-challenge': c.id },
      h('p', { class: 'challenge-title' }, c.title),
      ...(c.description ? [h('p', { class: 'challenge-description' }, c.description)] : []),
      // Drawn only: the line under it says the same in words ("3 of 5").
      h('div', { class: 'bar', 'aria-hidden': 'true' }, fill),
      h('p', { class: 'challenge-meta' }, meta));
  }
  const celebrated = new Set();  // surprise keys already thrown confetti for, this session

  function card(moment) {
    const text = t(moment.message.key, moment.message.params);
    const children = [h('p', { class: 'moment-text' }, text)];
    if (moment.kind === 'expiring' && moment.affordableCount > 0) {
      const show = h('button', { type: 'button', class: 'link', part: 'button' },
        t.plural('moments.showAffordable', moment.affordableCount, { count: moment.affordableCount }));
      show.addEventListener('click', host.onShowRewards);
      children.push(show);
    }
    if (moment.eventFailure) {
      children.push(h('p', { class: 'moment-failure', role: 'alert' },
        moment.eventFailure.detail || t(`moments.failed.${moment.eventFailure.reason}`)));
    }
    const acknowledge = moment.action === 'acknowledge';
    const button = h('button', {
      type: 'button', part: 'button', class: acknowledge ? 'primary' : 'dismiss',
      'aria-label': acknowledge ? null : t('moments.dismissLabel', { text }),
    }, t(acknowledge ? 'moments.thanks' : 'moments.dismiss'));
    button.addEventListener('click', () => host.onAction(moment.key, moment.action));
    children.push(button);
    return h('li', { class: `moment moment-${moment.kind}`, 'data-moment-key': moment.key, part: 'moment' }, ...children);
  }

  return {
    root,
    /** @param {object} view  the core's moments view ("ready"), or null to hide */
    update(view) {
      const cards = view?.status === 'ready' ? view.cards : [];
      list.replaceChildren(...cards.map(card));
      forYou.hidden = cards.length === 0;
      const open = view?.status === 'ready' ? view.challenges : [];
      challengeList.replaceChildren(...open.map(challenge));
      challenges.hidden = open.length === 0;
      const won = view?.status === 'ready' ? view.badges : [];
      badgeList.replaceChildren(...won.map((badge) => h('li', { class: 'badge', 'data-badge': badge.id }, badge.title)));
      badges.hidden = won.length === 0;
      const counter = view?.impact;
      impact.hidden = !counter;
      if (counter) {
        impactYours.textContent = t('impact.yours', { units: counter.memberUnits, label: counter.label });
        impactEveryone.textContent = t('impact.everyone', { units: counter.communityUnits });
      }
      const surprise = cards.find((moment) => moment.celebrate && !celebrated.has(moment.key));
      if (surprise) {
        celebrated.add(surprise.key);
        queueMicrotask(() => celebration.play(surprise.points * 7919, host.reducedMotion()));
      }
    },
    /** Stops the confetti and frees its wasm object (the session ends). */
    close() {
      celebration.stop();
      celebrated.clear();
    },
  };
}
