// Every non-empty string of the Big List of Naughty Strings as a reward name
// (and description), a ledger description and the member's name, served by
// the reference backend and shown on a phone: the widget renders each one as
// text, exactly as sent; no script runs and no dialog opens; no reward card
// is wider than the widget, and the page does not widen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { repoRoot, screenshotDir, useDemoStore, editSeedFile, openStore } from './store_harness.mjs';

const naughty = JSON.parse(readFileSync(join(repoRoot, '../shared/corpora/naughty-strings/blns.json'), 'utf8'))
  .filter((text) => text.trim().length > 0);
const CATEGORIES = ['gear', 'apparel', 'shipping', 'experiences', 'donations', 'gift-cards'];
const MEMBER_NAME = '<img src=x onerror="alert(1)">Ada';

const env = useDemoStore('hostile-catalog', {
  editSeed(dir) {
    // Cheap enough for every member to redeem, so each card shows its button.
    const rewards = naughty.map((name, i) => ({
      id: `rw_naughty_${i}`, name, description: naughty[(i * 7 + 3) % naughty.length],
      category: CATEGORIES[i % CATEGORIES.length], cost: 10 + i, popularity: naughty.length - i, createdInDays: -i,
    }));
    editSeedFile(dir, 'rewards.json', (seed) => { seed.rewards = rewards; });
    editSeedFile(dir, 'members.json', (seed) => {
      const ada = seed.members.find((member) => member.id === 'm_ada');
      ada.name = MEMBER_NAME;
      ada.activity.forEach((entry, i) => { entry.description = naughty[(i * 11 + 5) % naughty.length]; });
    });
    return { rewards };
  },
});

const openPhone = (t) => openStore(env, t, { viewport: VIEWPORTS.phone });

// The widget's elements matching `selector` whose content spills wider than they are.
function overflowing(page, selector) {
  return page.evaluate((wanted) => [...document.querySelector('kindred-widget').shadowRoot.querySelectorAll(wanted)]
    .filter((element) => element.scrollWidth > element.clientWidth + 1)
    .map((element) => element.textContent.slice(0, 40)), selector);
}

// What sticks out past the right edge of the phone's 390 px screen, in the
// page and the widget (but for the category chips, a row that scrolls
// sideways on purpose). Mobile Chromium widens its layout viewport to fit
// whatever sticks out, so innerWidth cannot be the measure.
function widerThanScreen(page) {
  return page.evaluate(() => [...document.querySelectorAll('*'), ...document.querySelector('kindred-widget').shadowRoot.querySelectorAll('*')]
    .filter((element) => !element.closest('.chips') && (element.getBoundingClientRect().right > 391))
    .map((element) => `${element.tagName}.${element.className} ${element.scrollWidth}/${Math.round(element.getBoundingClientRect().right)}: ${element.textContent.slice(0, 30)}`).slice(0, 8));
}

test('every naughty string as a reward name renders as that text, and no card overflows', async (t) => {
  const { page, widget, problems } = await openPhone(t);
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward').first().waitFor();
  // Page through the whole catalog, as a shopper would, with "Show more".
  const more = widget.getByRole('button', { name: 'Show more' });
  while (await more.isVisible()) {
    const shown = await widget.locator('.reward').count();
    await more.click();
    await page.waitForFunction(
      (count) => document.querySelector('kindred-widget').shadowRoot.querySelectorAll('.reward').length > count, shown);
  }
  const names = await widget.locator('.reward-name').allTextContents();
  assert.deepEqual([...names].sort(), env.seed.rewards.map((reward) => reward.name).sort());

  // These rewards have no images, so any element but the widget's own is markup from a name.
  const stray = await widget.evaluate((element) =>
    element.shadowRoot.querySelectorAll('.rewards img, .rewards script, .rewards iframe, .rewards svg, .rewards marquee').length);
  assert.equal(stray, 0, 'no markup from reward names');
  // A name the font cannot break (one letter under 37 combining marks is one
  // grapheme, 999 px wide) is clipped inside its card: the cards stay put.
  assert.deepEqual(await overflowing(page, '.reward, .rewards'), []);
  await page.screenshot({ path: join(screenshotDir, 'catalog-hostile-phone.png') });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `page ${width}px wide on a 390px screen: ${JSON.stringify(await widerThanScreen(page))}`);

  // A search for a reward's exact name finds it; its dialog shows the description as text.
  const target = env.seed.rewards.find((reward) => reward.name.includes('<script>'));
  await widget.locator('.search').fill(target.name);
  await widget.locator(`[data-reward-id="${target.id}"]`).waitFor();
  await widget.locator(`[data-reward-id="${target.id}"] .redeem`).click();
  const dialog = widget.getByRole('dialog');
  await dialog.waitFor();
  assert.ok((await dialog.textContent()).includes(target.name));
  await page.screenshot({ path: join(screenshotDir, 'catalog-hostile-dialog-phone.png') });
  assert.deepEqual(problems, []);
});

test('a naughty member name and ledger descriptions render as text', async (t) => {
  const { page, widget, problems } = await openPhone(t);
  await page.locator('#greeting').filter({ hasText: MEMBER_NAME }).waitFor();
  assert.equal(await page.locator('main img[src="x"]').count(), 0, 'the store page shows the name as text');

  await widget.getByRole('tab', { name: 'Activity' }).click();
  await widget.locator('.activity-text').first().waitFor();
  const texts = await widget.locator('.activity-text').allTextContents();
  for (const i of [0, 1, 2]) assert.ok(texts.includes(naughty[(i * 11 + 5) % naughty.length]), `ledger entry ${i}`);
  assert.deepEqual(await overflowing(page, '.activity-list li, .activity-text'), []);
  await page.screenshot({ path: join(screenshotDir, 'activity-hostile-phone.png') });
  assert.deepEqual(problems, []);
});
