// The webview bridge's side of the wire, against a fake Android
// kindredNative object: what it sends (never a token), how replies are
// matched to requests, what it does with replies it did not ask for or
// cannot read, and cancellation. The whole round trip through real
// platforms' shapes runs in Chromium (tests/e2e/webview_bridge.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';

globalThis.location = new URL('https://shop.example/account/rewards');
const sent = [];
const kindredNative = new EventTarget();
kindredNative.postMessage = (text) => sent.push(JSON.parse(text));
globalThis.kindredNative = kindredNative;

const { webviewFetch, bridgeName } = await import('../../web/webview_bridge.js');
const { createRestTransport } = await import('../../web/rest_transport.js');

const reply = (message) => kindredNative.dispatchEvent(new MessageEvent('message',
  { data: typeof message === 'string' ? message : JSON.stringify({ kindred: 1, ...message }) }));
const lastSent = () => sent[sent.length - 1];
const settled = (promise) => Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise((r) => setTimeout(() => r('pending'), 20))]);

test('the page finds the Android bridge the app added', () => {
  assert.equal(bridgeName(), 'android');
});

test('a request carries the path, the method, the body and its Idempotency-Key, and never a bearer token', async () => {
  const answer = webviewFetch('https://ignored.example/v1/redemptions?x=1', {
    method: 'POST',
    headers: { Authorization: 'Bearer page-token', 'Idempotency-Key': 'redeem-1', 'Content-Type': 'application/json', Cookie: 'a=b' },
    body: '{"rewardId":"r1"}',
  });
  const request = lastSent();
  assert.deepEqual(request, {
    kindred: 1, id: request.id, method: 'POST', path: '/v1/redemptions?x=1',
    headers: { 'Idempotency-Key': 'redeem-1', 'Content-Type': 'application/json' }, body: '{"rewardId":"r1"}',
  });
  reply({ id: request.id, status: 201, headers: { 'content-type': 'application/json', 'set-cookie': 'x=y' }, body: '{"code":"AUR-1"}' });
  const response = await answer;
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-type'), 'application/json');
  assert.equal(response.headers.get('set-cookie'), null, 'only the headers the shim reads are passed on');
  assert.equal(await response.text(), '{"code":"AUR-1"}');
});

test('replies are matched by id: others, garbage and duplicates are ignored', async () => {
  const first = webviewFetch('/v1/member');
  const firstId = lastSent().id;
  const second = webviewFetch('/v1/program');
  const secondId = lastSent().id;
  assert.notEqual(firstId, secondId);
  assert.match(firstId, /^[0-9a-z]{16,}$/, 'ids are random, not a counter another frame could guess');
  reply('not json');
  reply(JSON.stringify({ kindred: 2, id: firstId, status: 200, body: 'another protocol' }));
  reply({ id: 'nobody-asked', status: 200, body: '' });
  assert.equal(await settled(first), 'pending');
  reply({ id: secondId, status: 200, body: 'program' });
  reply({ id: firstId, status: 503, headers: { 'retry-after': '3' }, body: 'busy' });
  reply({ id: firstId, status: 200, body: 'a second answer to the same request' });
  assert.equal(await (await second).text(), 'program');
  const busy = await first;
  assert.equal(busy.status, 503);
  assert.equal(busy.headers.get('retry-after'), '3');
  assert.equal(await busy.text(), 'busy');
});

test('a malformed reply fails its request as no answer would', async () => {
  for (const bad of [{ status: 99 }, { status: 200, body: 42 }, { status: '200' }, { status: 200, headers: { 'content-type': 7 } }]) {
    const answer = webviewFetch('/v1/member');
    reply({ id: lastSent().id, ...bad });
    await assert.rejects(answer, (error) => error instanceof TypeError && /malformed reply/.test(error.message), JSON.stringify(bad));
  }
});

test('a cancelled request rejects with the caller\'s reason and its late reply is dropped', async () => {
  const controller = new AbortController();
  const answer = webviewFetch('/v1/rewards', { signal: controller.signal });
  const { id } = lastSent();
  controller.abort(new Error('left the screen'));
  await assert.rejects(answer, /left the screen/);
  reply({ id, status: 200, body: 'late' });  // no pending request: nothing happens
});

test('the REST transport runs over the bridge unchanged: a 503 is retried, then the body is returned', async () => {
  const transport = createRestTransport({ getToken: () => '', fetch: webviewFetch, retries: 1 });
  const sentBefore = sent.length;
  const body = transport.get('/v1/member');
  await new Promise((resolve) => setTimeout(resolve, 0));
  reply({ id: sent[sentBefore].id, status: 503, headers: { 'content-type': 'application/problem+json' }, body: '{"title":"Busy"}' });
  for (let waited = 0; sent.length === sentBefore + 1; waited += 10) {
    assert.ok(waited < 3000, 'the 503 was retried');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  reply({ id: lastSent().id, status: 200, headers: { 'content-type': 'application/json' }, body: '{"points":1240}' });
  assert.equal(await body, '{"points":1240}');
  assert.equal(sent.length, sentBefore + 2);
  assert.ok(sent.slice(sentBefore).every((request) => !('Authorization' in request.headers)));
});

test('a 205 or 304 reply (no body allowed) resolves instead of hanging', async () => {
  for (const status of [205, 304]) {
    const answer = webviewFetch('/v1/member');
    reply({ id: lastSent().id, status, body: 'ignored' });
    assert.equal((await answer).status, status);
  }
});

// Another instance of the module (a query string makes it one) on a page
// with iOS's handler: its replies come back as the request's own promise.
test('iOS: a reply is its request\'s own; a reply with another id, or a refusal, fails that request', async () => {
  const answers = [];
  globalThis.webkit = { messageHandlers: { kindred: { postMessage: (text) => answers.shift()(JSON.parse(text)) } } };
  const ios = await import('../../web/webview_bridge.js?ios');
  assert.equal(ios.bridgeName(), 'ios');
  answers.push((request) => JSON.stringify({ kindred: 1, id: request.id, status: 200, body: 'mine' }));
  assert.equal(await (await ios.webviewFetch('/v1/member')).text(), 'mine');
  answers.push(() => JSON.stringify({ kindred: 1, id: 'someone-else', status: 200, body: 'theirs' }));
  await assert.rejects(ios.webviewFetch('/v1/member'), /malformed reply/);
  answers.push(() => Promise.reject(new Error('refused')));
  await assert.rejects(ios.webviewFetch('/v1/member'), /refused the request/);
  delete globalThis.webkit;
});

test('React Native: only messages the app dispatches are read, not ones another frame posts', async () => {
  globalThis.window = new EventTarget();
  globalThis.document = new EventTarget();
  const posted = [];
  globalThis.ReactNativeWebView = { postMessage: (text) => posted.push(JSON.parse(text)) };
  const android = globalThis.kindredNative;
  delete globalThis.kindredNative;  // this page is in React Native only
  const { webviewFetch: rnFetch, bridgeName: rnName } = await import('../../web/webview_bridge.js?react-native');
  assert.equal(rnName(), 'react-native');
  const answer = rnFetch('/v1/member');
  const { id } = posted[0];
  const forged = new MessageEvent('message', { data: JSON.stringify({ kindred: 1, id, status: 200, body: 'forged' }) });
  Object.defineProperty(forged, 'source', { value: {} });  // posted by a frame
  window.dispatchEvent(forged);
  assert.equal(await settled(answer), 'pending');
  document.dispatchEvent(new MessageEvent('message', { data: JSON.stringify({ kindred: 1, id, status: 200, body: 'app' }) }));
  assert.equal(await (await answer).text(), 'app');
  globalThis.kindredNative = android;
});
