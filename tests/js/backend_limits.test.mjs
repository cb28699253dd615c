// What the reference backend refuses to read, over HTTP: a body over
// 64 KiB on every write route (413), a body whose length is not declared up
// front (chunked, or no Content-Length: 411, answered before the body is
// read), a header line over 8 KiB, a request line over 8 KiB, and a
// request that stops arriving. Every refusal is problem+json on the API and
// changes nothing: balances, activity, stock and the Idempotency-Key (still
// free afterwards) are checked. Needs the native build; run with
//   node --test tests/js/backend_limits.test.mjs

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startServer } from './start_server.mjs';
import { memberToken, getMemberJson } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-limits-test-secret';
const MAX_BODY = 64 * 1024;

let tmp;
let server;
let alanToken;  // for raw requests, whose headers are written by hand

const tokenFor = (memberId) => memberToken(server.url, memberId);

const getJson = (memberId, pathAndQuery) => getMemberJson(server.url, memberId, pathAndQuery);

// Everything a write could change for the member: balance, activity, plays
// left and commitments, and the catalog's stock.
const standing = async (memberId) => ({
  member: await getJson(memberId, 'v1/member'),
  activity: await getJson(memberId, 'v1/activity?limit=500'),
  games: await getJson(memberId, 'v1/games'),
  rewards: await getJson(memberId, 'v1/rewards?limit=500'),
});

// The three write routes, each with a valid body for Alan made now.
async function writeRoutes() {
  const wheel = (await getJson('m_alan', 'v1/games')).games.find((g) => g.id === 'spin-wheel');
  return [
    { path: 'v1/redemptions', body: { rewardId: 'rw_pinata_trail_mix' } },
    {
      path: 'v1/games/spin-wheel/plays',
      body: { clientSeed: randomBytes(16).toString('hex'), commitment: wheel.commitment },
    },
    { path: 'v1/events', body: { type: 'walk-day', value: 5000 } },
  ];
}

async function post(routePath, body, key) {
  return fetch(new URL(routePath, server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenFor('m_alan')}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
    },
    body,
  });
}

// A raw HTTP exchange: writes `request` (and then `rest`, if given, chunk by
// chunk), resolves with everything the server sent before it closed the
// connection. The socket is never half-closed: httplib then takes the client
// for gone and writes no answer.
function rawExchange(request, { rest = [] } = {}) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1');
    let received = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk) => { received += chunk; });
    socket.on('error', (error) => {
      // The server may close while we are still writing; what it sent counts.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve(received);
      else reject(error);
    });
    socket.on('close', () => resolve(received));
    socket.write(request);
    for (const chunk of rest) socket.write(chunk);
  });
}

// The status and problem+json body of the first response in `raw`.
function firstResponse(raw) {
  const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1]);
  const [head, ...rest] = raw.split('\r\n\r\n');
  const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
  const body = rest.join('\r\n\r\n').slice(0, length);
  return { status, head, body: body ? JSON.parse(body) : null };
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-limits-'));
  server = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, 'demo.sqlite3'), '--seed', 'demo/seed',
      '--token-secret', SECRET],
  });
  alanToken = await tokenFor('m_alan');
});

after(async () => {
  if (server) await server.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('a body over 64 KiB is a 413 problem on every write route and changes nothing', async () => {
  const before = await standing('m_alan');
  for (const route of await writeRoutes()) {
    const key = randomUUID();
    const json = JSON.stringify(route.body);
    // Valid JSON padded with whitespace to one byte over the limit.
    const oversize = json + ' '.repeat(MAX_BODY + 1 - json.length);
    const problem = await expectProblem(await post(route.path, oversize, key), 413,
      'payload-too-large');
    assert.match(problem.detail, /64 KiB/);
    const huge = JSON.stringify({ ...route.body, padding: 'x'.repeat(1_000_000) });
    await expectProblem(await post(route.path, huge, key), 413, 'payload-too-large');
    assert.deepEqual(await standing('m_alan'), before, route.path);
  }
  // The keys are still free, and the limit itself is allowed: the largest
  // body that fits is read, and each route does its work once.
  for (const route of await writeRoutes()) {
    const json = JSON.stringify(route.body);
    const exact = json + ' '.repeat(MAX_BODY - json.length);
    const response = await post(route.path, exact, randomUUID());
    assert.equal(response.status, 201, `${route.path}: ${await response.clone().text()}`);
    assert.equal(response.headers.get('idempotent-replayed'), null);
  }
});

test('a chunked body is refused with a 411 problem before it is read, on every write route', async () => {
  const before = await standing('m_alan');
  for (const route of await writeRoutes()) {
    const url = new URL(route.path, server.url);
    const response = await new Promise((resolve, reject) => {
      const request = http.request(url, {
        method: 'POST',
        agent: false,
        headers: {
          Authorization: `Bearer ${alanToken}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': randomUUID(),
          'Transfer-Encoding': 'chunked',
        },
      }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk) => { text += chunk; });
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
      });
      request.on('error', reject);
      const json = JSON.stringify(route.body);
      request.write(json.slice(0, 5));
      request.end(json.slice(5));
    });
    assert.equal(response.status, 411, route.path);
    assert.match(response.headers['content-type'], /^application\/problem\+json/);
    assert.equal(response.headers.connection, 'close');
    const problem = JSON.parse(response.text);
    assert.equal(problem.type, 'urn:kindred:problem:length-required');
  }
  assert.deepEqual(await standing('m_alan'), before);

  // A large chunked upload is answered the same way, before the body is read.
  const chunk = `100000\r\n${'x'.repeat(0x100000)}\r\n`;
  const raw = await rawExchange(
    `POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${alanToken}\r\n`
    + `Idempotency-Key: ${randomUUID()}\r\nTransfer-Encoding: chunked\r\n\r\n`,
    { rest: Array.from({ length: 4 }, () => chunk) });
  const refused = firstResponse(raw);
  assert.equal(refused.status, 411);
  assert.equal(refused.body.type, 'urn:kindred:problem:length-required');
  assert.deepEqual(await standing('m_alan'), before);
});

test('a POST without Content-Length is a 411 problem; a bodiless POST that says 0 is read', async () => {
  const raw = await rawExchange(
    `POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${alanToken}\r\n`
    + `Idempotency-Key: ${randomUUID()}\r\n\r\n{"type":"walk-day"}`);
  const refused = firstResponse(raw);
  assert.equal(refused.status, 411);
  assert.equal(refused.body.type, 'urn:kindred:problem:length-required');

  const empty = await fetch(new URL('v1/events', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${alanToken}`, 'Idempotency-Key': randomUUID() },
  });
  await expectProblem(empty, 400, 'invalid-request');
});

test('a header line over 8 KiB is a 400 problem; a request line over 8 KiB a 414', async () => {
  const longHeader = await fetch(new URL('v1/member', server.url), {
    headers: { Authorization: `Bearer ${alanToken}`, 'X-Padding': 'p'.repeat(9000) },
  });
  await expectProblem(longHeader, 400, 'bad-request');
  const longEvent = await fetch(new URL('v1/events', server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${alanToken}`,
      'Idempotency-Key': randomUUID(),
      'X-Padding': 'p'.repeat(9000),
    },
    body: '{"type":"walk-day"}',
  });
  await expectProblem(longEvent, 400, 'bad-request');
  // httplib refuses it before the path is known, so with its own empty body.
  const longUri = await fetch(new URL(`v1/member?q=${'q'.repeat(9000)}`, server.url), {
    headers: { Authorization: `Bearer ${alanToken}` },
  });
  assert.equal(longUri.status, 414);
});

test('a request that stops arriving is answered 400 and its connection closed', { timeout: 30_000 }, async () => {
  // httplib gives each read 5 s; the server then answers and hangs up.
  const [stalledHeaders, stalledBody] = await Promise.all([
    rawExchange(`POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${alanToken}\r\n`),
    rawExchange(`POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${alanToken}\r\n`
      + `Idempotency-Key: ${randomUUID()}\r\nContent-Length: 100\r\n\r\n{"type":`),
  ]);
  for (const raw of [stalledHeaders, stalledBody]) {
    const response = firstResponse(raw);
    assert.equal(response.status, 400);
    assert.equal(response.body.type, 'urn:kindred:problem:bad-request');
  }
  // The server is still serving.
  assert.equal((await getJson('m_alan', 'v1/member')).id, 'm_alan');
});
