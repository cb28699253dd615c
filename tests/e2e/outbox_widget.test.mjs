// The outbox in Chromium: writes whose answers are lost (the network cut
// mid-request, by aborting the route: browsers' offline mode alone does not
// cut a page's requests reliably) survive a reload and are applied exactly
// once, as the backend's own ledger shows; two tabs never send one twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, openRewardsTab } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const env = useDemoStore('outbox');
const backend = backendClient(() => env.server.url);

const outboxItems = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.startsWith('kindred:outbox:'))
  .map((key) => JSON.parse(localStorage.getItem(key)).item));

/** Lets requests to `pattern` reach the backend, then loses their answers (or, with reach: false, never sends them). */
async function cutAnswers(target, pattern, { reach = true } = {}) {
  const keys = [];
  await target.route(pattern, async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (reach) await route.fetch();
    await route.abort('connectionreset');
  });
  return keys;
}

/**
 * The shopper's next visit, with the network back. The page is left first,
 * so its own background retry (which would also deliver the write) cannot
 * win the race against the reload this test is about.
 */
async function nextPageLoad(page, pattern) {
  const url = page.url();
  await page.goto('about:blank');
  await page.unroute(pattern);
  await page.goto(url);
}

async function redeemWithLostAnswers(t, member, rewardName, { reach }) {
  const { page, widget } = await openRewardsTab(env, t, { member, viewport: VIEWPORTS.phone });
  const keys = await cutAnswers(page, '**/v1/redemptions', { reach });
  await widget.getByRole('searchbox').fill(rewardName);
  await widget.getByRole('button', { name: `Redeem ${rewardName}` }).click();
  const dialog = widget.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Redeem for/ }).click();
  await dialog.getByText(/couldn't reach the rewards service/).waitFor({ timeout: 20000 });
  await widget.locator('.outbox', { hasText: `Waiting to send: redeem ${rewardName}` }).waitFor();
  return { page, widget, keys };
}

const redemptionsOf = async (member, rewardName) =>
  (await backend.activity(member)).filter((entry) => entry.kind === 'redemption' && entry.description.includes(rewardName));

for (const reach of [true, false]) {
  test(`a redemption whose ${reach ? 'answer was lost' : 'request never left'} is sent again after a reload, and applied once`, async (t) => {
    const member = reach ? 'm_katherine' : 'm_ada';
    const rewardName = reach ? 'Gift wrapping' : 'Piñata trail mix';
    const before = await redemptionsOf(member, rewardName);
    const { page, widget, keys } = await redeemWithLostAnswers(t, member, rewardName, { reach });
    const [queued] = await outboxItems(page);
    assert.equal(queued.kind, 'redemption');
    assert.equal(new Set(keys).size, 1, 'every try carried one key');
    assert.equal(queued.key, keys[0]);
    assert.equal((await redemptionsOf(member, rewardName)).length, before.length + (reach ? 1 : 0));
    await page.screenshot({ path: join(screenshotDir, `outbox-pending-${reach ? 'lost' : 'unsent'}-phone.png`) });

    await nextPageLoad(page, '**/v1/redemptions');
    const done = widget.locator('.outbox', { hasText: `Your redemption of ${rewardName} went through. Your code: AUR-` });
    await done.waitFor({ timeout: 20000 });
    await page.screenshot({ path: join(screenshotDir, `outbox-delivered-${reach ? 'lost' : 'unsent'}-phone.png`) });
    assert.deepEqual(await outboxItems(page), []);
    assert.equal((await redemptionsOf(member, rewardName)).length, before.length + 1, 'applied exactly once');
  });
}

test('a play whose answer was lost is replayed after a reload: one play used, one credit', async (t) => {
  const member = 'm_alan';
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const page = await context.newPage();
  await page.goto(`${env.server.url}?member=${member}`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Games' }).click();
  const spinBefore = (await backend.games(member)).games.find((game) => game.id === 'spin-wheel');
  const pointsBefore = (await backend.member(member)).points;
  await cutAnswers(page, '**/v1/games/spin-wheel/plays');
  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.getByRole('button', { name: 'Spin the wheel' }).click();
  await widget.locator('.game-result', { hasText: "couldn't reach the game" }).waitFor({ timeout: 20000 });
  assert.equal((await outboxItems(page)).length, 1);

  await nextPageLoad(page, '**/v1/games/spin-wheel/plays');
  await widget.locator('.outbox', { hasText: 'Your play of Spin the wheel went through.' }).waitFor({ timeout: 20000 });
  const spinAfter = (await backend.games(member)).games.find((game) => game.id === 'spin-wheel');
  assert.equal(spinAfter.playsLeft, spinBefore.playsLeft - 1);
  const credits = (await backend.activity(member)).filter((entry) => entry.kind === 'game_prize');
  assert.equal((await backend.member(member)).points - pointsBefore, credits.reduce((sum, entry) => sum + entry.points, 0));
  assert.ok(credits.length <= 1);
  assert.deepEqual(await outboxItems(page), []);
});

test('two tabs that find the same queued write send it once', async (t) => {
  const member = 'm_grace';
  const rewardName = 'Piñata trail mix';
  const before = await redemptionsOf(member, rewardName);
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  // Queue it in one tab, with no network for it.
  const first = await context.newPage();
  await first.goto(`${env.server.url}?member=${member}`);
  const firstWidget = first.locator('kindred-widget');
  await firstWidget.getByRole('tab', { name: 'Rewards' }).click();
  await firstWidget.locator('.reward').first().waitFor();
  await cutAnswers(first, '**/v1/redemptions', { reach: false });
  await firstWidget.getByRole('searchbox').fill(rewardName);
  await firstWidget.getByRole('button', { name: `Redeem ${rewardName}` }).click();
  await firstWidget.getByRole('dialog').getByRole('button', { name: /^Redeem for/ }).click();
  await firstWidget.locator('.outbox', { hasText: 'Waiting to send' }).waitFor({ timeout: 20000 });
  await first.close();

  // Two tabs open at once and both find it; count what reaches the backend.
  const sent = [];
  await context.route('**/v1/redemptions', async (route) => {
    sent.push(route.request().headers()['idempotency-key']);
    await route.continue();
  });
  const tabs = await Promise.all([context.newPage(), context.newPage()]);
  await Promise.all(tabs.map((tab) => tab.goto(`${env.server.url}?member=${member}`)));
  await Promise.any(tabs.map((tab) => tab.locator('kindred-widget .outbox', { hasText: 'went through' }).waitFor({ timeout: 20000 })));
  await tabs[0].waitForTimeout(1500);  // time for a second send, were there one
  assert.equal(sent.length, 1, `sent ${sent.length} times`);
  assert.equal((await redemptionsOf(member, rewardName)).length, before.length + 1);
  assert.deepEqual(await outboxItems(tabs[0]), []);
});
