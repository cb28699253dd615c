// The rewards catalog in Chromium against the reference backend: the widget
// pages the catalog into the wasm core, then searches, filters and sorts it
// there, and renders what the core says about each reward.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, openRewardsTab } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const shots = screenshotDir;
const env = useDemoStore('catalog');

const backendRewards = (memberId) => backendClient(env.server.url).rewards(memberId);

const openRewards = (t, options) => openRewardsTab(env, t, options);

const names = (widget) => widget.locator('.reward-name').allTextContents();
const countText = (widget) => widget.locator('.count').textContent();

test('the catalog shows every reward the backend has, a page at a time', async (t) => {
  const { page, widget, problems } = await openRewards(t);
  const all = await backendRewards('m_ada');
  assert.ok(all.length >= 50, `only ${all.length} seeded rewards`);
  assert.equal(await countText(widget), `${all.length} rewards`);
  assert.equal(await widget.locator('.reward').count(), 20);
  await widget.getByRole('button', { name: 'Show more' }).click();
  await page.waitForFunction(() => document.querySelector('kindred-widget').shadowRoot.querySelectorAll('.reward').length > 20);
  assert.equal(await widget.locator('.reward').count(), Math.min(40, all.length));
  const mostPopular = [...all].sort((a, b) => b.popularity - a.popularity || (a.id < b.id ? -1 : 1));
  assert.deepEqual((await names(widget)).slice(0, 5), mostPopular.slice(0, 5).map((r) => r.name));
  await page.screenshot({ path: join(shots, 'catalog-ada-desktop.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('the rows "Show more" gave stay after a redemption among them, on a phone', async (t) => {
  const { page, widget, problems } = await openRewards(t, { viewport: VIEWPORTS.phone, member: 'm_katherine' });
  await widget.getByRole('button', { name: 'Show more' }).click();
  await page.waitForFunction(() => document.querySelector('kindred-widget').shadowRoot.querySelectorAll('.reward').length > 20);
  const shown = await widget.locator('.reward').count();
  // A reward from the second page, redeemed: the balance changes and the widget renders again.
  const row = widget.locator('.reward').nth(shown - 1);
  const redeem = row.locator('.redeem');
  assert.equal(await redeem.count(), 1, 'Katherine can redeem the last reward shown');
  const name = await row.locator('.reward-name').textContent();
  await redeem.click();
  const dialog = widget.getByRole('dialog');
  await dialog.getByRole('button', { name: /^Redeem for/ }).click();
  await dialog.getByRole('heading', { name: /Your code/ }).waitFor();
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  await page.waitForTimeout(500);  // the moments reload after a redemption renders again
  assert.equal(await widget.locator('.reward').count(), shown, 'the list did not shrink back to its first page');
  assert.ok((await names(widget)).includes(name), `${name} is still where the shopper was`);
  assert.deepEqual(problems, []);
});

test('search folds accents and case, and matches word starts', async (t) => {
  const { widget } = await openRewards(t, { viewport: VIEWPORTS.phone });
  await widget.getByRole('searchbox', { name: 'Search rewards' }).fill('CAFE cre');
  await widget.locator('.count', { hasText: /^1 reward$/ }).waitFor();
  assert.deepEqual(await names(widget), ['Café Crème thermos']);
  await widget.getByRole('searchbox').fill('zzzz');
  await widget.getByText('No rewards match.', { exact: false }).waitFor();
  assert.equal(await widget.locator('.reward').count(), 0);
});

test('category chips, filters and sorts change the list as the backend data says they should', async (t) => {
  const { page, widget } = await openRewards(t);
  const all = await backendRewards('m_ada');
  const category = all[0].category;
  await widget.locator('.chip', { hasText: category.replace(/-/g, ' ') }).click();
  const inCategory = all.filter((r) => r.category === category);
  await widget.locator('.count', { hasText: new RegExp(`^${inCategory.length} rewards?$`) }).waitFor();
  for (const meta of await widget.locator('.reward-meta').allTextContents()) assert.match(meta, new RegExp(category.replace(/-/g, ' ')));

  await widget.getByRole('button', { name: 'All', exact: true }).click();
  await widget.getByRole('combobox', { name: 'Sort rewards' }).selectOption('cost-asc');
  await widget.locator('.count', { hasText: `${all.length} rewards` }).waitFor();
  const cheapest = [...all].sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1)).slice(0, 20).map((r) => r.name);
  await page.waitForFunction((first) => document.querySelector('kindred-widget').shadowRoot.querySelector('.reward-name')?.textContent === first, cheapest[0]);
  assert.deepEqual(await names(widget), cheapest);

  await widget.getByLabel('I can redeem now').check();
  const statuses = await widget.locator('.reward-status').allTextContents();
  assert.ok(statuses.length > 0);
  assert.ok(statuses.every((s) => s === 'You can redeem this'), statuses.join(' | '));
});

test('each reward says what stands between the member and it', async (t) => {
  const { widget } = await openRewards(t, { member: 'm_grace', viewport: VIEWPORTS.phone });
  await widget.getByRole('combobox', { name: 'Sort rewards' }).selectOption('cost-desc');
  await widget.locator('.reward-name').first().waitFor();
  const statuses = new Set(await widget.locator('.reward-status').allTextContents());
  assert.ok([...statuses].some((s) => /^[\d,]+ points away$/.test(s)), [...statuses].join(' | '));
  assert.ok([...statuses].some((s) => /^For (Summit|Peak) members$/.test(s)), [...statuses].join(' | '));
  await widget.page().screenshot({ path: join(shots, 'catalog-grace-phone.png'), fullPage: true });
});

test('the tabs work from the keyboard', async (t) => {
  const { page, widget } = await openRewards(t);
  const rewardsTab = widget.getByRole('tab', { name: 'Rewards' });
  assert.equal(await rewardsTab.getAttribute('aria-selected'), 'true');
  await rewardsTab.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await widget.getByRole('tab', { name: 'Tiers' }).getAttribute('aria-selected'), 'true');
  await widget.locator('.hub').waitFor();
  await page.keyboard.press('Home');
  assert.equal(await widget.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected'), 'true');
  await widget.getByRole('progressbar').waitFor();
  assert.equal(await widget.locator('.catalog').isVisible(), false);
  await page.keyboard.press('End');
  assert.equal(await widget.getByRole('tab', { name: 'Games' }).getAttribute('aria-selected'), 'true');
  await widget.locator('.game-card').first().waitFor();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await widget.getByRole('tab', { name: 'Activity' }).getAttribute('aria-selected'), 'true');
  await widget.locator('.activity').first().waitFor();
  await page.keyboard.press('ArrowLeft');
  assert.equal(await rewardsTab.getAttribute('aria-selected'), 'true');
  await widget.locator('.reward').first().waitFor();
  // Only the selected tab is in the Tab order.
  assert.deepEqual(await widget.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => tab.tabIndex)), [-1, -1, 0, -1, -1]);
});

test('on a phone the catalog never makes the page wider than the screen', async (t) => {
  // The host layout is deliberately naive (a 1fr grid track grows to its content).
  const { page, widget } = await openRewards(t, { viewport: VIEWPORTS.phone });
  // Through the CSSOM: the store's strict CSP would block an injected <style>.
  await page.evaluate(() => { document.querySelector('.account-grid').style.gridTemplateColumns = '1fr'; });
  // Against the device width: a mobile layout viewport grows to fit whatever
  // overflows (the phone zooms out), so innerWidth would grow along with it.
  const screenWidth = VIEWPORTS.phone.viewport.width;
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= screenWidth, `page ${pageWidth}px wide on a ${screenWidth}px screen`);
  const chips = await widget.locator('.chips').evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
  assert.ok(chips.scroll > chips.client, 'the chip row scrolls sideways instead');
});

test('reward images load lazily, with a placeholder until they arrive', async (t) => {
  const context = await env.browser.newContext(VIEWPORTS.phone);
  t.after(() => context.close());
  const page = await context.newPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/images/rewards/**', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}?member=m_ada`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Rewards' }).click();
  const thumb = widget.locator('.reward .thumb').first();
  await thumb.waitFor();
  const image = thumb.locator('img');
  assert.equal(await image.getAttribute('loading'), 'lazy');
  assert.match(await image.getAttribute('src'), /\/images\/rewards\/[a-z-]+\.svg$/);
  // Until the image arrives the row shows the reward's initial, and the image is invisible.
  assert.match((await thumb.textContent()).trim(), /^[A-Z$]$/);
  assert.equal(await thumb.evaluate((el) => el.classList.contains('loaded')), false);
  release();
  await page.waitForFunction(() => document.querySelector('kindred-widget').shadowRoot
    .querySelector('.reward .thumb')?.classList.contains('loaded'));
});
