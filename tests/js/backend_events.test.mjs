// POST /v1/events over HTTP on the real binary with the demo seed: the
// answer, Idempotency-Key replays byte for byte (the machinery redemptions
// and plays share), the strict body, the event types' rules and time
// window as problems, and that events never change points. Needs the native
// build; run from anywhere with
//   node --test tests/js/backend_events.test.mjs
// (KINDRED_SERVER_BIN=path/to/kindred-server tests another build).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startServer } from './start_server.mjs';
import { memberToken, getMemberJson } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-events-test-secret';
const EVENT_KEYS = ['id', 'type', 'subject', 'value', 'occurredAt', 'receivedAt'];
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

let tmp;
let server;

const tokenFor = (memberId) => memberToken(server.url, memberId);

// POST /v1/events. `key: null` sends no Idempotency-Key; a string `body` is sent as it is.
async function sendEvent(memberId, body, { key = randomUUID() } = {}) {
  const headers = {
    Authorization: `Bearer ${await tokenFor(memberId)}`,
    'Content-Type': 'application/json',
  };
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(new URL('v1/events', server.url), {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const getJson = (memberId, pathAndQuery) => getMemberJson(server.url, memberId, pathAndQuery);

// Seconds-precision RFC 3339, `offsetSeconds` from now.
const timeFromNow = (offsetSeconds) =>
  `${new Date(Date.now() + offsetSeconds * 1000).toISOString().slice(0, 19)}Z`;

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-events-'));
  server = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, 'demo.sqlite3'), '--seed', 'demo/seed',
      '--token-secret', SECRET],
  });
});

after(async () => {
  if (server) await server.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('an event is recorded and answered with 201 and its fields', async () => {
  const occurredAt = timeFromNow(-120);
  const response = await sendEvent('m_ada',
    { type: 'preview-rated', subject: 'trail-runner-2', value: 4, occurredAt });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(response.headers.get('idempotent-replayed'), null);
  const event = await response.json();
  assert.deepEqual(Object.keys(event), EVENT_KEYS);
  assert.match(event.id, /^evt_[2-9a-hj-np-z]{20}$/);
  assert.equal(event.type, 'preview-rated');
  assert.equal(event.subject, 'trail-runner-2');
  assert.equal(event.value, 4);
  assert.equal(event.occurredAt, occurredAt);
  assert.match(event.receivedAt, RFC3339);
  assert.ok(Math.abs(Date.parse(event.receivedAt) - Date.now()) < 60_000);

  const bare = await (await sendEvent('m_ada', { type: 'walk-day' })).json();
  assert.equal(bare.subject, null);
  assert.equal(bare.value, null);
  assert.equal(bare.occurredAt, bare.receivedAt, 'occurredAt defaults to now');
});

test('a retried key gets the stored answer byte for byte; another body with it is 409', async () => {
  const key = randomUUID();
  const body = { type: 'moment-acknowledged', subject: 'mo_birthday_2026' };
  const first = await sendEvent('m_katherine', body, { key });
  assert.equal(first.status, 201);
  const firstText = await first.text();
  // Re-serialised differently by the client: still the same request.
  const again = await sendEvent('m_katherine',
    '{ "subject": "mo_birthday_2026", "type": "moment-acknowledged" }', { key });
  assert.equal(again.status, 201);
  assert.equal(again.headers.get('idempotent-replayed'), 'true');
  assert.equal(await again.text(), firstText);

  const concurrent = await Promise.all(Array.from({ length: 8 }, () =>
    sendEvent('m_katherine', body, { key })));
  for (const response of concurrent) {
    assert.equal(response.status, 201);
    assert.equal(await response.text(), firstText);
  }

  const reused = await sendEvent('m_katherine', { type: 'moment-dismissed', subject: 'mo_birthday_2026' },
    { key });
  const problem = await expectProblem(reused, 409, 'idempotency-key-reused');
  assert.match(problem.detail, /a new event\.$/);
  await expectProblem(await sendEvent('m_katherine', body, { key: null }), 400,
    'invalid-idempotency-key');
});

test('the body is strict: unknown fields and wrong types are 400 problems', async () => {
  const key = randomUUID();
  for (const body of [
    'not json', '[]', '{}',
    { type: 42 },
    { type: 'walk-day', points: 100 },
    { type: 'walk-day', subject: '' },
    { type: 'walk-day', subject: 's'.repeat(129) },
    { type: 'walk-day', subject: null },
    { type: 'walk-day', value: 2.5 },
    { type: 'walk-day', value: '3' },
    { type: 'walk-day', value: 2 ** 53 },
    { type: 'walk-day', occurredAt: new Date().toISOString() },  // milliseconds
    { type: 'walk-day', occurredAt: '2026-03-01T12:00:00+01:00' },
  ]) {
    const problem = await expectProblem(await sendEvent('m_grace', body, { key }), 400,
      'invalid-request');
    assert.match(problem.detail, /^The body must be \{"type"/, JSON.stringify(body));
  }
  // Nothing was stored with the key: fixed, it records.
  const fixed = await sendEvent('m_grace', { type: 'walk-day', subject: 's'.repeat(128) }, { key });
  assert.equal(fixed.status, 201);
  assert.equal(fixed.headers.get('idempotent-replayed'), null);
});

test('unknown types, unmet type rules and times out of range are 422 problems', async () => {
  await expectProblem(await sendEvent('m_grace', { type: 'purchase-made' }), 422,
    'unknown-event-type');
  for (const body of [
    { type: 'preview-rated', value: 3 },
    { type: 'preview-rated', subject: 'p' },
    { type: 'preview-rated', subject: 'p', value: 0 },
    { type: 'preview-rated', subject: 'p', value: 6 },
    { type: 'moment-acknowledged' },
    { type: 'moment-dismissed', value: 1 },
  ]) {
    await expectProblem(await sendEvent('m_grace', body), 422, 'invalid-event');
  }
  for (const occurredAt of [timeFromNow(400), timeFromNow(-8 * 86_400)]) {
    const problem = await expectProblem(await sendEvent('m_grace', { type: 'walk-day', occurredAt }),
      422, 'event-time-out-of-range');
    assert.match(problem.detail, /within the last 7 days and no more than 5 minutes ahead/);
  }
  for (const occurredAt of [timeFromNow(200), timeFromNow(-6 * 86_400)]) {
    assert.equal((await sendEvent('m_grace', { type: 'walk-day', occurredAt })).status, 201);
  }
});

test('events never change points or activity', async () => {
  const before = await getJson('m_alan', 'v1/member');
  const activityBefore = await getJson('m_alan', 'v1/activity?limit=500');
  const responses = await Promise.all([
    sendEvent('m_alan', { type: 'walk-day', value: 12_000 }),
    sendEvent('m_alan', { type: 'review-written', subject: 'rw_featherlight_stove', value: 5000 }),
    sendEvent('m_alan', { type: 'preview-rated', subject: 'ridge-pack-40', value: 5 }),
    sendEvent('m_alan', { type: 'moment-dismissed', subject: 'mo_1' }),
  ]);
  assert.deepEqual(responses.map((r) => r.status), [201, 201, 201, 201]);
  assert.deepEqual(await getJson('m_alan', 'v1/member'), before);
  assert.deepEqual(await getJson('m_alan', 'v1/activity?limit=500'), activityBefore);
});

test('POST /v1/events needs a member token; other methods are 405; CORS preflight passes', async () => {
  const anonymous = await fetch(new URL('v1/events', server.url), {
    method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: '{"type":"walk-day"}',
  });
  await expectProblem(anonymous, 401, 'invalid-token');
  assert.match(anonymous.headers.get('www-authenticate'), /^Bearer /);

  const get = await fetch(new URL('v1/events', server.url));
  await expectProblem(get, 405, 'method-not-allowed');
  assert.equal(get.headers.get('allow'), 'POST, OPTIONS');
  const put = await fetch(new URL('v1/events', server.url), { method: 'PUT', body: '{}' });
  await expectProblem(put, 405, 'method-not-allowed');

  const preflight = await fetch(new URL('v1/events', server.url), {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://shop.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
});
