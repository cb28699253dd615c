// Keyboard only, in Chromium: a shopper who never touches a mouse moves
// between screens with the arrow keys, redeems a reward, signs up for an
// experience and rates a preview, and always sees where the focus is.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useDemoStore, openStore } from './store_harness.mjs';

const env = useDemoStore('keyboard');

// What has the focus inside the widget: its role and accessible-ish name.
const focused = (page) => page.evaluate(() => {
  const element = document.querySelector('kindred-widget').shadowRoot.activeElement;
  if (!element) return null;
  return { tag: element.tagName.toLowerCase(), role: element.getAttribute('role'),
    name: element.getAttribute('aria-label') ?? element.textContent.trim().slice(0, 60),
    outline: getComputedStyle(element).outlineStyle };
});

// Presses Tab until the focus is on an element whose name matches, at most `limit` times.
async function tabTo(page, name, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now && name.test(now.name)) return now;
  }
  throw new Error(`Tab never reached ${name}`);
}

test('tabs by arrow keys, a redemption, a sign-up and a rating, all from the keyboard', async (t) => {
  const { page, widget, problems } = await openStore(env, t, { member: 'm_katherine' });
  await widget.getByRole('progressbar').waitFor();

  const home = await tabTo(page, /^Home$/);
  assert.equal(home.role, 'tab');
  assert.notEqual(home.outline, 'none', 'the focus is visible');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).name, 'Tiers');
  await widget.locator('.hub').waitFor();
  await page.keyboard.press('End');
  assert.equal((await focused(page)).name, 'Games');
  await page.keyboard.press('Home');
  assert.equal((await focused(page)).name, 'Home');

  // Rewards: into the list, Redeem, confirm, the code, and back with Escape.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal((await focused(page)).name, 'Rewards');
  await widget.locator('.reward .redeem').first().waitFor();
  const redeem = await tabTo(page, /^Redeem/);
  await page.keyboard.press('Enter');
  const dialog = widget.getByRole('dialog');
  await dialog.waitFor();
  const confirm = await tabTo(page, /^Redeem for/, 10);
  assert.equal(confirm.tag, 'button');
  await page.keyboard.press('Enter');
  await dialog.locator('.voucher').waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.match((await focused(page))?.name ?? '', /^Redeem|^Search/, `focus went back to the list, not lost (was on ${redeem.name})`);

  // Tiers: sign up for an experience, rate a preview.
  await widget.getByRole('tab', { name: 'Rewards' }).focus();
  await page.keyboard.press('ArrowLeft');
  await widget.locator('.hub').waitFor();
  await tabTo(page, /^Sign up for Map and compass basics$/);
  const signedUp = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await page.keyboard.press('Enter');
  assert.equal((await signedUp).status(), 201);
  await widget.locator('[data-key="experience:map-and-compass"]').getByText("You're going").waitFor();

  await tabTo(page, /^3 of 5 stars$/);
  const rated = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await page.keyboard.press('Space');
  assert.equal((await rated).status(), 201);
  await widget.locator('[data-key="preview:trail-runner-2"]').getByText('You rated it 3 of 5. Thank you!').waitFor();
  assert.equal((await focused(page)).name, '3 of 5 stars', 'still on the star pressed');
  assert.deepEqual(problems, []);
});
