// The reference backend's rewards API over HTTP: the paginated catalog, the
// member's activity, and redemptions with their business rules and
// Idempotency-Key semantics, including under concurrent requests. Needs the
// native build (cmake --build build/native); run from anywhere with
//   node --test tests/js/backend_rewards.test.mjs
//
// Tests run in order on one seeded database and spend points as they go, so
// each works out the numbers it needs from the API rather than assuming them.

import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startServer } from './start_server.mjs';
import { memberToken } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-rewards-test-secret';
const CODE = /^AUR-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const REWARD_KEYS = ['id', 'name', 'description', 'cost', 'category', 'imageUrl', 'stock',
  'popularity', 'createdAt', 'tierRequired', 'earlyAccess'];

let tmp;
let server;
let seedRewards;  // demo/seed/rewards.json's rewards, in catalog order
let tierIds;      // the program's tier ids, lowest first
const servers = [];

async function start(args) {
  const started = await startServer({ args });
  servers.push(started);
  return started;
}

const tokenFor = (memberId, baseUrl = server.url) => memberToken(baseUrl, memberId);

async function get(memberId, pathAndQuery, baseUrl = server.url) {
  return fetch(new URL(pathAndQuery, baseUrl), {
    headers: { Authorization: `Bearer ${await tokenFor(memberId, baseUrl)}` },
  });
}

async function getJson(memberId, pathAndQuery, baseUrl = server.url) {
  const response = await get(memberId, pathAndQuery, baseUrl);
  assert.equal(response.status, 200, pathAndQuery);
  return response.json();
}

// POST /v1/redemptions. `key: null` sends no Idempotency-Key; `body` overrides the JSON.
async function redeem(memberId, rewardId, { key = randomUUID(), body } = {}) {
  const headers = {
    Authorization: `Bearer ${await tokenFor(memberId)}`,
    'Content-Type': 'application/json',
  };
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(new URL('v1/redemptions', server.url), {
    method: 'POST', headers, body: body ?? JSON.stringify({ rewardId }),
  });
}

const member = (memberId) => getJson(memberId, 'v1/member');
const activity = async (memberId) => (await getJson(memberId, 'v1/activity?limit=500')).items;

// Every reward, through the cursors.
async function catalog(memberId = 'm_grace', limit = 500, baseUrl = server.url) {
  const items = [];
  let cursor = null;
  do {
    const query = `v1/rewards?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const page = await getJson(memberId, query, baseUrl);
    assert.ok(page.items.length <= limit);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}

const today = () => new Date().toISOString().slice(0, 10);
const rank = (tierId) => tierIds.indexOf(tierId);

// Whether the member's tier may redeem the reward today (GET /v1/rewards
// reports the rules; POST /v1/redemptions applies them).
function tierAllows(memberTierId, reward) {
  if (reward.tierRequired && rank(reward.tierRequired) > rank(memberTierId)) return false;
  const early = reward.earlyAccess;
  return !(early && today() <= early.until && rank(early.tierId) > rank(memberTierId));
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-rewards-'));
  server = await start(['--port', '0', '--db', path.join(tmp, 'demo.sqlite3'),
    '--seed', 'demo/seed', '--token-secret', SECRET]);
  const seedFile = await fs.readFile(path.join(repoRoot, 'demo/seed/rewards.json'), 'utf8');
  seedRewards = JSON.parse(seedFile).rewards;
  tierIds = (await getJson('m_grace', 'v1/program')).tiers.map((tier) => tier.id);
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('paging through the catalog returns every reward exactly once, in catalog order', async () => {
  const paged = await catalog('m_grace', 7);
  assert.deepEqual(paged.map((reward) => reward.id), seedRewards.map((reward) => reward.id));
  assert.equal(new Set(paged.map((reward) => reward.id)).size, seedRewards.length);
  for (const reward of paged) {
    assert.deepEqual(Object.keys(reward), REWARD_KEYS);
    assert.match(reward.createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(reward.stock === null || Number.isInteger(reward.stock));
  }
  const vest = paged.find((reward) => reward.earlyAccess !== null);
  assert.deepEqual(Object.keys(vest.earlyAccess), ['tierId', 'until']);
  assert.match(vest.earlyAccess.until, /^\d{4}-\d\d-\d\d$/);

  // Defaults: 50 a page. The largest page holds the whole catalog.
  const first = await getJson('m_grace', 'v1/rewards');
  assert.equal(first.items.length, 50);
  assert.equal(typeof first.nextCursor, 'string');
  const whole = await getJson('m_grace', 'v1/rewards?limit=500');
  assert.equal(whole.items.length, seedRewards.length);
  assert.equal(whole.nextCursor, null);
  // A page that ends exactly at the last reward says so, with no empty page after it.
  const exact = await getJson('m_grace', `v1/rewards?limit=${seedRewards.length}`);
  assert.equal(exact.nextCursor, null);
  // An empty cursor is the first page.
  assert.deepEqual(await getJson('m_grace', 'v1/rewards?cursor=&limit=50'), first);
});

test('bad limits and cursors are 400 problems', async () => {
  for (const limit of ['0', '501', 'abc', '1.5', '-1', '10x', '1e2', ' 5']) {
    for (const list of ['rewards', 'activity']) {
      const response = await get('m_ada', `v1/${list}?limit=${encodeURIComponent(limit)}`);
      await expectProblem(response, 400, 'invalid-limit');
    }
  }
  const activityCursor = (await getJson('m_ada', 'v1/activity?limit=1')).nextCursor;
  const rewardsCursor = (await getJson('m_ada', 'v1/rewards?limit=1')).nextCursor;
  const garbage = ['garbage!', `${rewardsCursor}=`, 'x', Buffer.from('rewards:-1').toString('base64url'),
    Buffer.from('rewards:01').toString('base64url')];
  for (const cursor of [...garbage, activityCursor]) {
    const response = await get('m_ada', `v1/rewards?cursor=${encodeURIComponent(cursor)}`);
    await expectProblem(response, 400, 'invalid-cursor');
  }
  await expectProblem(await get('m_ada', `v1/activity?cursor=${rewardsCursor}`), 400,
    'invalid-cursor');
  await expectProblem(await get('m_ada', 'v1/rewards?limit=5&limit=6'), 400, 'invalid-query');
});

test('the rewards routes need a member token', async () => {
  for (const route of ['v1/rewards', 'v1/activity']) {
    await expectProblem(await fetch(new URL(route, server.url)), 401, 'invalid-token');
  }
  const post = await fetch(new URL('v1/redemptions', server.url), {
    method: 'POST', headers: { 'Idempotency-Key': randomUUID() }, body: '{"rewardId":"x"}',
  });
  await expectProblem(post, 401, 'invalid-token');
  assert.match(post.headers.get('www-authenticate'), /^Bearer /);
});

test('activity pages newest first through its cursors', async () => {
  const all = await activity('m_ada');
  assert.ok(all.length >= 2);
  for (const entry of all) {
    assert.deepEqual(Object.keys(entry), ['id', 'kind', 'points', 'description', 'createdAt', 'rewardId']);
  }
  const paged = [];
  let cursor = null;
  do {
    const page = await getJson('m_ada', `v1/activity?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
    paged.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  assert.deepEqual(paged, all);
  const ids = all.map((entry) => entry.id);
  assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  assert.ok(all.every((entry, i) => i === 0 || entry.createdAt <= all[i - 1].createdAt));
  // Another member sees only their own.
  const grace = await activity('m_grace');
  assert.ok(grace.every((entry) => !ids.includes(entry.id)));
});

test('a redemption returns its code and the new balance; member and activity agree', async () => {
  const ada = await member('m_ada');
  const reward = (await catalog()).find((r) => r.stock === null && r.cost <= ada.points
    && tierAllows(ada.tierId, r));
  assert.ok(reward, 'a reward Ada can redeem');

  const response = await redeem('m_ada', reward.id);
  assert.equal(response.status, 201);
  assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.equal(response.headers.get('idempotent-replayed'), null);
  const body = await response.json();
  assert.deepEqual(Object.keys(body), ['redemption', 'member']);
  const { redemption } = body;
  assert.deepEqual(Object.keys(redemption),
    ['id', 'rewardId', 'rewardName', 'code', 'status', 'pointsSpent', 'createdAt']);
  assert.match(redemption.id, /^rdm_[0-9a-z]{20}$/);
  assert.equal(redemption.rewardId, reward.id);
  assert.equal(redemption.rewardName, reward.name);
  assert.match(redemption.code, CODE);
  assert.equal(redemption.status, 'issued');
  assert.equal(redemption.pointsSpent, reward.cost);
  assert.ok(Math.abs(Date.parse(redemption.createdAt) - Date.now()) < 60_000);
  assert.equal(body.member.points, ada.points - reward.cost);

  assert.deepEqual(await member('m_ada'), body.member);
  const [latest] = await activity('m_ada');
  assert.equal(latest.kind, 'redemption');
  assert.equal(latest.points, -reward.cost);
  assert.equal(latest.description, `Redeemed: ${reward.name}`);
  assert.equal(latest.createdAt, redemption.createdAt);
});

test('a stock-2 reward redeemed concurrently by two members never goes below zero', async () => {
  const rewards = await catalog();
  const reward = rewards.find((r) => r.stock === 2 && !r.tierRequired && !r.earlyAccess);
  assert.ok(reward, 'the seed has an unrestricted reward with 2 in stock');
  const attemptsEach = 3;
  const standing = await Promise.all(['m_grace', 'm_ada', 'm_katherine', 'm_alan'].map(member));
  const pair = standing.filter((m) => m.points >= attemptsEach * reward.cost).slice(0, 2);
  assert.equal(pair.length, 2, 'two members can afford every attempt');

  const responses = await Promise.all(pair.flatMap((m) =>
    Array.from({ length: attemptsEach }, () => redeem(m.id, reward.id))));
  const statuses = responses.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 201, 409, 409, 409, 409]);
  for (const response of responses.filter((r) => r.status === 409)) {
    await expectProblem(response, 409, 'out-of-stock');
  }
  const after = (await catalog()).find((r) => r.id === reward.id);
  assert.equal(after.stock, 0);
  const spent = (await Promise.all(pair.map(async (m) => m.points - (await member(m.id)).points)))
    .reduce((a, b) => a + b, 0);
  assert.equal(spent, 2 * reward.cost);
});

test('20 concurrent redemptions with a balance for exactly 3: 3 succeed, 17 are refused', async () => {
  let alan = await member('m_alan');
  const unlimited = (await catalog('m_alan'))
    .filter((r) => r.stock === null && tierAllows(alan.tierId, r))
    .sort((a, b) => a.cost - b.cost);
  const target = unlimited[0];
  assert.ok(target.cost > 0);
  // Spend down to a balance in [3, 4) times the target's cost, largest rewards first.
  while (alan.points >= 4 * target.cost) {
    const spare = alan.points - 3 * target.cost;
    const spend = unlimited.filter((r) => r.cost <= spare).at(-1);
    const response = await redeem('m_alan', spend.id);
    assert.equal(response.status, 201);
    alan = (await response.json()).member;
  }
  assert.ok(alan.points >= 3 * target.cost && alan.points < 4 * target.cost, `${alan.points}`);
  const entriesBefore = (await activity('m_alan')).length;

  const responses = await Promise.all(
    Array.from({ length: 20 }, () => redeem('m_alan', target.id)));
  const created = responses.filter((r) => r.status === 201);
  const refused = responses.filter((r) => r.status === 422);
  assert.equal(created.length, 3, responses.map((r) => r.status).join());
  assert.equal(refused.length, 17);
  for (const response of refused) {
    const problem = await expectProblem(response, 422, 'insufficient-points');
    assert.match(problem.detail, /^You need \d+ more points? for this reward\.$/);
  }
  const codes = await Promise.all(created.map(async (r) => (await r.json()).redemption.code));
  assert.equal(new Set(codes).size, 3);

  const final = await member('m_alan');
  assert.equal(final.points, alan.points - 3 * target.cost);
  const entries = await activity('m_alan');
  assert.equal(entries.length, entriesBefore + 3);
  assert.ok(entries.slice(0, 3).every((e) => e.kind === 'redemption' && e.points === -target.cost));
});

test('one Idempotency-Key sent 10 times at once debits exactly once', async () => {
  const katherine = await member('m_katherine');
  const reward = (await catalog()).find((r) => r.stock === null && r.cost <= katherine.points
    && tierAllows(katherine.tierId, r));
  const entriesBefore = (await activity('m_katherine')).length;
  const key = randomUUID();

  const responses = await Promise.all(
    Array.from({ length: 10 }, () => redeem('m_katherine', reward.id, { key })));
  const bodies = [];
  let firstRuns = 0;
  for (const response of responses) {
    if (response.status === 409) {
      await expectProblem(response, 409, 'idempotency-key-in-use');
      assert.equal(response.headers.get('retry-after'), '1');
      continue;
    }
    assert.equal(response.status, 201);
    if (response.headers.get('idempotent-replayed') !== 'true') firstRuns += 1;
    bodies.push(await response.text());
  }
  assert.equal(firstRuns, 1);
  assert.ok(bodies.every((body) => body === bodies[0]), 'replays repeat the stored body');

  const after = await member('m_katherine');
  assert.equal(after.points, katherine.points - reward.cost);
  assert.equal((await activity('m_katherine')).length, entriesBefore + 1);

  // Once it has settled, a retry gets the stored response back verbatim.
  const retry = await redeem('m_katherine', reward.id, { key });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.equal(await retry.text(), bodies[0]);
  assert.equal((await member('m_katherine')).points, after.points);

  // The same key for another reward is refused, and spends nothing.
  const other = (await catalog()).find((r) => r.id !== reward.id && r.stock === null);
  const reused = await redeem('m_katherine', other.id, { key });
  await expectProblem(reused, 409, 'idempotency-key-reused');
  assert.equal(reused.headers.get('idempotent-replayed'), null);
  assert.equal((await member('m_katherine')).points, after.points);
});

test('out of stock and tier-locked rewards are problems that debit nothing', async () => {
  const rewards = await catalog();
  const katherine = await member('m_katherine');
  const soldOut = rewards.find((r) => r.stock === 0 && tierAllows(katherine.tierId, r));
  const soldOutProblem = await expectProblem(await redeem('m_katherine', soldOut.id), 409,
    'out-of-stock');
  assert.equal(soldOutProblem.detail, `${soldOut.name} is out of stock.`);

  const grace = await member('m_grace');
  const program = await getJson('m_grace', 'v1/program');
  const locked = rewards.find((r) => r.tierRequired && rank(r.tierRequired) > rank(grace.tierId));
  const lockedTier = program.tiers.find((tier) => tier.id === locked.tierRequired);
  const key = randomUUID();
  const tierProblem = await expectProblem(await redeem('m_grace', locked.id, { key }), 403,
    'tier-required');
  assert.match(tierProblem.detail, new RegExp(`^This reward is for ${lockedTier.name} members`));
  // A refusal is the key's result too: the retry replays it.
  const replay = await redeem('m_grace', locked.id, { key });
  assert.equal(replay.status, 403);
  assert.equal(replay.headers.get('idempotent-replayed'), 'true');

  const early = rewards.find((r) => r.earlyAccess && today() <= r.earlyAccess.until
    && !r.tierRequired && rank(r.earlyAccess.tierId) > rank(grace.tierId));
  const earlyProblem = await expectProblem(await redeem('m_grace', early.id), 403,
    'tier-required');
  assert.match(earlyProblem.detail, /early access/);

  assert.equal((await member('m_katherine')).points, katherine.points);
  assert.deepEqual(await member('m_grace'), grace);
  assert.equal((await catalog()).find((r) => r.id === soldOut.id).stock, 0);
});

test('a missing or invalid Idempotency-Key is a 400; validation failures free the key', async () => {
  const grace = await member('m_grace');
  const reward = (await catalog()).find((r) => r.stock === null && r.cost <= grace.points
    && tierAllows(grace.tierId, r));
  for (const key of [null, 'two words', 'k'.repeat(256)]) {
    const problem = await expectProblem(await redeem('m_grace', reward.id, { key }), 400,
      'invalid-idempotency-key');
    assert.match(problem.detail, /Idempotency-Key/);
  }
  assert.equal((await member('m_grace')).points, grace.points);

  // Neither a bad body nor an unknown reward uses up the key.
  const key = randomUUID();
  await expectProblem(await redeem('m_grace', null, { key, body: 'not json' }), 400,
    'invalid-request');
  await expectProblem(await redeem('m_grace', 'rw_no_such_reward', { key }), 404,
    'unknown-reward');
  const fixed = await redeem('m_grace', reward.id, { key });
  assert.equal(fixed.status, 201);
  assert.equal(fixed.headers.get('idempotent-replayed'), null);
  assert.equal((await member('m_grace')).points, grace.points - reward.cost);
});

test('CORS lets a widget send Idempotency-Key and read the replay and retry headers', async () => {
  const preflight = await fetch(new URL('v1/redemptions', server.url), {
    method: 'OPTIONS',
    headers: {
      Origin: 'https://shop.example',
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization, content-type, idempotency-key',
    },
  });
  assert.equal(preflight.status, 204);
  assert.match(preflight.headers.get('access-control-allow-headers'), /Idempotency-Key/);
  const exposed = preflight.headers.get('access-control-expose-headers').split(/,\s*/);
  assert.ok(exposed.includes('Idempotent-Replayed') && exposed.includes('Retry-After'),
    exposed.join());
});

test('wrong methods on the rewards routes are 405 problems', async () => {
  const getRedemptions = await get('m_ada', 'v1/redemptions');
  await expectProblem(getRedemptions, 405, 'method-not-allowed');
  assert.equal(getRedemptions.headers.get('allow'), 'POST, OPTIONS');
  const postRewards = await fetch(new URL('v1/rewards', server.url), { method: 'POST' });
  await expectProblem(postRewards, 405, 'method-not-allowed');
  assert.equal(postRewards.headers.get('allow'), 'GET, OPTIONS');
});

test('--synthetic-rewards adds generated rewards after the seed catalog', async () => {
  const synthetic = await start(['--port', '0', '--db', path.join(tmp, 'synthetic.sqlite3'),
    '--synthetic-rewards', '1000', '--token-secret', SECRET]);
  const rewards = await catalog('m_alan', 500, synthetic.url);
  assert.equal(rewards.length, seedRewards.length + 1000);
  assert.deepEqual(rewards.slice(0, seedRewards.length).map((r) => r.id),
    seedRewards.map((r) => r.id));
  assert.equal(rewards[seedRewards.length].id, 'syn-000001');
  assert.equal(rewards.at(-1).id, 'syn-001000');
  assert.equal(new Set(rewards.slice(seedRewards.length).map((r) => r.category)).size, 6);
  assert.deepEqual(await synthetic.stop(), { code: 0, signal: null });
});

test('activity names the reward of each redemption, and nothing else', async () => {
  const member = 'm_katherine';
  const reward = (await getJson(member, 'v1/rewards?limit=500')).items.find((r) => r.name === 'Free returns on one order');
  assert.equal((await redeem(member, reward.id)).status, 201);
  const { items } = await getJson(member, 'v1/activity');
  assert.equal(items[0].kind, 'redemption');
  assert.equal(items[0].rewardId, reward.id);
  assert.ok(items.filter((e) => e.kind !== 'redemption').every((e) => e.rewardId === null));
});
