// The reference backend over HTTP: tokens, member data, problem+json errors,
// CORS, static files and their headers, restarts. Needs the native build
// (cmake --build build/native); run from anywhere with
//   node --test tests/js/backend_http.test.mjs

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, serverBinary, startServer } from './start_server.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-http-test-secret';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const WWW_AUTHENTICATE = 'Bearer realm="kindred", error="invalid_token"';
const EXPIRED_DETAIL = "The member token has expired; ask the brand's server for a new one.";
const WASM_BYTES = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);  // empty module

let tmp;
let dbPath;
let assetsDir;
let server;
const servers = [];  // every server started, stopped in after()

async function start(args, options = {}) {
  const started = await startServer({ args, ...options });
  servers.push(started);
  return started;
}

// Signs a token independently of the server, straight from the documented format.
function signToken(memberId, expiresAt, secret = SECRET) {
  const payload = `v1.${Buffer.from(memberId).toString('base64url')}.${expiresAt}`;
  return `${payload}.${createHmac('sha256', secret).update(payload).digest('base64url')}`;
}

const nowSeconds = () => Math.floor(Date.now() / 1000);
const bearer = (token) => ({ Authorization: `Bearer ${token}` });

async function login(baseUrl, memberId) {
  return fetch(new URL('demo/login', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ memberId }),
  });
}

async function tokenFor(baseUrl, memberId) {
  const response = await login(baseUrl, memberId);
  assert.equal(response.status, 200);
  return (await response.json()).token;
}

const getMember = (baseUrl, headers = {}) => fetch(new URL('v1/member', baseUrl), { headers });

async function expectTokenRejected(response, detailPattern) {
  const body = await expectProblem(response, 401);
  assert.equal(response.headers.get('www-authenticate'), WWW_AUTHENTICATE);
  assert.equal(body.type, 'urn:kindred:problem:invalid-token');
  assert.match(body.detail, detailPattern);
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-http-'));
  dbPath = path.join(tmp, 'demo.sqlite3');
  assetsDir = path.join(tmp, 'assets');
  await fs.mkdir(assetsDir);
  await fs.writeFile(path.join(assetsDir, 'file.wasm'), WASM_BYTES);
  await fs.writeFile(path.join(assetsDir, 'page.html'), '<!doctype html><title>Kindred</title>');
  server = await start(['--port', '0', '--db', dbPath, '--seed', 'demo/seed',
    '--static', '/=demo/site', '--static', `/assets=${assetsDir}`, '--token-secret', SECRET]);
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('login issues a token that reads the member, with the tier the core computes', async () => {
  const response = await login(server.url, 'm_ada');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  const { token, expiresAt, memberId } = await response.json();
  assert.equal(memberId, 'm_ada');
  assert.match(token, /^v1\.[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
  assert.match(expiresAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  assert.ok(Math.abs(Date.parse(expiresAt) / 1000 - (nowSeconds() + 3600)) < 60, expiresAt);
  assert.equal(token.split('.')[2], String(Date.parse(expiresAt) / 1000));

  const member = await getMember(server.url, bearer(token));
  assert.equal(member.status, 200);
  assert.equal(member.headers.get('content-type'), 'application/json; charset=utf-8');
  const ada = await member.json();
  assert.deepEqual(Object.keys(ada), ['id', 'name', 'points', 'pendingPoints', 'lifetimePoints',
    'qualifyingPoints', 'tierId', 'tierWindowEnd', 'expiring']);
  assert.equal(ada.id, 'm_ada');
  assert.equal(ada.name, 'Ada');
  assert.equal(ada.points, 1240);
  assert.equal(ada.qualifyingPoints, 1380);
  assert.equal(ada.tierId, 'trailblazer');
  assert.match(ada.tierWindowEnd, /^\d{4}-\d\d-\d\d$/);
  assert.deepEqual(ada.expiring.map((bucket) => bucket.points), [200, 90]);
  const today = new Date().toISOString().slice(0, 10);
  const dates = ada.expiring.map((bucket) => bucket.date);
  assert.deepEqual([...dates].sort(), dates);
  assert.ok(dates.every((date) => date >= today), dates.join());
});

test('GET /v1/program returns the seed program document verbatim', async () => {
  const token = await tokenFor(server.url, 'm_grace');
  const response = await fetch(new URL('v1/program', server.url), { headers: bearer(token) });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  const seedProgram = await fs.readFile(path.join(repoRoot, 'demo/seed/program.json'), 'utf8');
  assert.equal(await response.text(), seedProgram);
});

test('a token signed by the documented format is accepted', async () => {
  const response = await getMember(server.url, bearer(signToken('m_alan', nowSeconds() + 600)));
  assert.equal(response.status, 200);
  assert.equal((await response.json()).tierId, 'peak');
});

test('the member switcher lists the seeded members without a token', async () => {
  const response = await fetch(new URL('demo/members', server.url));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), [
    { id: 'm_grace', name: 'Grace', tierId: 'explorer' },
    { id: 'm_ada', name: 'Ada', tierId: 'trailblazer' },
    { id: 'm_katherine', name: 'Katherine', tierId: 'summit' },
    { id: 'm_alan', name: 'Alan', tierId: 'peak' },
  ]);
});

test('no token is a 401 problem with the WWW-Authenticate challenge', async () => {
  await expectTokenRejected(await getMember(server.url), /no member token/);
  await expectTokenRejected(await fetch(new URL('v1/program', server.url)), /no member token/);
  await expectTokenRejected(await getMember(server.url, { Authorization: 'Basic Zm9vOmJhcg==' }),
    /malformed/);
});

test('tampered and malformed tokens are 401s', async () => {
  const token = await tokenFor(server.url, 'm_grace');
  const [version, , expiry, mac] = token.split('.');
  const otherMember = `${version}.${Buffer.from('m_alan').toString('base64url')}.${expiry}.${mac}`;
  await expectTokenRejected(await getMember(server.url, bearer(otherMember)), /signature/);
  const laterExpiry = `${version}.${token.split('.')[1]}.${Number(expiry) + 86400}.${mac}`;
  await expectTokenRejected(await getMember(server.url, bearer(laterExpiry)), /signature/);
  const flipped = token.slice(0, -3) + (token.at(-3) === 'A' ? 'B' : 'A') + token.slice(-2);
  await expectTokenRejected(await getMember(server.url, bearer(flipped)), /signature/);
  const otherSecret = signToken('m_grace', nowSeconds() + 600, 'another-secret');
  await expectTokenRejected(await getMember(server.url, bearer(otherSecret)), /signature/);
  await expectTokenRejected(await getMember(server.url, bearer(`${token}.x`)), /malformed/);
  await expectTokenRejected(await getMember(server.url, bearer(`${token}=`)), /malformed/);
});

test('an expired token is a 401 that says it expired', async () => {
  const expired = signToken('m_ada', nowSeconds() - 60);
  const response = await getMember(server.url, bearer(expired));
  await expectTokenRejected(response, /expired/);
});

test('a genuine token for a member the backend does not know is a 401', async () => {
  const stranger = bearer(signToken('m_nobody', nowSeconds() + 600));
  await expectTokenRejected(await getMember(server.url, stranger), /does not know/);
  await expectTokenRejected(await fetch(new URL('v1/program', server.url), { headers: stranger }),
    /does not know/);
});

test('login problems: unknown member is 404, a bad body is 400', async () => {
  const unknown = await expectProblem(await login(server.url, 'm_nobody'), 404);
  assert.equal(unknown.type, 'urn:kindred:problem:unknown-member');
  for (const body of ['', 'not json', '[]', '{"memberId":42}', '{"memberId":""}']) {
    const response = await fetch(new URL('demo/login', server.url), { method: 'POST', body });
    const problem = await expectProblem(response, 400);
    assert.equal(problem.type, 'urn:kindred:problem:invalid-request', body);
  }
  const tooBig = await fetch(new URL('demo/login', server.url),
    { method: 'POST', body: 'x'.repeat(70_000) });
  await expectProblem(tooBig, 413);
});

test('unknown API routes are 404 problems and wrong methods 405 problems', async () => {
  const missing = await expectProblem(await fetch(new URL('v1/nothing-here', server.url)), 404);
  assert.equal(missing.type, 'urn:kindred:problem:not-found');
  const wrongMethod = await fetch(new URL('v1/member', server.url), { method: 'DELETE' });
  const notAllowed = await expectProblem(wrongMethod, 405);
  assert.equal(notAllowed.type, 'urn:kindred:problem:method-not-allowed');
  assert.equal(wrongMethod.headers.get('allow'), 'GET, OPTIONS');
  const getLogin = await fetch(new URL('demo/login', server.url));
  await expectProblem(getLogin, 405);
  assert.equal(getLogin.headers.get('allow'), 'POST, OPTIONS');
  // Outside the API, a missing file stays a plain 404.
  const noFile = await fetch(new URL('no-such-page.html', server.url));
  assert.equal(noFile.status, 404);
  assert.equal(await noFile.text(), '');
});

test('CORS: preflights get 204 and API responses allow any origin', async () => {
  const preflight = await fetch(new URL('v1/member', server.url), {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://shop.example',
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'authorization',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
  assert.equal(preflight.headers.get('access-control-allow-headers'),
    'Authorization, Content-Type, Idempotency-Key');
  assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET, POST, OPTIONS');

  const rejected = await getMember(server.url, { Origin: 'https://shop.example' });
  assert.equal(rejected.status, 401);
  assert.equal(rejected.headers.get('access-control-allow-origin'), '*');
});

test('static files: .wasm is application/wasm, revalidated, nosniff', async () => {
  const response = await fetch(new URL('assets/file.wasm', server.url));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'application/wasm');
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), WASM_BYTES);
  await WebAssembly.compile(WASM_BYTES);  // the fixture really is a module
});

test('the Content-Security-Policy is on HTML pages and API responses', async () => {
  const page = await fetch(new URL('assets/page.html', server.url));
  assert.equal(page.status, 200);
  assert.equal(page.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(page.headers.get('content-security-policy'), CSP);
  assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
  const api = await fetch(new URL('demo/members', server.url));
  assert.equal(api.headers.get('content-security-policy'), CSP);
});

test('--token-ttl 0 issues already expired tokens; --csp off drops the policy', async () => {
  const second = await start(['--port', '0', '--db', dbPath, '--token-ttl', '0', '--csp', 'off',
    '--static', `/assets=${assetsDir}`]);
  const token = await tokenFor(second.url, 'm_ada');
  const response = await getMember(second.url, bearer(token));
  const body = await expectProblem(response, 401);
  assert.equal(body.detail, EXPIRED_DETAIL);
  assert.equal(response.headers.get('www-authenticate'), WWW_AUTHENTICATE);
  const page = await fetch(new URL('assets/page.html', second.url));
  assert.equal(page.headers.get('content-security-policy'), null);
  assert.deepEqual(await second.stop(), { code: 0, signal: null });
});

test('a handler that fails answers a 500 problem and logs why', async () => {
  const lostDb = path.join(tmp, 'lost.sqlite3');
  const lost = await start(['--port', '0', '--db', lostDb]);
  // Each request opens the database afresh; without the file that open throws.
  for (const suffix of ['', '-wal', '-shm']) await fs.rm(lostDb + suffix, { force: true });
  const response = await fetch(new URL('demo/members', lost.url));
  const body = await expectProblem(response, 500);
  assert.equal(body.type, 'urn:kindred:problem:internal-error');
  assert.doesNotMatch(body.detail, /sqlite|lost\.sqlite3/i);  // the cause stays in the log
  // The log line is written before the response, but its pipe may be read after.
  const logged = /GET \/demo\/members failed: cannot open database/;
  for (let waited = 0; !logged.test(lost.stderr()) && waited < 2000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  assert.match(lost.stderr(), logged);
});

test('bad command lines and bad seeds stop the server before it listens', async () => {
  const unknownFlag = spawnSync(serverBinary, ['--verbose'], { encoding: 'utf8' });
  assert.equal(unknownFlag.status, 2);
  assert.equal(unknownFlag.stdout, '');
  assert.match(unknownFlag.stderr, /unknown option --verbose[\s\S]*usage: kindred-server/);

  const seedDir = path.join(tmp, 'bad-seed');
  await fs.mkdir(seedDir);
  await fs.writeFile(path.join(seedDir, 'program.json'), '{"id":"p","name":"P","tiers":[]}');
  await fs.writeFile(path.join(seedDir, 'members.json'), '{"members":[]}');
  await assert.rejects(
    startServer({ args: ['--port', '0', '--db', path.join(tmp, 'bad.db'), '--seed', seedDir] }),
    /exited before listening \(code 1\)[\s\S]*program\.json: program/);
});

test('text is compressed with gzip even when the browser also offers Brotli', async () => {
  // cpp-httplib's Brotli runs at quality 11 and was the slowest part of a
  // cold page load; the server steers it to gzip (response_compression.hpp).
  for (const acceptEncoding of ['gzip, deflate, br', 'br;q=1.0, gzip;q=0.8']) {
    const response = await fetch(new URL('index.html', server.url), { headers: { 'Accept-Encoding': acceptEncoding } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-encoding'), 'gzip', acceptEncoding);
    assert.match(await response.text(), /<kindred-widget/);
  }
  const brotliOnly = await fetch(new URL('index.html', server.url), { headers: { 'Accept-Encoding': 'br' } });
  assert.equal(brotliOnly.headers.get('content-encoding'), null);
});

// Last: it replaces the shared server with one that has no static mounts.
test('a restart on the same database keeps its data and does not reseed', async () => {
  const token = await tokenFor(server.url, 'm_ada');
  const before = await (await getMember(server.url, bearer(token))).json();
  assert.deepEqual(await server.stop(), { code: 0, signal: null });  // SIGTERM stops it cleanly

  // The seed directory does not exist: a database with data must not need it.
  // The secret now comes from the environment; tokens signed with it still work.
  server = await start(['--port', '0', '--db', dbPath, '--seed', path.join(tmp, 'missing')],
    { env: { ...process.env, KINDRED_TOKEN_SECRET: SECRET } });
  assert.doesNotMatch(server.stderr(), /seeded/);
  const member = await getMember(server.url, bearer(token));
  assert.equal(member.status, 200);
  assert.deepEqual(await member.json(), before);
  const members = await (await fetch(new URL('demo/members', server.url))).json();
  assert.deepEqual(members.map((m) => m.id), ['m_grace', 'm_ada', 'm_katherine', 'm_alan']);
});
