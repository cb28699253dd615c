// Events the host page reports through widget.track() (a challenge step such
// as a written review) are writes like any other: with the network cut they
// wait in the outbox, survive the page, and reach the backend once on the
// next visit, under the key they were given the first time.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { VIEWPORTS } from './chromium.mjs';
import { useDemoStore, openStore } from './store_harness.mjs';
import { backendClient } from './backend_client.mjs';

const env = useDemoStore('events-outbox');

const outboxItems = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((key) => key.startsWith('kindred:outbox:'))
  .map((key) => JSON.parse(localStorage.getItem(key)).item));

const track = (page, type, details) => page.evaluate(([type, details]) =>
  document.querySelector('kindred-widget').track(type, details)
    .then((event) => ({ event }), (error) => ({ error: { code: error.code, message: error.message } })), [type, details]);

test('a tracked event answered by the backend resolves with the stored event', async (t) => {
  const { page, widget } = await openStore(env, t, { member: 'm_grace' });
  await widget.getByRole('progressbar').waitFor();
  const { event } = await track(page, 'review-written', { subject: 'order-10467' });
  assert.equal(event.type, 'review-written');
  assert.equal(event.subject, 'order-10467');
  assert.match(event.id, /^evt_/);
  assert.deepEqual(await outboxItems(page), []);

  const refused = await track(page, 'no-such-event', {});
  assert.equal(refused.error.code, 'http');
  assert.match(refused.error.message, /no events of type "no-such-event"/);
});

test('an event whose answer was lost is sent again on the next visit, once, with its first key', async (t) => {
  const { page, widget } = await openStore(env, t, { member: 'm_alan', viewport: VIEWPORTS.phone });
  await widget.getByRole('progressbar').waitFor();
  const keys = [];
  await page.route('**/v1/events', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    await route.fetch();  // the backend records it...
    await route.abort('connectionreset');  // ...and the answer is lost
  });
  assert.deepEqual(await track(page, 'walk-day', {}), { event: null });
  const [queued] = await outboxItems(page);
  assert.equal(queued.kind, 'event');
  assert.equal(queued.key, keys[0]);
  assert.equal(await widget.locator('.outbox').isVisible(), false, 'events are not listed to the shopper');

  // The next visit, with the network back (left first, so the old page's own retry cannot win).
  const url = page.url();
  await page.goto('about:blank');
  await page.unroute('**/v1/events');
  const delivered = page.waitForResponse((response) => response.url().endsWith('/v1/events'));
  await page.goto(url);
  const response = await delivered;
  assert.equal(response.request().headers()['idempotency-key'], queued.key);
  assert.equal(response.headers()['idempotent-replayed'], 'true', 'the backend had it already: applied once');
  await page.waitForFunction(() => !Object.keys(localStorage).some((key) => key.startsWith('kindred:outbox:')));
  assert.equal(new Set(keys).size, 1);
});
