// GET /v1/moments over HTTP on the real binary with the demo seed: the
// document each demo member gets (every moment shown by someone), a surprise
// granted live through POST /demo/surprises, acknowledged through
// POST /v1/events and gone on every device with its points counted once,
// dismissals in `dismissed`, and the route's 401 and 405 problems. Needs the
// native build; run from anywhere with
//   node --test tests/js/backend_moments.test.mjs
// (KINDRED_SERVER_BIN=path/to/kindred-server tests another build).

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startServer } from './start_server.mjs';
import { memberToken } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-moments-test-secret';
// The later moments (impact, experiences, previews, challenges, badges, the
// year in review) are backend_moments_more.test.mjs's.
const MOMENTS_KEYS = ['incentives', 'surprises', 'birthMonth', 'birthdayOffers',
  'expiryReminderDays', 'dismissed', 'impact', 'experiences', 'previews', 'challenges', 'badges',
  'yearInReview'];
const SURPRISE_KEYS = ['id', 'points', 'message', 'grantedOn'];
const MEMBER_KEYS = ['id', 'name', 'points', 'pendingPoints', 'lifetimePoints', 'qualifyingPoints',
  'tierId', 'tierWindowEnd', 'expiring'];
const SURPRISE_ID = /^srp_[2-9a-hj-np-z]{20}$/;
const DAY_MS = 86_400_000;

let tmp;
let server;
let seedMoments;
// The seeding instant lies between these two (the server seeds as it starts).
let seededFrom;
let seededBy;

const tokenFor = (memberId) => memberToken(server.url, memberId);

async function getJson(memberId, pathAndQuery, { token } = {}) {
  const response = await fetch(new URL(pathAndQuery, server.url), {
    headers: { Authorization: `Bearer ${token ?? await tokenFor(memberId)}` },
  });
  assert.equal(response.status, 200, pathAndQuery);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  return response.json();
}

const moments = (memberId, options) => getJson(memberId, 'v1/moments', options);
const member = (memberId) => getJson(memberId, 'v1/member');
const activity = async (memberId) => (await getJson(memberId, 'v1/activity?limit=500')).items;

function grantSurprise(body) {
  return fetch(new URL('demo/surprises', server.url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

// POST /v1/events with a fresh key unless one is given.
async function sendEvent(memberId, body, { key = randomUUID() } = {}) {
  return fetch(new URL('v1/events', server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenFor(memberId)}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
}

// The calendar day (YYYY-MM-DD) an instant falls on in an IANA zone.
const localDate = (millis, timeZone) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(millis));

// What the seed may have made of a local date: one day, unless the test
// started across midnight in that zone.
const possibleDates = (offsetMs, timeZone) =>
  new Set([localDate(seededFrom + offsetMs, timeZone), localDate(seededBy + offsetMs, timeZone)]);

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-moments-'));
  seedMoments = JSON.parse(await fs.readFile(path.join(repoRoot, 'demo/seed/moments.json'), 'utf8'));
  seededFrom = Date.now();
  server = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, 'demo.sqlite3'), '--seed', 'demo/seed',
      '--token-secret', SECRET],
  });
  seededBy = Date.now();
});

after(async () => {
  if (server) await server.stop();
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('each demo member gets the program\'s moments and their own', async () => {
  const byPoints = [...seedMoments.incentives].sort((a, b) => a.points - b.points);
  const documents = {};
  for (const id of ['m_grace', 'm_ada', 'm_katherine', 'm_alan']) {
    const document = await moments(id);
    assert.deepEqual(Object.keys(document), MOMENTS_KEYS, id);
    assert.deepEqual(document.incentives, byPoints, id);
    assert.deepEqual(document.birthdayOffers, seedMoments.birthdayOffers, id);
    assert.equal(document.expiryReminderDays, 30, id);
    assert.deepEqual(document.dismissed, [], id);
    documents[id] = document;
  }

  // Grace: a surprise three days old (on her New York calendar); below the
  // first incentive; points expiring within the reminder lead.
  const grace = documents.m_grace;
  assert.equal(grace.birthMonth, null);
  assert.equal(grace.surprises.length, 1);
  const [gift] = grace.surprises;
  assert.deepEqual(Object.keys(gift), SURPRISE_KEYS);
  const { grantedOn, ...seeded } = gift;
  assert.deepEqual(seeded, { id: 'sg_01', points: 50, message: 'A thank-you for being with us' });
  assert.ok(possibleDates(-3 * DAY_MS, 'America/New_York').has(grantedOn), grantedOn);
  const graceMember = await member('m_grace');
  assert.ok(graceMember.points < grace.incentives[0].points);
  const soonest = Date.parse(`${graceMember.expiring[0].date}T00:00:00Z`);
  assert.ok(soonest - Date.now() < grace.expiryReminderDays * DAY_MS);
  const [surpriseEntry] = (await activity('m_grace')).filter((entry) => entry.kind === 'surprise');
  assert.equal(surpriseEntry.points, 50);
  assert.equal(surpriseEntry.description, 'Surprise: A thank-you for being with us');

  // Ada: her birthday is this month, on her London calendar.
  const months = new Set([...possibleDates(0, 'Europe/London')].map((date) => Number(date.slice(5, 7))));
  assert.ok(months.has(documents.m_ada.birthMonth), String(documents.m_ada.birthMonth));
  for (const id of ['m_ada', 'm_katherine', 'm_alan']) {
    assert.deepEqual(documents[id].surprises, [], id);
  }
  assert.equal(documents.m_katherine.birthMonth, null);
  assert.equal(documents.m_alan.birthMonth, null);

  // The member document is as it was: same fields, same demo balances.
  assert.deepEqual(Object.keys(graceMember), MEMBER_KEYS);
  assert.equal(graceMember.points, 340);
  const ada = await member('m_ada');
  assert.deepEqual(Object.keys(ada), MEMBER_KEYS);
  assert.equal(ada.points, 1240);
  assert.equal(ada.tierId, 'trailblazer');
});

test('a granted surprise is listed until acknowledged, on every device, and counted once', async () => {
  const before = await member('m_katherine');
  const message = 'Three years with us 🎉 — merci!';
  const response = await grantSurprise({ memberId: 'm_katherine', points: 75, message });
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  const surprise = await response.json();
  assert.deepEqual(Object.keys(surprise), SURPRISE_KEYS);
  assert.match(surprise.id, SURPRISE_ID);
  assert.equal(surprise.points, 75);
  assert.equal(surprise.message, message);
  const now = Date.now();
  assert.ok([localDate(now - 60_000, 'Asia/Tokyo'), localDate(now, 'Asia/Tokyo')]
    .includes(surprise.grantedOn), surprise.grantedOn);

  // Credited at once, with its ledger entry; qualifying points untouched.
  const granted = await member('m_katherine');
  assert.equal(granted.points, before.points + 75);
  assert.equal(granted.lifetimePoints, before.lifetimePoints + 75);
  assert.equal(granted.qualifyingPoints, before.qualifyingPoints);
  const [newest] = await activity('m_katherine');
  assert.equal(newest.kind, 'surprise');
  assert.equal(newest.points, 75);
  assert.equal(newest.description, `Surprise: ${message}`);
  assert.equal(newest.rewardId, null);

  // Listed for this device and another one (a second sign-in).
  const otherDevice = await (await fetch(new URL('demo/login', server.url), {
    method: 'POST', body: JSON.stringify({ memberId: 'm_katherine' }),
  })).json();
  assert.deepEqual((await moments('m_katherine')).surprises, [surprise]);
  assert.deepEqual((await moments('m_katherine', { token: otherDevice.token })).surprises,
    [surprise]);

  // Acknowledged once, and retried with the same key (a lost answer).
  const key = randomUUID();
  const acknowledgement = { type: 'moment-acknowledged', subject: `surprise:${surprise.id}` };
  assert.equal((await sendEvent('m_katherine', acknowledgement, { key })).status, 201);
  const retry = await sendEvent('m_katherine', acknowledgement, { key });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');

  for (const token of [await tokenFor('m_katherine'), otherDevice.token]) {
    const after = await moments('m_katherine', { token });
    assert.deepEqual(after.surprises, []);
    assert.deepEqual(after.dismissed, [`surprise:${surprise.id}`]);
  }
  const acknowledged = await member('m_katherine');
  assert.equal(acknowledged.points, before.points + 75, 'the surprise is in the balance once');
  assert.equal((await activity('m_katherine'))
    .filter((entry) => entry.kind === 'surprise').length, 1);
});

test('a dismissal appears in dismissed, most recent first, for that member only', async () => {
  const month = new Date().toISOString().slice(0, 7);
  for (const subject of ['incentive:reward-60', `birthday:${month}`]) {
    assert.equal((await sendEvent('m_ada', { type: 'moment-dismissed', subject })).status, 201);
  }
  const ada = await moments('m_ada');
  assert.deepEqual(ada.dismissed, [`birthday:${month}`, 'incentive:reward-60']);
  // Dismissing is the widget's business: the data it decides from is unchanged.
  assert.equal(ada.birthdayOffers.length, seedMoments.birthdayOffers.length);
  assert.equal(ada.incentives.length, seedMoments.incentives.length);
  // Other event types are not dismissals, and other members' are not Ada's.
  assert.equal((await sendEvent('m_ada', { type: 'review-written', subject: 'incentive:reward-10' }))
    .status, 201);
  assert.deepEqual((await moments('m_ada')).dismissed, ada.dismissed);
  assert.deepEqual((await moments('m_alan')).dismissed, []);
});

test('surprises granted at once are all credited, listed and in the ledger', async () => {
  const before = await member('m_alan');
  const responses = await Promise.all(Array.from({ length: 10 }, (_, i) =>
    grantSurprise({ memberId: 'm_alan', points: i + 1, message: `Gift ${i + 1}` })));
  assert.deepEqual(responses.map((r) => r.status), Array(10).fill(201));
  const granted = await Promise.all(responses.map((r) => r.json()));
  assert.equal(new Set(granted.map((s) => s.id)).size, 10);
  assert.equal((await member('m_alan')).points, before.points + 55);
  const listed = (await moments('m_alan')).surprises;
  assert.deepEqual(listed.map((s) => s.id).sort(), granted.map((s) => s.id).sort());
  const entries = (await activity('m_alan')).filter((entry) => entry.kind === 'surprise');
  assert.equal(entries.reduce((sum, entry) => sum + entry.points, 0), 55);
});

test('POST /demo/surprises refuses a bad body (400) or an unknown member (404), granting nothing', async () => {
  const before = await moments('m_grace');
  const points = (await member('m_grace')).points;
  for (const body of [
    'not json', {},
    { memberId: 'm_grace', points: 5 },
    { memberId: 'm_grace', points: 0, message: 'M' },
    { memberId: 'm_grace', points: 1_000_001, message: 'M' },
    { memberId: 'm_grace', points: 2.5, message: 'M' },
    { memberId: 'm_grace', points: 5, message: '' },
    { memberId: 'm_grace', points: 5, message: 'm'.repeat(121) },
    { memberId: 'm_grace', points: 5, message: 'M', id: 'sg_99' },
  ]) {
    const problem = await expectProblem(await grantSurprise(body), 400, 'invalid-request');
    assert.match(problem.detail, /^The body must be \{"memberId"/);
  }
  const unknown = await expectProblem(
    await grantSurprise({ memberId: 'm_nobody', points: 5, message: 'M' }), 404, 'unknown-member');
  assert.match(unknown.detail, /m_nobody/);
  assert.deepEqual(await moments('m_grace'), before);
  assert.equal((await member('m_grace')).points, points);
});

test('GET /v1/moments needs a member token; other methods are 405', async () => {
  const anonymous = await fetch(new URL('v1/moments', server.url));
  await expectProblem(anonymous, 401, 'invalid-token');
  assert.match(anonymous.headers.get('www-authenticate'), /^Bearer /);
  await expectProblem(await fetch(new URL('v1/moments', server.url),
    { headers: { Authorization: 'Bearer v1.bm9ib2R5.1.AAAA' } }), 401, 'invalid-token');

  const post = await fetch(new URL('v1/moments', server.url), {
    method: 'POST',
    headers: { Authorization: `Bearer ${await tokenFor('m_ada')}`, 'Content-Type': 'application/json' },
    body: '{}',
  });
  await expectProblem(post, 405, 'method-not-allowed');
  assert.equal(post.headers.get('allow'), 'GET, OPTIONS');
  const getGrant = await fetch(new URL('demo/surprises', server.url));
  await expectProblem(getGrant, 405, 'method-not-allowed');
  assert.equal(getGrant.headers.get('allow'), 'POST, OPTIONS');
});
