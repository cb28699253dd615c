// Redeeming in Chromium against the reference backend, checked against the
// backend's own ledger: exactly once, whatever double clicks, a dropped
// network and a second tab do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, openRewardsTab } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const shots = screenshotDir;
const env = useDemoStore('redeem');
const backend = backendClient(() => env.server.url);

const openStore = (t, member, options) => openRewardsTab(env, t, { member, ...options });

async function openDialog(widget, rewardName) {
  await widget.getByRole('searchbox').fill(rewardName);
  await widget.getByRole('button', { name: `Redeem ${rewardName}` }).click();
  const dialog = widget.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

const redemptionsOf = async (memberId, rewardName) =>
  (await backend.activity(memberId)).filter((entry) => entry.kind === 'redemption' && entry.description.includes(rewardName));

test('a shopper redeems a reward, gets a code, and sees the new balance', async (t) => {
  const member = 'm_ada';
  const before = await backend.member(member);
  const reward = (await backend.rewards(member)).find((r) => r.name === 'Piñata trail mix');
  const { page, widget, problems } = await openStore(t, member);
  const events = [];
  await page.exposeFunction('__onRedeem', (detail) => events.push(detail));
  await page.evaluate(() => document.querySelector('kindred-widget')
    .addEventListener('kindred:redeem', (event) => window.__onRedeem(event.detail)));

  const dialog = await openDialog(widget, reward.name);
  assert.equal(await dialog.getByRole('button', { name: `Redeem for ${reward.cost} points` }).evaluate(
    (button) => button === button.getRootNode().activeElement), true, 'focus moves into the dialog');
  await dialog.getByRole('button', { name: `Redeem for ${reward.cost} points` }).click();
  const voucher = dialog.locator('.voucher');
  await voucher.waitFor({ state: 'visible' });
  const code = await voucher.textContent();
  assert.match(code, /^AUR-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await page.screenshot({ path: join(shots, 'redeem-success-desktop.png') });

  const after = await backend.member(member);
  assert.equal(after.points, before.points - reward.cost);
  assert.match(await dialog.textContent(), new RegExp(`New balance: ${after.points.toLocaleString('en-US')} points`));
  assert.deepEqual(events, [{ rewardId: reward.id, code, balance: after.points }]);
  assert.equal((await redemptionsOf(member, reward.name)).length, 1);

  await dialog.getByRole('button', { name: 'Done' }).click();
  assert.equal(await widget.getByRole('button', { name: `Redeem ${reward.name}` }).evaluate(
    (button) => button === button.getRootNode().activeElement), true, 'focus returns to the Redeem button');
  await widget.getByRole('tab', { name: 'Home' }).click();
  assert.equal(await widget.locator('.balance-value').textContent(), after.points.toLocaleString('en-US'));

  // The ledger, newest first, as the backend keeps it.
  await widget.getByRole('tab', { name: 'Activity' }).click();
  await widget.locator('.activity').first().waitFor();
  const ledger = await backend.activity(member);
  const shown = await widget.locator('.activity').evaluateAll((rows) => rows.map((row) => [
    row.querySelector('.activity-text').textContent, row.querySelector('.activity-points').textContent]));
  assert.deepEqual(shown, ledger.slice(0, 20).map((e) => [e.description, e.points > 0 ? `+${e.points.toLocaleString('en-US')}` : e.points.toLocaleString('en-US')]));
  assert.equal(shown[0][0], `Redeemed: ${reward.name}`);
  await page.screenshot({ path: join(shots, 'activity-ada-desktop.png') });
  assert.deepEqual(problems, []);
});

test('a double click on Redeem redeems once', async (t) => {
  const member = 'm_katherine';
  const reward = (await backend.rewards(member)).find((r) => r.name === 'Gift wrapping');
  const before = await backend.member(member);
  const { widget } = await openStore(t, member);
  const dialog = await openDialog(widget, reward.name);
  await dialog.getByRole('button', { name: /^Redeem for/ }).dblclick();
  await dialog.locator('.voucher').waitFor({ state: 'visible' });
  assert.equal((await redemptionsOf(member, reward.name)).length, 1);
  assert.equal((await backend.member(member)).points, before.points - reward.cost);
});

test('a dropped network is retried with the same key and applied once', async (t) => {
  const member = 'm_alan';
  const reward = (await backend.rewards(member)).find((r) => r.name === 'Free standard shipping');
  const before = await backend.member(member);
  const { page, widget } = await openStore(t, member, { context: undefined });
  const keys = [];
  let dropping = true;
  await page.route('**/v1/redemptions', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (!dropping) return route.continue();
    // The request reaches the backend, then the answer is lost on the way back.
    await route.fetch();
    return route.abort('connectionreset');
  });
  const dialog = await openDialog(widget, reward.name);
  await dialog.getByRole('button', { name: /^Redeem for/ }).click();
  const retry = dialog.getByRole('button', { name: 'Try again' });
  await retry.waitFor({ timeout: 15000 });
  assert.match(await dialog.locator('.dialog-status').textContent(), /Your points are safe/);
  await page.screenshot({ path: join(shots, 'redeem-network-desktop.png') });

  dropping = false;
  await retry.click();
  await dialog.locator('.voucher').waitFor({ state: 'visible' });
  assert.ok(keys.length >= 2, `${keys.length} attempts`);
  assert.equal(new Set(keys).size, 1, `one key for every attempt: ${keys}`);
  assert.equal((await redemptionsOf(member, reward.name)).length, 1);
  assert.equal((await backend.member(member)).points, before.points - reward.cost);
});

test('two tabs racing for the last points: one wins, the other is told why, nothing goes negative', async (t) => {
  const member = 'm_grace';
  const { points } = await backend.member(member);
  // A reward Grace can afford once but not twice.
  const reward = (await backend.rewards(member)).find((r) => r.cost <= points && r.cost * 2 > points &&
    !r.tierRequired && !r.earlyAccess && r.stock !== 0);
  assert.ok(reward, `no reward between ${points / 2} and ${points} points`);
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const tabs = [await openStore(t, member, { context }), await openStore(t, member, { context })];
  const dialogs = [];
  for (const { widget } of tabs) dialogs.push(await openDialog(widget, reward.name));
  await Promise.all(dialogs.map((dialog) => dialog.getByRole('button', { name: /^Redeem for/ }).click()));
  // Settled: the dialog offers its last button (Done after a win, Close after a refusal).
  await Promise.all(dialogs.map((dialog) => dialog.getByRole('button', { name: /^(Done|Close)$/ }).waitFor()));
  const outcomes = await Promise.all(dialogs.map(async (dialog) => ((await dialog.locator('.voucher').isVisible()) ? 'won' : (await dialog.locator('.dialog-status').textContent()))));
  assert.equal(outcomes.filter((o) => o === 'won').length, 1, outcomes.join(' | '));
  assert.match(outcomes.find((o) => o !== 'won'), /You need \d+ more points|enough points/);
  const loser = tabs[outcomes.findIndex((o) => o !== 'won')];
  // The losing tab catches up with the balance the other tab left.
  await loser.widget.locator('.reward-status', { hasText: /points away/ }).first().waitFor();
  await loser.page.screenshot({ path: join(shots, 'redeem-race-loser-desktop.png') });
  const after = await backend.member(member);
  assert.equal(after.points, points - reward.cost);
  assert.ok(after.points >= 0);
  assert.equal((await redemptionsOf(member, reward.name)).length, 1);
});
