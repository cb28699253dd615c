// One long page session, as a shopper who never reloads: scratch-card plays
// against the reference backend, each making and freeing a 280x140 RGBA card
// in wasm memory, then 10,000 catalog queries. The widget's live wasm objects
// stay flat, the engine's heap stops growing once warm, and destroy() frees
// everything: a remounted widget ends where the first began.
// `npm test` plays 2,000 cards (each is a real round trip through the outbox,
// 20-50 ms on a 2-core machine); `npm run soak` plays 10,000.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, editSeedFile } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const PLAYS = Number(process.env.SOAK_PLAYS ?? 2_000);
const QUERIES = Number(process.env.SOAK_QUERIES ?? 10_000);
const WARM_UP = 200;
// Growth allowed after the warm-up: the allocator may keep a few pages of
// slack, but anything per play (a 157 KB card, a string per receipt) would
// pass this by thousands of times.
const HEAP_SLACK = 64 * 1024;

const env = useDemoStore('memory-soak', {
  serverArgs: ['--write-limit', '0'],
  // A free scratch card with no practical daily limit; writes unthrottled.
  editSeed: (dir) => editSeedFile(dir, 'games.json', (seed) => {
    const scratch = seed.games.find((game) => game.id === 'scratch-card');
    scratch.cost = 0;
    scratch.playsPerDay = 100_000;
  }),
});

async function openScratchCard(t) {
  const context = await env.browser.newContext(VIEWPORTS.desktop);
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Reduced motion: a card reveals at once, so a play is request, verify, render.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${env.server.url}?member=m_ada`);
  const widget = page.locator('kindred-widget');
  await widget.getByRole('tab', { name: 'Games' }).click();
  await widget.locator('[data-game-id="scratch-card"]').getByRole('button').click();
  await widget.locator('.scratch-game .primary').waitFor();
  return { page, widget, problems };
}

// In the page: plays `count` cards through the widget's own buttons, and
// samples diagnostics() after the warm-up and every 1,000 plays.
function playScratchCards({ count, warmUp }) {
  const widget = document.querySelector('kindred-widget');
  const root = widget.shadowRoot;
  const yieldToEvents = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = resolve;
    channel.port2.postMessage(0);
  });
  const outcome = () => new Promise((resolve) => {
    const done = (event) => {
      widget.removeEventListener('kindred:play', done);
      widget.removeEventListener('kindred:error', done);
      resolve(event);
    };
    widget.addEventListener('kindred:play', done);
    widget.addEventListener('kindred:error', done);
  });
  return (async () => {
    const samples = [];
    let points = 0;
    for (let i = 1; i <= count; i += 1) {
      const answered = outcome();
      root.querySelector('.scratch-game .primary').click();
      const event = await answered;
      if (event.type === 'kindred:error') return { samples, points, error: event.detail, at: i };
      points += event.detail.pointsWon;
      let again = null;
      while (!(again = root.querySelector('.result-actions .primary'))) await yieldToEvents();
      again.click();
      if (i === warmUp || i % 1000 === 0) samples.push({ plays: i, ...widget.diagnostics() });
    }
    return { samples, points };
  })();
}

// In the page: `count` queries typed into the catalog's search, with the
// sort changed along the way, sampling diagnostics as above.
function queryCatalog({ count, warmUp }) {
  const widget = document.querySelector('kindred-widget');
  const root = widget.shadowRoot;
  const search = root.querySelector('.search');
  const sort = root.querySelector('select');
  const words = ['', 'c', 'ca', 'caf', 'cafe', 'trail', 'mix', 'gift', 'ship', 'zzz', 'é', 'thermos'];
  const samples = [];
  let shown = 0;
  for (let i = 1; i <= count; i += 1) {
    search.value = words[i % words.length];
    search.dispatchEvent(new Event('input'));
    if (i % 97 === 0) {
      sort.selectedIndex = (sort.selectedIndex + 1) % sort.options.length;
      sort.dispatchEvent(new Event('change'));
    }
    shown += root.querySelectorAll('.reward').length;
    if (i === warmUp || i % 1000 === 0) samples.push({ queries: i, ...widget.diagnostics() });
  }
  return { samples, shown };
}

function assertFlat(samples, label) {
  const [warm, ...later] = samples;
  for (const sample of later) {
    assert.equal(sample.engineObjects, warm.engineObjects, `${label}: wasm objects at ${JSON.stringify(sample)}`);
    assert.equal(sample.valueHandles, warm.valueHandles, `${label}: Embind value handles at ${JSON.stringify(sample)}`);
    assert.ok(sample.heapBytes - warm.heapBytes <= HEAP_SLACK,
      `${label}: heap grew from ${warm.heapBytes} to ${sample.heapBytes} bytes`);
  }
}

test(`${PLAYS} plays and ${QUERIES} catalog queries in one session keep wasm memory flat; destroy() frees it all`, async (t) => {
  const { page, widget, problems } = await openScratchCard(t);
  const before = await page.evaluate(() => document.querySelector('kindred-widget').diagnostics());
  // The Core, and the scratch game's card once one is dealt.
  assert.equal(before.engineObjects, 1);

  const plays = await page.evaluate(playScratchCards, { count: PLAYS, warmUp: WARM_UP });
  assert.equal(plays.error, undefined, `play ${plays.at} failed: ${JSON.stringify(plays.error)}`);
  assert.equal(plays.samples.length, 1 + Math.floor(PLAYS / 1000));
  assertFlat(plays.samples, 'plays');
  console.log(`plays: ${JSON.stringify(plays.samples.at(-1))}, ${plays.points} points won`);

  // Every play was a real one: the backend credited exactly what the widget reported won.
  const backend = backendClient(env.server.url);
  assert.equal((await backend.member('m_ada')).points, 1240 + plays.points);

  await widget.getByRole('tab', { name: 'Rewards' }).click();
  await widget.locator('.reward').first().waitFor();
  const queries = await page.evaluate(queryCatalog, { count: QUERIES, warmUp: WARM_UP });
  assert.ok(queries.shown > QUERIES, 'the queries showed rewards');
  assertFlat(queries.samples, 'queries');

  // destroy() frees every object; a second session on the same page, played
  // and destroyed again, leaves the heap exactly where the first one did.
  const afterFirst = await page.evaluate(() => {
    const element = document.querySelector('kindred-widget');
    const parent = element.parentElement;
    element.destroy();
    window.__remount = { element, parent };
    return element.diagnostics();
  });
  assert.equal(afterFirst.engineObjects, 0);
  assert.equal(await page.locator('kindred-widget').count(), 0, 'destroy() removed the widget');

  await page.evaluate(() => window.__remount.parent.append(window.__remount.element));
  await widget.getByRole('tab', { name: 'Games' }).click();
  await widget.locator('[data-game-id="scratch-card"]').getByRole('button').click();
  const again = await page.evaluate(playScratchCards, { count: 20, warmUp: 20 });
  assert.equal(again.error, undefined);
  assert.ok(again.samples[0].engineObjects >= 1, 'the remounted widget holds its Core');
  const afterSecond = await page.evaluate(() => {
    const element = window.__remount.element;
    element.destroy();
    return element.diagnostics();
  });
  assert.deepEqual(afterSecond, afterFirst);
  assert.deepEqual(problems, []);
});
