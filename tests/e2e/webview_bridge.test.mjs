// The widget in a mobile app's webview, through the demo's webview simulator
// (demo/site/webview.html plays the native side of iOS, Android and React
// Native): the page in the "phone" holds no token and makes no request to
// the backend itself; every call goes over the platform's bridge and the app
// makes it. A redemption through the bridge is applied exactly once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const env = useDemoStore('webview');
const backend = backendClient(() => env.server.url);

async function openSimulator(t, { platform, member }) {
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Every request the page in the phone makes itself (not the "app").
  const fromWebview = [];
  page.on('request', (request) => {
    if (request.frame() !== page.mainFrame()) fromWebview.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  await page.goto(`${env.server.url}webview.html?platform=${platform}&member=${member}`);
  const widget = page.frameLocator('#webview').locator('kindred-widget');
  return { page, widget, problems, fromWebview };
}

for (const [platform, member] of [['ios', 'm_ada'], ['android', 'm_katherine'], ['react-native', 'm_grace']]) {
  test(`${platform}: the widget shows the member's balance with every call made by the app`, async (t) => {
    const { page, widget, problems, fromWebview } = await openSimulator(t, { platform, member });
    const { points } = await backend.member(member);
    await widget.locator('.balance-value').waitFor();
    assert.equal(await widget.locator('.balance-value').textContent(), new Intl.NumberFormat('en').format(points));
    await widget.getByRole('tab', { name: 'Rewards' }).click();
    await widget.locator('.reward').first().waitFor();

    assert.deepEqual(fromWebview.filter((request) => request.includes('/v1/') || request.includes('/demo/')), [],
      'the page in the webview never calls the backend itself');
    assert.ok(fromWebview.includes('GET /dist/webview_bridge.js'), 'the bridge is loaded, on demand');
    const log = await page.locator('#log li').allTextContents();
    for (const path of ['/v1/program', '/v1/member', '/v1/moments']) {
      assert.ok(log.some((line) => line.startsWith(`GET ${path} → 200`)), `the app fetched ${path}: ${log.join(' | ')}`);
    }
    assert.ok(!log.some((line) => line.startsWith('refused')), log.join(' | '));
    await page.screenshot({ path: join(screenshotDir, `webview-${platform}-desktop.png`) });
    assert.deepEqual(problems, []);
  });
}

test('ios: a redemption whose answer the app lost is sent again with its key and applied once', async (t) => {
  const member = 'm_ada';
  const reward = (await backend.rewards(member)).find((r) => r.name === 'Piñata trail mix');
  const before = await backend.member(member);
  const { page, widget, problems } = await openSimulator(t, { platform: 'ios', member });
  // The backend redeems, but the app's connection drops before the answer:
  // the app has no reply to give, and the widget must send it again.
  let posts = 0;
  await page.route('**/v1/redemptions', async (route) => {
    posts += 1;
    if (posts > 1) return route.continue();
    await route.fetch();
    return route.abort('connectionreset');
  });
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.getByRole('searchbox').fill(reward.name);
  await widget.getByRole('button', { name: `Redeem ${reward.name}` }).click();
  const dialog = widget.getByRole('dialog');
  await dialog.getByRole('button', { name: `Redeem for ${reward.cost} points` }).click();
  await dialog.getByRole('heading', { name: /Your code/ }).waitFor({ timeout: 20000 });
  assert.equal(posts, 2, 'sent again after the lost answer');

  const after = await backend.member(member);
  assert.equal(after.points, before.points - reward.cost, 'charged once');
  const redemptions = (await backend.activity(member)).filter((entry) => entry.kind === 'redemption' && entry.description.includes(reward.name));
  assert.equal(redemptions.length, 1);
  assert.equal(await page.locator('#log li', { hasText: 'POST /v1/redemptions → 201' }).count(), 1, 'the replay answered as the first');
  assert.deepEqual(problems, []);
});
