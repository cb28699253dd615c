// A shopper who changes screens while the widget is still loading the first
// one gets the second one's data too, instead of a spinner that never ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore } from './store_harness.mjs';

const env = useDemoStore('screen-switching');

test('choosing Games while the catalog is still loading shows the games', async (t) => {
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const page = await context.newPage();
  let releaseCatalog;
  const catalogHeld = new Promise((resolve) => { releaseCatalog = resolve; });
  await page.route('**/v1/rewards?*', async (route) => {
    await catalogHeld;
    await route.continue();
  });
  await page.goto(`${env.server.url}?member=m_ada`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.loading').waitFor();  // the catalog is on its way
  await widget.getByRole('tab', { name: 'Games' }).click();
  releaseCatalog();
  await widget.locator('[data-game-id="spin-wheel"]').waitFor({ timeout: 10_000 });
  assert.equal(await widget.getByRole('tab', { name: 'Games' }).getAttribute('aria-selected'), 'true');
});
