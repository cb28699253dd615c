// The REST transport against a scripted fetch: bearer token, problem+json
// messages, retries only for what is safe to retry, timeouts.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createRestTransport } from '../../web/rest_transport.js';

function scriptedFetch(...answers) {
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new Error('unexpected extra request');
    return typeof next === 'function' ? next(init) : next;
  };
  return { fetch, calls };
}

const json = (body, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status, fields) => json({ type: 'urn:kindred:problem:x', status, ...fields }, status, 'application/problem+json');

test('sends the bearer token and returns the body as text', async () => {
  const { fetch, calls } = scriptedFetch(json({ id: 'm_ada' }));
  const transport = createRestTransport({ baseUrl: 'https://loyalty.example/', getToken: async () => 'tok-1', fetch });
  assert.equal(await transport.get('/v1/member'), '{"id":"m_ada"}');
  assert.equal(calls[0].url, 'https://loyalty.example/v1/member');
  assert.equal(calls[0].init.headers.Authorization, 'Bearer tok-1');
});

test('a problem+json answer becomes its detail, readable, without retrying a 4xx', async () => {
  const { fetch, calls } = scriptedFetch(problem(409, { title: 'Conflict', detail: 'That reward was just redeemed.' }));
  const transport = createRestTransport({ getToken: () => 't', fetch });
  await assert.rejects(transport.get('/v1/member'), (error) =>
    error.code === 'http' && error.message === 'That reward was just redeemed.' &&
    error.detail.status === 409 && error.detail.problem.title === 'Conflict');
  assert.equal(calls.length, 1);
});

test('a 401 is tried once more with a fresh token from getToken({ expired: true })', async () => {
  const expired = () => problem(401, { title: 'Unauthorized', detail: 'The member token has expired.' });
  const { fetch, calls } = scriptedFetch(expired(), json({ id: 'm_ada' }), expired(), json({ ok: true }, 201));
  const hints = [];
  let issued = 0;
  const getToken = async (hint) => {
    hints.push(hint ?? null);
    if (hint?.expired) issued += 1;
    return `tok-${issued}`;
  };
  const transport = createRestTransport({ getToken, fetch });
  assert.equal(await transport.get('/v1/member'), '{"id":"m_ada"}');
  assert.deepEqual(calls.map((call) => call.init.headers.Authorization), ['Bearer tok-0', 'Bearer tok-1']);
  assert.deepEqual(hints, [null, { expired: true, refused: 'tok-0' }]);
  // A write too, with the same Idempotency-Key both times.
  const answer = await transport.send({ method: 'POST', path: '/v1/events', body: '{}', idempotencyKey: 'event-k1' });
  assert.equal(answer.status, 201);
  assert.deepEqual(calls.slice(2).map((call) => [call.init.headers.Authorization, call.init.headers['Idempotency-Key']]),
    [['Bearer tok-1', 'event-k1'], ['Bearer tok-2', 'event-k1']]);
});

test('a 401 speaks to the shopper and keeps the token problem for the developer', async () => {
  const { fetch } = scriptedFetch(problem(401, { title: 'Unauthorized', detail: 'The member token has expired.' }),
    problem(401, { title: 'Unauthorized', detail: 'The member token has expired.' }));
  const transport = createRestTransport({ getToken: () => 't', fetch });
  await assert.rejects(transport.get('/v1/member'), (error) =>
    error.code === 'unauthorized' && error.message === 'Your session has ended. Please sign in again.' &&
    error.detail.problem.detail === 'The member token has expired.');
});

test('a problem with only a title uses the title; a bare error gets a generic sentence', async () => {
  let transport = createRestTransport({ getToken: () => 't', fetch: scriptedFetch(problem(404, { title: 'No such member' })).fetch });
  await assert.rejects(transport.get('/v1/member'), { message: 'No such member' });
  transport = createRestTransport({ getToken: () => 't', fetch: scriptedFetch(new Response('<html>', { status: 418 })).fetch });
  await assert.rejects(transport.get('/v1/member'), { code: 'http', message: 'The rewards service could not handle the request (HTTP 418).' });
});

test('5xx and network failures are retried with backoff, then succeed', async () => {
  const { fetch, calls } = scriptedFetch(
    problem(503, { title: 'Unavailable' }),
    () => { throw new TypeError('Failed to fetch'); },
    json({ ok: 1 }));
  const transport = createRestTransport({ getToken: () => 't', fetch, retries: 2 });
  assert.equal(await transport.get('/v1/program'), '{"ok":1}');
  assert.equal(calls.length, 3);
});

test('gives up after the retries with the last error', async () => {
  const { fetch, calls } = scriptedFetch(
    () => { throw new TypeError('Failed to fetch'); },
    () => { throw new TypeError('Failed to fetch'); });
  const transport = createRestTransport({ getToken: () => 't', fetch, retries: 1 });
  await assert.rejects(transport.get('/v1/program'), (error) => error.code === 'network' && error.retryable &&
    /could not reach the rewards service/.test(error.message));
  assert.equal(calls.length, 2);
});

test('a request that does not answer in time is a timeout', async () => {
  const hang = (init) => new Promise((_, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (init.signal.aborted) abort(); else init.signal.addEventListener('abort', abort);
  });
  const transport = createRestTransport({ getToken: () => 't', fetch: scriptedFetch(hang).fetch, timeoutMs: 30, retries: 0 });
  await assert.rejects(transport.get('/v1/member'), {
    code: 'timeout', message: 'The rewards service did not answer within 1 second.' });
});

test('the caller can cancel, and a cancelled request is not retried', async () => {
  const hang = (init) => new Promise((_, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (init.signal.aborted) abort(); else init.signal.addEventListener('abort', abort);
  });
  const { fetch, calls } = scriptedFetch(hang);
  const transport = createRestTransport({ getToken: () => 't', fetch });
  const cancel = new AbortController();
  const pending = transport.get('/v1/member', { signal: cancel.signal });
  while (calls.length === 0) await new Promise((resolve) => setImmediate(resolve));  // in flight
  cancel.abort(new Error('member switched'));
  await assert.rejects(pending, { message: 'member switched' });
  assert.equal(calls.length, 1);
});

test('a write carries its Idempotency-Key and is retried with the same key', async () => {
  const { fetch, calls } = scriptedFetch(
    () => { throw new TypeError('Failed to fetch'); },
    problem(503, { title: 'Unavailable' }),
    json({ redemption: { code: 'X' } }, 201));
  const transport = createRestTransport({ getToken: () => 'tok', fetch, retries: 2 });
  const command = { method: 'POST', path: '/v1/redemptions', body: '{"rewardId":"r1"}', idempotencyKey: 'redeem-abc12345' };
  const answer = await transport.send(command);
  assert.deepEqual(answer, { status: 201, contentType: 'application/json', body: '{"redemption":{"code":"X"}}', retryAfter: null });
  assert.equal(calls.length, 3);
  for (const call of calls) {
    assert.equal(call.init.method, 'POST');
    assert.equal(call.init.headers['Idempotency-Key'], 'redeem-abc12345');
    assert.equal(call.init.body, '{"rewardId":"r1"}');
  }
});

test('a write answered with a 4xx is returned for the core to read, not retried', async () => {
  const { fetch, calls } = scriptedFetch(problem(422, { detail: 'You need 60 more points.' }));
  const transport = createRestTransport({ getToken: () => 'tok', fetch });
  const answer = await transport.send({ method: 'POST', path: '/v1/redemptions', body: '{}', idempotencyKey: 'k-12345678' });
  assert.equal(answer.status, 422);
  assert.match(answer.body, /60 more points/);
  assert.equal(calls.length, 1);
});

test('a write that never gets an answer resolves with status 0', async () => {
  const fail = () => { throw new TypeError('Failed to fetch'); };
  const transport = createRestTransport({ getToken: () => 'tok', fetch: scriptedFetch(fail, fail).fetch, retries: 1 });
  assert.deepEqual(await transport.send({ method: 'POST', path: '/v1/redemptions', body: '{}', idempotencyKey: 'k-12345678' }),
    { status: 0, body: '' });
});
