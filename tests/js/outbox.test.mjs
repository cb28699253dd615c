// The outbox's rules on a fake storage: what stays queued, when it is tried
// again, and that its stored format is versioned.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { createOutbox, backoffMs } from '../../web/outbox.js';

function memoryStorage() {
  const map = new Map();
  return {
    getItem: (key) => (map.has(key) ? map.get(key) : null),
    setItem: (key, value) => map.set(key, String(value)),
    removeItem: (key) => map.delete(key),
    key: (index) => [...map.keys()][index] ?? null,
    get length() { return map.size; },
    map,
  };
}

const command = (key) => ({ method: 'POST', path: '/v1/redemptions', idempotencyKey: key, body: '{"rewardId":"r"}' });
const item = (key) => ({ key, kind: 'redemption', subject: 'r', name: 'Socks', snapshot: '{}', command: command(key) });

test('backoff starts at 1 s, doubles, stops at 30 s, and is jittered to 50-100%', () => {
  const ceilings = [1, 2, 3, 4, 5, 6, 7, 12].map((attempt) => backoffMs(attempt, () => 1));
  assert.deepEqual(ceilings, [1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  assert.equal(backoffMs(3, () => 0), 2000);
  for (let i = 0; i < 100; i += 1) {
    const wait = backoffMs(4);
    assert.ok(wait >= 4000 && wait <= 8000, String(wait));
  }
});

test('a definitive answer crosses a write off; no answer, 5xx and 429 keep it for later', async (t) => {
  for (const [status, kept] of [[201, false], [409, false], [422, false], [0, true], [503, true], [429, true]]) {
    const storage = memoryStorage();
    const outbox = createOutbox({ scope: 's', storage, locks: null, send: async () => ({ status, body: '' }) });
    t.after(() => outbox.close());
    outbox.enqueue(item('k1'));
    const answer = await outbox.deliver('k1');
    assert.equal(answer.status, status);
    assert.equal(outbox.pending().length, kept ? 1 : 0, `status ${status}`);
    if (kept) {
      const [queued] = outbox.pending();
      assert.equal(queued.attempts, 1);
      assert.ok(queued.nextAttemptAt >= Date.now() + 400, 'not before the backoff');
    }
    outbox.close();
  }
});

test('Retry-After decides the next try after a 429', async () => {
  const outbox = createOutbox({ scope: 's', storage: memoryStorage(), locks: null, send: async () => ({ status: 429, body: '', retryAfter: 20 }) });
  outbox.enqueue(item('k1'));
  const before = Date.now();
  await outbox.deliver('k1');
  const [queued] = outbox.pending();
  outbox.close();
  assert.ok(queued.nextAttemptAt >= before + 20000 && queued.nextAttemptAt <= Date.now() + 20000);
});

test('a flush sends every due write with its own key, once, and reports each answer', async () => {
  const sent = [];
  const storage = memoryStorage();
  const outbox = createOutbox({ scope: 's', storage, locks: null, send: async (c) => { sent.push(c.idempotencyKey); return { status: 201, body: '{}' }; } });
  outbox.enqueue(item('a'));
  outbox.enqueue(item('b'));
  outbox.enqueue(item('a'));  // a repeat of a queued key changes nothing
  const answers = [];
  outbox.onAnswer((queued, answer) => answers.push([queued.key, answer.status]));
  await outbox.flush({ force: true });
  outbox.close();
  assert.deepEqual(sent, ['a', 'b']);
  assert.deepEqual(answers, [['a', 201], ['b', 201]]);
  assert.equal(storage.map.size, 0, 'nothing left behind');
});

test('a write finished elsewhere is not sent again', async () => {
  const storage = memoryStorage();
  let sends = 0;
  const outbox = createOutbox({ scope: 's', storage, locks: null, send: async () => { sends += 1; return { status: 201, body: '' }; } });
  outbox.enqueue(item('k1'));
  storage.map.clear();  // another tab sent it and crossed it off
  assert.equal(await outbox.deliver('k1'), null);
  outbox.close();
  assert.equal(sends, 0);
});

test('the stored format is versioned; unknown versions and garbage are not sent', async () => {
  const storage = memoryStorage();
  storage.setItem('kindred:outbox:v1:s:x', '{"v":2,"item":{"key":"x"}}');
  const outbox = createOutbox({ scope: 's', storage, locks: null, send: async () => assert.fail('sent') });
  assert.deepEqual(outbox.pending(), []);
  storage.setItem('kindred:outbox:v1:s:y', 'not json');
  assert.deepEqual(outbox.pending(), []);
  outbox.close();
  // Scopes (backend and member) do not see each other's writes.
  const mine = createOutbox({ scope: 'a', storage, locks: null, send: async () => ({ status: 201, body: '' }) });
  mine.enqueue(item('k'));
  const theirs = createOutbox({ scope: 'b', storage, locks: null, send: async () => ({ status: 201, body: '' }) });
  assert.equal(theirs.pending().length, 0);
  mine.close();
  theirs.close();
});

test('a send asked for while the background flush sends the same write joins it: one request, one reader', async () => {
  let release;
  const sent = [];
  const outbox = createOutbox({
    scope: 's', storage: memoryStorage(), locks: null,
    send: (c) => { sent.push(c.idempotencyKey); return new Promise((resolve) => { release = () => resolve({ status: 201, body: '{}' }); }); },
  });
  outbox.enqueue(item('k1'));
  const heard = [];
  outbox.onAnswer((queued) => heard.push(queued.key));
  const flushing = outbox.flush({ force: true });
  const joined = outbox.deliver('k1');  // the shopper taps "Try again" meanwhile
  release();
  assert.equal((await joined).status, 201);
  await flushing;
  outbox.close();
  assert.deepEqual(sent, ['k1'], 'sent once');
  assert.deepEqual(heard, [], 'the answer went to the caller, not to the background listener too');
});

test('two tabs queuing at the same moment both keep their writes', () => {
  const storage = memoryStorage();
  const tabA = createOutbox({ scope: 's', storage, locks: null, send: async () => ({ status: 201, body: '' }) });
  const tabB = createOutbox({ scope: 's', storage, locks: null, send: async () => ({ status: 201, body: '' }) });
  tabA.enqueue(item('a'));
  tabB.enqueue(item('b'));
  assert.deepEqual(tabA.pending().map((queued) => queued.key).sort(), ['a', 'b']);
  tabA.close();
  tabB.close();
});
