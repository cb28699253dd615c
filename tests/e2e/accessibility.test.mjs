// axe-core in Chromium on every screen of the widget and its dialogs, on a
// phone and a desktop, in light and dark: no violations at WCAG 2.1 AA (colour
// contrast included). axe reaches into the shadow root by itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, openStore } from './store_harness.mjs';
import { axeSource, axeViolations as violations } from './axe_audit.mjs';

const env = useDemoStore('accessibility');

for (const [size, scheme] of [['phone', 'light'], ['desktop', 'dark']]) {
  test(`every screen and dialog passes axe at WCAG 2.1 AA (${size}, ${scheme})`, async (t) => {
    const { page, widget } = await openStore(env, t, {
      member: 'm_ada',
      viewport: { ...VIEWPORTS[size], colorScheme: scheme, reducedMotion: 'reduce' },
      prepare: (p) => p.addInitScript(axeSource),
    });
    await widget.getByRole('progressbar').waitFor();
    const found = {};
    found.home = await violations(page);

    await widget.getByRole('button', { name: 'See your year in review' }).click();
    await widget.locator('.year-dialog canvas').waitFor();
    found.year = await violations(page);
    await widget.getByRole('button', { name: 'Close' }).click();

    const screens = [['Tiers', '.hub'], ['Rewards', '.reward'], ['Activity', '.activity'], ['Games', '.game-card']];
    for (const [tab, ready] of screens) {
      await widget.getByRole('tab', { name: tab }).click();
      await widget.locator(ready).first().waitFor();
      found[tab.toLowerCase()] = await violations(page);
    }

    await widget.getByRole('tab', { name: 'Rewards' }).click();
    await widget.locator('.reward .redeem').first().click();
    await widget.getByRole('dialog').waitFor();
    found.redeem = await violations(page);

    assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length)), {});
  });
}

test('axe does look inside the widget: a brand theme with unreadable grey text is caught', async (t) => {
  const { page, widget } = await openStore(env, t, {
    member: 'm_ada', prepare: (p) => p.addInitScript(axeSource),
  });
  await widget.getByRole('progressbar').waitFor();
  await widget.evaluate((element) => element.style.setProperty('--kindred-muted', '#d4d4d4'));
  const found = await violations(page);
  assert.ok(found.some((line) => line.startsWith('color-contrast:')), found.join('\n') || 'no violation found');
});
