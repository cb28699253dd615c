// Renders the core's progress view model (see sdk/include/kindred/progress_view.hpp)
// into DOM built once and updated in place. Every backend string lands in
// textContent or an attribute, never in markup.

import { h } from './dom.js';

/** @param {(key: string, params?: object) => string} t  formats a catalog message */
export function createProgressView(t) {
  const balanceValue = h('span', { class: 'balance-value', part: 'balance' });
  const balanceUnit = h('span', { class: 'balance-unit' });
  const pending = h('p', { class: 'pending', hidden: true });
  const tierName = h('span', { class: 'tier-name', part: 'tier' });
  const barLabel = h('span', { class: 'bar-label' });
  const barCount = h('span', { class: 'bar-count' });
  const fill = h('div', { class: 'bar-fill', part: 'progress-fill' });
  const bar = h('div', { class: 'bar', role: 'progressbar', part: 'progress-bar' }, fill);
  const barBlock = h('div', {}, h('div', { class: 'bar-caption', 'aria-hidden': 'true' }, barLabel, barCount), bar);
  const nudge = h('p', { class: 'nudge', part: 'nudge' });
  const expiring = h('p', { class: 'expiring', part: 'expiring', hidden: true });

  const root = h('div', { class: 'progress' },
    h('div', { class: 'head' },
      h('div', { class: 'balance' },
        h('span', { class: 'tier-label' }, t('progress.balanceLabel')), balanceValue, balanceUnit, pending),
      h('div', { class: 'tier' }, h('span', { class: 'tier-label' }, t('progress.tierLabel')), tierName)),
    barBlock, nudge, expiring);

  return {
    root,
    /**
     * @param {object} view  a "ready" progress view model
     * @param {{expiryCard?: boolean}} [options]  a moment card already says what expires
     */
    update(view, { expiryCard = false } = {}) {
      const { member, program } = view;
      balanceValue.textContent = t('progress.balanceValue', { points: member.points });
      balanceUnit.textContent = t('progress.balanceUnit', { points: member.points });
      pending.hidden = member.pendingPoints <= 0;
      pending.textContent = t('progress.pending', { points: member.pendingPoints });
      tierName.textContent = view.tier ? view.tier.name : '';
      tierName.parentElement.hidden = !view.tier;

      barBlock.hidden = !view.bar;
      if (view.bar) {
        const label = view.nextTier
          ? t('progress.barToNext', { tier: view.nextTier.name })
          : t('progress.barTop', { tier: view.tier.name });
        const valueText = t('progress.barValue', { value: view.bar.value, max: view.bar.max, unit: program.currency.plural });
        barLabel.textContent = label;
        barCount.textContent = view.nextTier ? t('progress.barCount', view.bar) : '';
        bar.setAttribute('aria-label', label);
        bar.setAttribute('aria-valuemin', String(view.bar.min));
        bar.setAttribute('aria-valuemax', String(view.bar.max));
        bar.setAttribute('aria-valuenow', String(view.bar.value));
        bar.setAttribute('aria-valuetext', valueText);
        // CSSOM, not a style attribute: allowed under a strict style-src.
        fill.style.transform = `scaleX(${Math.min(1, Math.max(0, view.bar.fraction))})`;
      }

      nudge.textContent = t(view.nudge.key, view.nudge.params);
      expiring.hidden = !view.expiring || expiryCard;
      if (view.expiring) expiring.textContent = t('progress.expiring', view.expiring);
    },
  };
}
