// The widget in the shopper's language, in Chromium against the reference
// backend: each catalog's words on the tabs, numbers and dates by Intl in
// that locale, Arabic laid out right to left, the page's lang used when no
// locale is given, a live switch that keeps the session, and a catalog that
// cannot be fetched falling back to English with a kindred:error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, screenshotDir, repoRoot } from './store_harness.mjs';
import { memberToken } from '../js/member_tokens.mjs';
import { axeSource, axeViolations } from './axe_audit.mjs';

const env = useDemoStore('i18n');

const catalog = (language) => (language === 'en'
  ? null : JSON.parse(readFileSync(join(repoRoot, 'web/locales', `${language}.json`), 'utf8')));

const appPage = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>App</title></head>
<body><main id="route"></main>
<script type="module">
  import * as Kindred from '/dist/index.js';
  window.Kindred = Kindred;
  window.kindredErrors = [];
  document.addEventListener('kindred:error', (event) => window.kindredErrors.push(event.detail.code));
  window.appReady = true;
</script></body></html>`;

async function openApp(t, { lang = 'en', viewport = VIEWPORTS.desktop, prepare } = {}) {
  const context = await env.browser.newContext(viewport);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  const requests = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.route(`${env.server.url}app.html`, (route) => route.fulfill({ contentType: 'text/html', body: appPage(lang) }));
  await prepare?.(page);
  await page.goto(`${env.server.url}app.html`);
  await page.waitForFunction(() => window.appReady);
  return { page, problems, requests, widget: page.locator('#route kindred-widget') };
}

async function mount(page, options) {
  const token = await memberToken(env.server.url, 'm_ada');
  await page.evaluate(([memberToken, extra]) => {
    window.handle = window.Kindred.mount('#route', { token: memberToken, ...extra });
  }, [token, options]);
}

// Without the Unicode isolates an Arabic message puts around each value.
const balanceText = async (widget) => (await widget.locator('.balance-value').textContent()).replace(/[\u2068\u2069]/g, '');

for (const [language, tag] of [['es', 'es-MX'], ['fr', 'fr-FR'], ['de', 'de-DE'], ['ar', 'ar-EG'], ['ja', 'ja-JP']]) {
  test(`${tag}: the tabs speak ${language}, numbers follow Intl, and the frame is ${language === 'ar' ? 'right to left' : 'left to right'}`, async (t) => {
    const { page, problems, requests, widget } = await openApp(t, { viewport: VIEWPORTS.phone });
    await mount(page, { locale: tag });
    const words = catalog(language);
    await widget.getByRole('tab', { name: words['tabs.rewards'] }).waitFor();
    assert.deepEqual(await widget.getByRole('tab').allTextContents(),
      ['progress', 'tiers', 'rewards', 'activity', 'games'].map((id) => words[`tabs.${id}`]));

    const member = await (await fetch(new URL('/v1/member', env.server.url),
      { headers: { Authorization: `Bearer ${await memberToken(env.server.url, 'm_ada')}` } })).json();
    const expected = await page.evaluate(([locale, points]) => new Intl.NumberFormat(locale).format(points), [tag, member.points]);
    assert.equal(await balanceText(widget), expected, 'the balance is formatted in the shopper\'s locale');

    const frame = await widget.evaluate((element) => {
      const card = element.shadowRoot.querySelector('.card');
      return { lang: card.lang, dir: card.dir, direction: getComputedStyle(card).direction,
        barOrigin: getComputedStyle(element.shadowRoot.querySelector('.bar-fill')).transformOrigin.split(' ')[0] };
    });
    assert.equal(frame.lang, language);
    assert.equal(frame.dir, language === 'ar' ? 'rtl' : 'ltr');
    assert.equal(frame.direction, frame.dir);
    const barWidth = await widget.locator('[part=progress-fill]').evaluate((bar) => bar.offsetWidth);
    assert.equal(frame.barOrigin, language === 'ar' ? `${barWidth}px` : '0px', 'the progress bar fills from the start of the line');

    // Only this language's catalog was fetched: one file, not six.
    assert.deepEqual(requests.filter((path) => path.includes('/locales/')), [`/dist/locales/${language}.json`]);
    await page.screenshot({ path: join(screenshotDir, `i18n-${language}-phone.png`) });
    assert.deepEqual(problems, []);
  });
}

test('with no locale option the widget speaks the page\'s lang, and plural messages follow the language\'s rules', async (t) => {
  const { page, problems, widget } = await openApp(t, { lang: 'ar' });
  await mount(page, { screen: 'rewards' });
  const words = catalog('ar');
  await widget.locator('.reward').first().waitFor();
  const count = await widget.locator('.count').textContent();
  // The Arabic count uses the category Intl.PluralRules('ar') picks for the number shown.
  const digits = await page.evaluate((text) => {
    const arabic = '٠١٢٣٤٥٦٧٨٩';
    return Number([...text].map((c) => (arabic.includes(c) ? arabic.indexOf(c) : c)).join('').replace(/\D/g, ''));
  }, count);
  const category = await page.evaluate((n) => new Intl.PluralRules('ar').select(n), digits);
  const template = words[`catalog.count.${category}`] ?? words['catalog.count.other'];
  const expected = await page.evaluate(([text, n]) => text.replace('{total:number}', `\u2068${new Intl.NumberFormat('ar').format(n)}\u2069`), [template, digits]);
  assert.equal(count, expected);
  assert.deepEqual(problems, []);
});

test('changing the locale of a live widget relabels it in place: same session, no new engine objects', async (t) => {
  const { page, problems, requests, widget } = await openApp(t);
  await mount(page, { screen: 'rewards' });
  await widget.locator('.reward').first().waitFor();
  const before = await page.evaluate(() => window.handle.element.diagnostics().engineObjects);
  const memberReads = requests.filter((path) => path === '/v1/member').length;

  await page.evaluate(() => { window.handle.element.locale = 'de-DE'; });
  const german = catalog('de');
  await widget.getByRole('tab', { name: german['tabs.rewards'], selected: true }).waitFor();
  await widget.locator('.reward').first().waitFor();  // the list comes back from the core's state
  assert.match(await widget.locator('.count').textContent(), new RegExp(german['catalog.count.other'].replace('{total:number}', '[\\d.]+')));

  await page.evaluate(() => { window.handle.element.locale = 'en-GB'; });
  await widget.getByRole('tab', { name: 'Rewards' }).waitFor();
  assert.equal(requests.filter((path) => path === '/v1/member').length, memberReads, 'the member was not fetched again');
  assert.equal(await page.evaluate(() => window.handle.element.diagnostics().engineObjects), before);
  assert.deepEqual(problems, []);
});

test('a catalog that cannot be fetched leaves the widget in English and says why in kindred:error', async (t) => {
  const { page, problems, widget } = await openApp(t, {
    prepare: (p) => p.route('**/dist/locales/fr.json', (route) => route.fulfill({ status: 404, body: 'gone' })),
  });
  await mount(page, { locale: 'fr' });
  await widget.getByRole('tab', { name: 'Rewards' }).waitFor();
  await widget.locator('.balance-value').waitFor();
  assert.deepEqual(await page.evaluate(() => window.kindredErrors), ['locale']);
  assert.deepEqual(problems, []);
});

test('a language change waits while a game is on the stage, then relabels Games too', async (t) => {
  const { page, problems, widget } = await openApp(t);
  await mount(page, { screen: 'games' });
  const french = catalog('fr');
  await widget.locator('.game-card').first().waitFor();
  await widget.locator('.game-card button').first().click();  // the wheel, on the stage
  await widget.locator('.stage:not([hidden])').waitFor();
  await page.evaluate(() => { window.handle.element.locale = 'fr'; });
  await page.waitForTimeout(300);  // long enough for the French catalog to arrive
  assert.ok(await widget.locator('.stage:not([hidden])').isVisible(), 'the game was not closed under the shopper');
  assert.equal(await widget.getByRole('tab', { selected: true }).textContent(), 'Games');

  await widget.getByRole('button', { name: /Back/ }).click();  // done: now the frame speaks French
  await widget.getByRole('tab', { name: french['tabs.games'], selected: true }).waitFor();
  await widget.locator('.game-card').first().waitFor();
  assert.equal(await widget.locator('.game-card button').first().textContent(), french['games.play']);
  assert.deepEqual(problems, []);
});

test('with no catalog to be had the widget says it could not load, and Try again recovers', async (t) => {
  let down = true;
  const { page, problems, widget } = await openApp(t, {
    prepare: (p) => p.route('**/dist/locales/*.json', (route) => (down ? route.fulfill({ status: 503, body: '' }) : route.continue())),
  });
  await mount(page, { locale: 'es' });
  await widget.getByText("We couldn't load your rewards.").waitFor();
  assert.deepEqual(await page.evaluate(() => window.kindredErrors), ['locale', 'locale'], 'Spanish, then English');
  assert.equal(await widget.getByRole('tab').count(), 0, 'no screen shows without words');
  down = false;
  await widget.getByRole('button', { name: 'Try again' }).click();
  await widget.getByRole('tab', { name: catalog('es')['tabs.rewards'] }).waitFor();
  assert.deepEqual(problems, []);
});

test('in a webview without adopted stylesheets the widget keeps its <style> across a language change', async (t) => {
  const { page, problems, widget } = await openApp(t, {
    prepare: (p) => p.addInitScript(() => { delete ShadowRoot.prototype.adoptedStyleSheets; delete Document.prototype.adoptedStyleSheets; }),
  });
  await mount(page, {});
  await widget.getByRole('tab', { name: 'Rewards' }).waitFor();
  const radius = () => widget.evaluate((element) => getComputedStyle(element.shadowRoot.querySelector('.card')).borderTopLeftRadius);
  assert.equal(await radius(), '16px', 'styled by the <style> fallback');
  await page.evaluate(() => { window.handle.element.locale = 'ja'; });
  await widget.getByRole('tab', { name: catalog('ja')['tabs.rewards'] }).waitFor();
  assert.equal(await radius(), '16px', 'still styled after the frame was rebuilt');
  assert.deepEqual(problems, []);
});

test('right to left on a phone: the selected tab scrolls into view, the arrow keys follow the tabs, every screen passes axe', async (t) => {
  const { page, problems, widget } = await openApp(t, {
    viewport: { ...VIEWPORTS.phone, viewport: { width: 340, height: 740 }, reducedMotion: 'reduce' },
    prepare: (p) => p.addInitScript(axeSource),
  });
  await mount(page, { locale: 'ar' });
  const words = catalog('ar');
  await widget.getByRole('tab', { name: words['tabs.progress'], selected: true }).waitFor();
  const found = { home: await axeViolations(page) };

  // Games, the last tab at the row's far left, opened by the host page: no
  // focus moves, so only the tab row's own scrolling can bring it into view.
  await page.evaluate(() => window.handle.open('games'));
  await widget.locator('.game-card').first().waitFor();
  const { overflows, inView } = await widget.getByRole('tab', { name: words['tabs.games'] }).evaluate((tab) => {
    const row = tab.parentElement.getBoundingClientRect();
    const box = tab.getBoundingClientRect();
    return { overflows: tab.parentElement.scrollWidth > tab.parentElement.clientWidth,
      inView: box.left >= row.left - 1 && box.right <= row.right + 1 };
  });
  assert.ok(overflows, 'the row is too narrow for every tab, so it must scroll');
  assert.ok(inView, 'the selected tab is scrolled into the row');
  found.games = await axeViolations(page);

  // Right to left, ArrowRight goes back a tab: Games, Activity, Rewards, Tiers.
  await widget.getByRole('tab', { selected: true }).focus();
  for (const [tab, ready] of [['activity', '.activity'], ['rewards', '.reward'], ['tiers', '.hub']]) {
    await page.keyboard.press('ArrowRight');
    await widget.getByRole('tab', { name: words[`tabs.${tab}`], selected: true }).waitFor();
    await widget.locator(ready).first().waitFor();
    found[tab] = await axeViolations(page);
  }
  assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length)), {});
  await page.screenshot({ path: join(screenshotDir, 'i18n-ar-tiers-phone.png') });
  assert.deepEqual(problems, []);
});

test('on a slow network a Spanish page shows no English while its words are on the way', async (t) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { page, problems, widget } = await openApp(t, {
    viewport: VIEWPORTS.phone,
    prepare: (p) => p.route('**/dist/locales/es.json', async (route) => { await held; await route.continue(); }),
  });
  await mount(page, { locale: 'es' });
  await widget.locator('.spinner').first().waitFor();
  await page.waitForTimeout(500);  // the engine and the member's data have long arrived
  const shown = await widget.evaluate((element) => element.shadowRoot.querySelector('.card').innerText.trim());
  assert.equal(shown, '', `nothing in a language the shopper did not ask for: "${shown}"`);
  assert.equal(await widget.locator('.loading').getAttribute('aria-busy'), 'true', 'assistive tech hears it is busy');
  release();
  await widget.getByRole('tab', { name: catalog('es')['tabs.rewards'] }).waitFor();
  assert.deepEqual(problems, []);
});
