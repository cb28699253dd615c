// The brand's look from the backend, in Chromium: a gold accent that would
// not read on a white card is darkened just enough and passes axe's colour
// contrast check in light and dark, the logo shows with the program's name,
// the brand's font and corner radius apply, the page's own custom
// properties still win, and a program whose brand is malformed is refused
// with its JSON path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, openStore, editSeedFile, screenshotDir } from './store_harness.mjs';
import { axeSource, axeViolations } from './axe_audit.mjs';

const BRAND = {
  accent: '#f5c518',  // gold: 1.6:1 on white
  logoUrl: '/images/aurora-circle.svg',
  fontFamilies: ['DejaVu Serif'],
  cornerRadius: 6,
};
const env = useDemoStore('brand', {
  editSeed: (dir) => editSeedFile(dir, 'program.json', (program) => { program.brand = BRAND; }),
});

// WCAG 2.x contrast, from computed "rgb(r, g, b)" or "#rrggbb" colours.
function contrast(a, b) {
  const channels = (color) => (color.startsWith('#')
    ? [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)) : color.match(/\d+/g).slice(0, 3).map(Number));
  const luminance = (color) => {
    const [r, g, bl] = channels(color).map((c) => {
      const s = c / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const styles = (widget) => widget.evaluate((element) => {
  const root = element.shadowRoot;
  const card = getComputedStyle(root.querySelector('.card'));
  const primary = root.querySelector('.moment .primary, .reward .redeem, button.primary');
  return {
    accent: card.getPropertyValue('--kindred-accent').trim(),
    ink: card.getPropertyValue('--kindred-accent-ink').trim(),
    surface: card.backgroundColor,
    radius: card.borderTopLeftRadius,
    font: card.fontFamily,
    bar: getComputedStyle(root.querySelector('[part=progress-fill]')).backgroundColor,
    primary: primary && { background: getComputedStyle(primary).backgroundColor, color: getComputedStyle(primary).color },
  };
});

for (const scheme of ['light', 'dark']) {
  test(`a gold brand accent reads at WCAG AA on the ${scheme} card, and every screen passes axe`, async (t) => {
    const { page, widget, problems } = await openStore(env, t, {
      viewport: { ...VIEWPORTS.phone, colorScheme: scheme, reducedMotion: 'reduce' },
      prepare: (p) => p.addInitScript(axeSource),
    });
    await widget.getByRole('progressbar').waitFor();
    const look = await styles(widget);
    if (scheme === 'light') assert.notEqual(look.accent, BRAND.accent, 'gold was darkened for the white card');
    else assert.equal(look.accent, BRAND.accent, 'gold reads on the dark card as it is');
    assert.ok(contrast(look.accent, look.surface) >= 4.5, `${look.accent} on ${look.surface}`);
    assert.ok(contrast(look.ink, look.accent) >= 4.5, `${look.ink} on ${look.accent}`);
    assert.equal(contrast(look.bar, look.accent), 1, 'the progress bar is filled with the brand accent');
    if (scheme === 'light') {
      const [r, , b] = [1, 3, 5].map((i) => parseInt(look.accent.slice(i, i + 2), 16));
      assert.ok(r > b + 60, `still a gold, darker: ${look.accent}`);
    }
    assert.equal(look.radius, '6px');
    assert.match(look.font, /^"DejaVu Serif", system-ui/);

    const logo = widget.getByRole('img', { name: 'Aurora Circle' });
    await logo.waitFor();
    assert.ok(await logo.evaluate((img) => img.complete && img.naturalWidth > 0), 'the logo loaded');

    const found = { home: await axeViolations(page) };
    for (const [tab, ready] of [['Tiers', '.hub'], ['Rewards', '.reward'], ['Games', '.game-card']]) {
      await widget.getByRole('tab', { name: tab }).click();
      await widget.locator(ready).first().waitFor();
      found[tab] = await axeViolations(page);
    }
    assert.deepEqual(Object.fromEntries(Object.entries(found).filter(([, list]) => list.length)), {});
    await page.screenshot({ path: join(screenshotDir, `brand-gold-${scheme}-phone.png`), fullPage: true });
    assert.deepEqual(problems, []);
  });
}

test('the page\'s own --kindred-accent still wins over the brand\'s', async (t) => {
  const { widget } = await openStore(env, t, {});
  await widget.getByRole('progressbar').waitFor();
  await widget.evaluate((element) => element.style.setProperty('--kindred-accent', '#7c3aed'));
  assert.equal((await styles(widget)).bar, 'rgb(124, 58, 237)');
});

test('a program whose brand colour is malformed is refused with its path, and nothing half-branded shows', async (t) => {
  const { page, widget, problems } = await openStore(env, t, {
    prepare: async (p) => {
      await p.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('kindred:error', (event) => window.__errors.push(event.detail));
      });
      await p.route('**/v1/program', async (route) => {
        const response = await route.fetch();
        const program = await response.json();
        program.brand = { accent: 'gold; background: url(https://evil.example/x)' };
        await route.fulfill({ response, body: JSON.stringify(program) });
      });
    },
  });
  // No last good program to keep: the panel says so, with Try again.
  await widget.getByRole('button', { name: 'Try again' }).waitFor();
  const errors = await page.evaluate(() => window.__errors);
  assert.ok(errors.some((error) => error.code === 'payload' && error.path === 'program.brand.accent'), JSON.stringify(errors));
  assert.equal(await widget.locator('.brand-logo').isVisible(), false);
  assert.equal((await styles(widget)).accent, '#0f766e', 'the widget\'s own accent: nothing of the refused brand applied');
  assert.deepEqual(problems, []);
});
