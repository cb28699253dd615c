// Messages are formatted through Intl and are plain text.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { formatMessage } from '../../web/format_message.js';
import english from '../../web/messages_en.js';

const context = { locale: 'en-US', currency: { singular: 'star', plural: 'stars' } };

test('the nudge reads naturally with numbers, plurals and money', () => {
  assert.equal(
    formatMessage(english, 'nudge.points_to_tier_perk',
      { points: 1200, tier: 'Gold', spend: 120, moneyCurrency: 'USD', perk: 'free shipping' }, context),
    '1,200 stars to Gold: spend $120 more to unlock free shipping.');
  assert.equal(formatMessage(english, 'nudge.no_tiers', { points: 1 }, context), 'You have 1 star to spend.');
});

test('money follows the program currency and the locale', () => {
  const text = formatMessage(english, 'nudge.points_to_tier', { points: 50, tier: 'Or', spend: 5, moneyCurrency: 'EUR' },
    { ...context, locale: 'fr-FR' });
  assert.match(text, /5\s€/);
  assert.match(text, /^50 stars/);
});

test('dates are the calendar day the backend named, in any time zone', () => {
  assert.equal(formatMessage(english, 'progress.expiring', { points: 90, daysLeft: 7, date: '2026-11-30' }, context),
    '90 stars expire in 7 days (Nov 30, 2026).');
  assert.equal(formatMessage(english, 'progress.expiring', { points: 2, daysLeft: 0, date: '2026-01-01' }, context),
    '2 stars expire today (Jan 1, 2026).');
});

test('backend strings stay text, markup included', () => {
  const text = formatMessage(english, 'nudge.top_tier', { tier: '<img src=x onerror=alert(1)>' }, context);
  assert.equal(text, "You're a <img src=x onerror=alert(1)> member, our top tier. Thank you for being with us.");
});

test('an unknown key shows itself rather than nothing', () => {
  assert.equal(formatMessage(english, 'nudge.from_the_future', {}, context), 'nudge.from_the_future');
});
