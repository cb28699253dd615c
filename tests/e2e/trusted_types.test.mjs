// The widget on a page that enforces Trusted Types on top of the strict CSP
// (`require-trusted-types-for 'script'; trusted-types 'none'`): no policy may
// be created and every string sink (innerHTML, script URLs, eval) throws. The
// widget loads its engine, renders every screen, redeems and plays with no
// violation, because nothing in it ever turns a string into markup or code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, openStore, withContentSecurityPolicy } from './store_harness.mjs';

const TRUSTED_TYPES_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
  "require-trusted-types-for 'script'; trusted-types 'none'";
const env = useDemoStore('trusted-types');

test('under enforced Trusted Types every screen renders, a redemption and a spin go through, nothing is violated', async (t) => {
  const consoleErrors = [];
  const { page, widget, problems } = await openStore(env, t, {
    viewport: VIEWPORTS.phone,
    async prepare(page) {
      // A blocked sink is also reported on the console.
      page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
      await withContentSecurityPolicy(env, 'm_ada', TRUSTED_TYPES_CSP)(page);
    },
  });
  await widget.getByRole('progressbar').waitFor();

  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward .redeem').first().click();
  await widget.getByRole('button', { name: /^Redeem for/ }).click();
  await widget.locator('dialog .voucher').waitFor();
  assert.match(await widget.locator('dialog .voucher').textContent(), /^AUR-/);
  await widget.getByRole('button', { name: 'Done' }).click();

  await widget.getByRole('tab', { name: 'Activity' }).click();
  await widget.locator('.activity-text').first().waitFor();

  await widget.getByRole('tab', { name: 'Games' }).click();
  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.locator('.wheel-game .primary').click();
  await widget.locator('.fairness summary').waitFor({ timeout: 15000 });
  assert.match(await widget.locator('.fairness summary').textContent(), /Verified fair/);
  await page.screenshot({ path: join(screenshotDir, 'trusted-types-games-phone.png') });

  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(problems, []);
  assert.deepEqual(consoleErrors, []);

  // And the policy was in force all along: a page script assigning a string to innerHTML is refused.
  assert.equal(await page.evaluate(() => {
    try {
      document.createElement('div').innerHTML = '<b>trusted-types-probe</b>';
      return 'allowed';
    } catch (error) {
      return error.name;
    }
  }), 'TypeError');
});
