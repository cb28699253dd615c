// The widget's download, gzipped, within this stage's budget. Sizes are
// deterministic, so this is a real check; timings live in bench/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

// The budgets. Walking skeleton (progress bar only): 60 KB, measured
// 55.9 KB. With the catalog engine in the core (issue "Rewards catalog and
// redemption"): 80 KB. Games raised it to 100 KB, the ceiling.
//
// Since the SDK issue the ceiling is on what a page downloads before the
// widget shows, in any of its languages, from either entry point: the
// engine (glue and wasm), the entry point and one message catalog. Code a
// shopper may never use comes on demand with its own budget: the Games
// screen and the tier hub when first opened, the year card's drawing on its
// button, the bridge only in a mobile app.
const FIRST_RENDER_BUDGET = 100 * 1024;
const ON_DEMAND_BUDGETS = {
  'games_screen.js': 6 * 1024, 'tier_hub_view.js': 2048, 'year_card_canvas.js': 1024, 'webview_bridge.js': 1536,
};
// Everything at once (every screen opened, the wordiest language, the
// script-tag build, inside a webview): a guard on the whole, so splitting
// cannot hide growth. It was 101 KB with English only and no split; the SDK
// issue added six languages, the bridge, brand theming (2 KB of wasm) and
// the split's own cost (about 1 KB).
const WHOLE_WIDGET_BUDGET = 110 * 1024;
const ENTRY_POINTS = ['index.js', 'kindred.iife.js'];
const ENGINE = ['kindred-core.wasm', 'kindred-core.mjs'];

const dist = new URL('../../dist', import.meta.url).pathname;
const gzipped = (path) => gzipSync(readFileSync(join(dist, path)), { level: 9 }).length;

test('what a page downloads before the widget shows is within budget in every language, from either entry point', () => {
  const catalogs = readdirSync(join(dist, 'locales')).sort();
  assert.deepEqual(catalogs, ['ar.json', 'de.json', 'en.json', 'es.json', 'fr.json', 'ja.json']);
  const engine = ENGINE.reduce((sum, name) => sum + gzipped(name), 0);
  const lines = [...ENGINE, ...ENTRY_POINTS, ...Object.keys(ON_DEMAND_BUDGETS)].map((name) => `${name}: ${gzipped(name)} B`);
  for (const catalog of catalogs) {
    const words = gzipped(join('locales', catalog));
    for (const entry of ENTRY_POINTS) {
      const total = engine + gzipped(entry) + words;
      if (entry === 'index.js') lines.push(`first render in ${catalog.slice(0, 2)} (catalog ${words} B): ${total} B, ${FIRST_RENDER_BUDGET - total} B under budget`);
      assert.ok(total <= FIRST_RENDER_BUDGET, `${entry} + engine + locales/${catalog} is ${total} B gzipped, over ${FIRST_RENDER_BUDGET} B`);
    }
  }
  const wordiest = Math.max(...catalogs.map((catalog) => gzipped(join('locales', catalog))));
  const whole = engine + Math.max(...ENTRY_POINTS.map(gzipped)) + wordiest +
    Object.keys(ON_DEMAND_BUDGETS).reduce((sum, name) => sum + gzipped(name), 0);
  lines.push(`the whole widget, every screen, wordiest language, script-tag build, in a webview: ${whole} B`);
  assert.ok(whole <= WHOLE_WIDGET_BUDGET, `the whole widget is ${whole} B gzipped, over ${WHOLE_WIDGET_BUDGET} B`);
  console.log(lines.join('\n'));
});

test('each file loaded on demand is within its own budget', () => {
  for (const [name, budget] of Object.entries(ON_DEMAND_BUDGETS)) {
    assert.ok(gzipped(name) <= budget, `${name} is ${gzipped(name)} B gzipped, over its ${budget} B`);
  }
});

test('every script, wasm and catalog in dist/ is one the budgets count', () => {
  const counted = [...ENGINE, ...ENTRY_POINTS, ...Object.keys(ON_DEMAND_BUDGETS)];
  const files = readdirSync(dist).filter((name) => /\.(wasm|m?js|css|json)$/.test(name));
  for (const name of counted) assert.ok(files.includes(name), `dist/ has no ${name}: ${files}`);
  assert.deepEqual(files.filter((name) => !counted.includes(name)), []);
});
