// Game titles, descriptions and prize labels from the Big List of Naughty
// Strings, served by the reference backend and played on a phone: they show
// as text, no script runs, the page does not widen, and a play still verifies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { VIEWPORTS } from './chromium.mjs';
import { repoRoot, screenshotDir, useDemoStore, editSeedFile, openStore } from './store_harness.mjs';

const naughty = JSON.parse(readFileSync(join(repoRoot, '../shared/corpora/naughty-strings/blns.json'), 'utf8'))
  .filter((text) => text.trim().length > 0);

const env = useDemoStore('hostile-games', {
  editSeed: (dir) => editSeedFile(dir, 'games.json', (seed) => {
    let next = 0;
    const pick = () => naughty[(next++ * 37) % naughty.length];
    for (const game of seed.games) {
      game.title = pick();
      game.description = pick();
      for (const prize of game.prizes ?? []) prize.label = pick();
    }
  }),
});

test('hostile game strings render as text on a phone, and a spin still verifies', async (t) => {
  const { page, widget, problems } = await openStore(env, t, { viewport: VIEWPORTS.phone });
  await widget.getByRole('tab', { name: 'Games' }).click();
  await widget.locator('.game-card').first().waitFor();

  const titles = await widget.locator('.game-title').allTextContents();
  assert.deepEqual(titles, env.seed.games.map((game) => game.title));
  assert.equal(await widget.locator('.games img, .games script, .games iframe').count(), 0, 'no markup from strings');
  const wheel = env.seed.games.find((game) => game.kind === 'wheel');
  assert.match(await widget.locator('[data-game-id="spin-wheel"] .game-prizes').textContent(),
    new RegExp(wheel.prizes[0].label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

  await widget.locator('[data-game-id="spin-wheel"]').getByRole('button').click();
  await widget.locator('.wheel-game .primary').click();
  await widget.locator('.fairness summary').waitFor({ timeout: 15000 });
  assert.match(await widget.locator('.fairness summary').textContent(), /Verified fair/);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(screenshotDir, 'games-hostile-phone.png'), fullPage: true });
  assert.ok(width <= 390, `page ${width}px wide on a 390px screen`);
  assert.deepEqual(problems, []);
});
