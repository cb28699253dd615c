// Micro-moments in Chromium, from the reference backend's GET /v1/moments to
// the "For you" cards the core decides: a surprise acknowledged once for
// every device, an expiry reminder dismissed for good that links to what the
// member can redeem now, a birth-month offer for the member's tier, a tier
// countdown, and the next-incentive nudge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { backendClient } from './backend_client.mjs';
import { useDemoStore, editSeedFile, openStore, repoRoot, screenshotDir } from './store_harness.mjs';

const env = useDemoStore('moments', {
  // Katherine's tier year ends in 5 days, for the countdown; the rest is the demo seed.
  editSeed: (dir) => editSeedFile(dir, 'members.json', (seed) => {
    seed.members.find((member) => member.id === 'm_katherine').tierWindowEndInDays = 5;
  }),
});

const backend = backendClient(() => env.server.url);

const cards = (widget) => widget.locator('.moment');
const cardTexts = async (widget) => (await widget.locator('.moment-text').allTextContents()).map((text) => text.trim());

async function openMember(t, member, viewport = VIEWPORTS.phone, { prepare } = {}) {
  const opened = await openStore(env, t, { member, viewport, prepare });
  await opened.widget.getByRole('progressbar').waitFor();
  return opened;
}

test('Grace sees her surprise first, thanks it once, and it is gone on every device', async (t) => {
  const { page, widget, problems } = await openMember(t, 'm_grace');
  await cards(widget).first().waitFor();
  const texts = await cardTexts(widget);
  assert.equal(texts[0], 'A thank-you for being with us: 50 points, added to your balance.');
  assert.equal(await widget.locator('.progress .expiring').isVisible(), false, 'said once, by the reminder card');
  assert.match(texts[1], /^40 points expire in 5 days, on .+\. Use them before they go\.$/);
  assert.equal(texts.at(-1), '160 points to your next $10 reward: spend $16 more.');
  assert.equal(await widget.locator('.moment').first().getAttribute('data-moment-key'), 'surprise:sg_01');
  await page.screenshot({ path: join(screenshotDir, 'moments-grace-phone.png'), fullPage: true });

  const sent = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await widget.getByRole('button', { name: 'Thank you!' }).click();
  assert.equal((await sent).status(), 201);
  assert.equal(await widget.locator('[data-moment-key="surprise:sg_01"]').count(), 0);

  // Another device (a fresh context) never shows it again.
  const other = await openMember(t, 'm_grace', VIEWPORTS.desktop);
  await cards(other.widget).first().waitFor();
  assert.equal(await other.widget.locator('[data-moment-key="surprise:sg_01"]').count(), 0);
  assert.deepEqual(problems, []);
});

test('an expiry reminder links to affordable rewards, and once dismissed stays dismissed', async (t) => {
  const { page, widget } = await openMember(t, 'm_ada');
  const reminder = widget.locator('.moment-expiring');
  await reminder.waitFor();
  assert.match(await reminder.textContent(), /200 points expire in 21 days/);

  // Ada opens the catalog once, so the reminder knows what she can redeem now.
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward').first().waitFor();
  await widget.getByRole('tab', { name: 'Home' }).click();
  const show = reminder.getByRole('button', { name: /rewards? you can redeem now/ });
  await show.click();
  await widget.locator('.reward').first().waitFor();
  assert.equal(await widget.getByRole('tab', { name: 'Rewards' }).getAttribute('aria-selected'), 'true');
  assert.equal(await widget.getByRole('checkbox', { name: 'I can redeem now' }).isChecked(), true);
  const statuses = await widget.locator('.reward-status').allTextContents();
  assert.ok(statuses.length > 0 && statuses.every((text) => /redeem this/i.test(text)), statuses.join(' | '));

  await widget.getByRole('tab', { name: 'Home' }).click();
  await reminder.getByRole('button', { name: /^Dismiss:/ }).click();
  assert.equal(await reminder.count(), 0);
  await page.waitForFunction(() => !Object.keys(localStorage).some((key) => key.startsWith('kindred:outbox:')));
  await page.reload();
  await widget.locator('.moment').first().waitFor();
  assert.equal(await widget.locator('.moment-expiring').count(), 0, 'the backend keeps the dismissal');
});

test('Ada, in her birth month, gets the Trailblazer offer until the month ends', async (t) => {
  const { page, widget } = await openMember(t, 'm_ada');
  const birthday = widget.locator('.moment-birthday');
  await birthday.waitFor();
  const text = await birthday.textContent();
  assert.match(text, /Happy birthday month! Birthday double points: Double points on every order this month/);
  const lastDay = await page.evaluate(() => {
    const now = new Date();
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' })
      .format(new Date(Date.UTC(now.getFullYear(), now.getMonth() + 1, 0)));
  });
  assert.ok(text.includes(`Yours until ${lastDay}.`), text);
  await page.screenshot({ path: join(screenshotDir, 'moments-ada-phone.png'), fullPage: true });
});

test('Katherine, five days before her tier year ends, sees the countdown with what it takes', async (t) => {
  const { page, widget } = await openMember(t, 'm_katherine', VIEWPORTS.desktop);
  const countdown = widget.locator('.moment-countdown');
  await countdown.waitFor();
  assert.match(await countdown.textContent(), /^Your tier year ends in 5 days: [\d,]+ points more reaches \w+, about \$[\d,]+ of shopping\./);
  await page.screenshot({ path: join(screenshotDir, 'moments-katherine-desktop.png'), fullPage: true });
});

test("the impact counter says the member's share and everyone's, as the backend counts them", async (t) => {
  const { impact } = await backend.moments('m_katherine');
  assert.ok(impact.memberUnits > 0 && impact.communityUnits > impact.memberUnits, JSON.stringify(impact));
  const { page, widget } = await openMember(t, 'm_katherine');
  const counter = widget.getByRole('region', { name: 'Your impact' });
  await counter.waitFor();
  const number = (n) => new Intl.NumberFormat('en').format(n);
  assert.equal(await counter.locator('.impact-yours').textContent(), `${number(impact.memberUnits)} ${impact.label} thanks to you`);
  assert.equal(await counter.locator('.impact-everyone').textContent(), `${number(impact.communityUnits)} by all members together`);
  await page.screenshot({ path: join(screenshotDir, 'moments-impact-katherine-phone.png'), fullPage: true });
});

test('a program without an impact counter shows none', async (t) => {
  const { widget } = await openMember(t, 'm_grace', VIEWPORTS.desktop, {
    prepare: (page) => page.route('**/v1/moments', async (route) => {
      const response = await route.fetch();
      route.fulfill({ response, json: { ...(await response.json()), impact: null } });
    }),
  });
  await widget.locator('.moment').first().waitFor();
  assert.equal(await widget.getByRole('region', { name: 'Your impact' }).count(), 0);
});

test('review steps the host page reports move the challenge on, and the last one puts the badge on the shelf', async (t) => {
  const before = (await backend.moments('m_katherine')).challenges.find((c) => c.id === 'write-3-reviews');
  assert.ok(before && before.progress < before.steps, JSON.stringify(before));
  const { page, widget } = await openMember(t, 'm_katherine');
  const row = widget.locator('[data-challenge="write-3-reviews"]');
  await row.waitFor();
  assert.match(await row.locator('.challenge-meta').textContent(),
    new RegExp(`^${before.progress} of ${before.steps} · ends (today|tomorrow|in \\d+ days) · badge: Trusted reviewer$`));
  assert.equal(await widget.locator('[data-badge="trusted-reviewer"]').count(), 0);

  for (let step = before.progress; step < before.steps; step += 1) {
    const event = await page.evaluate((subject) => document.querySelector('kindred-widget')
      .track('review-written', { subject }), `e2e-product-${step}`);
    assert.equal(event.type, 'review-written');
  }
  await widget.locator('[data-challenge="write-3-reviews"].challenge-done').waitFor();
  assert.equal(await row.locator('.challenge-meta').textContent(), 'Done! You earned the Trusted reviewer badge.');
  assert.match(await row.locator('.bar-fill').getAttribute('style'), /scaleX\(1\)/);
  await widget.getByRole('region', { name: 'Your badges' }).getByText('Trusted reviewer').waitFor();
  const after = await backend.moments('m_katherine');
  assert.equal(after.badges.filter((badge) => badge.id === 'trusted-reviewer').length, 1, 'earned once');
  await page.screenshot({ path: join(screenshotDir, 'moments-challenges-katherine-phone.png'), fullPage: true });
});

test('hostile challenge, badge and impact strings stay text and stay inside the card on a phone', async (t) => {
  const naughty = JSON.parse(readFileSync(join(repoRoot, '../shared/corpora/naughty-strings/blns.json'), 'utf8'))
    .filter((text) => text.trim().length > 0);
  const unbroken = 'W'.repeat(300);
  const hostile = (i) => naughty[(i * 37) % naughty.length];
  const { page, widget, problems } = await openMember(t, 'm_katherine', VIEWPORTS.phone, {
    prepare: (page) => page.route('**/v1/moments', async (route) => {
      const response = await route.fetch();
      const moments = await response.json();
      moments.challenges = moments.challenges.map((c, i) => ({ ...c, title: i ? hostile(i) : unbroken,
        description: hostile(i + 10), badge: { ...c.badge, title: hostile(i + 20) } }));
      moments.badges = [{ id: 'b1', title: unbroken, earnedAt: '2026-11-20T10:00:00Z' },
        ...naughty.slice(0, 40).map((title, i) => ({ id: `n${i}`, title, earnedAt: '2026-11-20T10:00:00Z' }))];
      moments.impact = { ...moments.impact, label: unbroken };
      route.fulfill({ response, json: moments });
    }),
  });
  const first = widget.locator('.challenge').first();
  await first.waitFor();
  assert.equal(await first.locator('.challenge-title').textContent(), unbroken, 'rendered as text');
  assert.equal(await widget.locator('.badge').count(), 41);
  assert.equal(await widget.locator('.badges script, .challenges script, .impact script, .badges img').count(), 0);
  // Nothing is wider than the card it sits in.
  const overflowing = await page.locator('kindred-widget').evaluate((host) => {
    const card = host.shadowRoot.querySelector('.moments-area').getBoundingClientRect();
    return [...host.shadowRoot.querySelectorAll('.challenges-section *, .badges-section *, .impact *')]
      .filter((element) => element.getBoundingClientRect().right > card.right + 1)
      .map((element) => element.className);
  });
  assert.deepEqual(overflowing, []);
  assert.deepEqual(problems, []);
  await page.screenshot({ path: join(screenshotDir, 'moments-hostile-phone.png'), fullPage: true });
});

async function expectPoll(condition, timeoutMs = 10000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('two steps reported in a row show the later count, even when the first reload answers last', async (t) => {
  // A demo member with room for two more reviews this month.
  let member;
  let before;
  for (const id of ['m_grace', 'm_ada', 'm_alan', 'm_katherine']) {
    before = (await backend.moments(id)).challenges.find((c) => c.id === 'write-3-reviews');
    if (before.progress + 2 <= before.steps) { member = id; break; }
  }
  assert.ok(member, 'no demo member has two reviews to go');
  let reloads = 0;
  let reloadHeld = false;
  const { page, widget } = await openMember(t, member, VIEWPORTS.phone, {
    prepare: (page) => page.route('**/v1/moments', async (route) => {
      const response = await route.fetch();  // the backend's count now
      // The first reload after a step (the page's first load is number 0)
      // is held back until the second has answered: a slow network.
      if (reloads++ === 1) {
        reloadHeld = true;
        await new Promise((resolve) => setTimeout(resolve, 1500));
        reloadHeld = false;
      }
      await route.fulfill({ response });
    }),
  });
  const meta = widget.locator('[data-challenge="write-3-reviews"] .challenge-meta');
  await meta.waitFor();
  await page.evaluate(async () => {
    const widget = document.querySelector('kindred-widget');
    await widget.track('review-written', { subject: 'e2e-order-1' });
    await widget.track('review-written', { subject: 'e2e-order-2' });
  });
  const expected = new RegExp(`^${before.progress + 2} of ${before.steps}`);
  await meta.filter({ hasText: expected }).waitFor();
  await expectPoll(() => reloads === 3 && !reloadHeld);  // the held-back answer has been served too
  await page.evaluate(() => new Promise(requestAnimationFrame));  // and rendered, had it counted
  assert.match(await meta.textContent(), expected);
});
