// The reference backend under load, reconciled to the point. Hundreds of
// concurrent writes on loopback (redemptions, limited-stock ones included;
// plays of every seeded game; events), about one in ten sent twice at once
// with the same Idempotency-Key, across all four seeded members. Afterwards,
// for every member:
//   balance (GET /v1/member) = starting balance + the ledger's new entries
//   (paged through GET /v1/activity) = starting balance + what the
//   successful answers reported,
// every duplicated key applied once, no stock below zero and exactly as many
// redemptions of a limited reward as its stock allowed, and no 5xx. Then the
// write limit: a burst over a low --write-limit gets 429s with Retry-After
// that applied nothing, a replay during the limit still gets its stored
// answer, and waiting out Retry-After is enough. Needs the native build;
// run with
//   node --test tests/js/backend_load.test.mjs

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { startServer } from './start_server.mjs';
import { memberToken, getMemberJson } from './member_tokens.mjs';

const SECRET = 'backend-load-test-secret';
const MEMBERS = ['m_grace', 'm_ada', 'm_katherine', 'm_alan'];
const TRAIL_MAP = 'rw_trail_map_print';  // 150 points, 2 in stock: contested
const SOLD_OUT = 'rw_liner_gloves';      // 0 in stock

let tmp;
const servers = [];

async function startBackend(name, extraArgs) {
  const server = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, `${name}.sqlite3`), '--seed', 'demo/seed',
      '--token-secret', SECRET, ...extraArgs],
  });
  servers.push(server);
  return server;
}

// --- HTTP -------------------------------------------------------------------

const getJson = (server, memberId, pathAndQuery) => getMemberJson(server.url, memberId, pathAndQuery);

// Sends one write and reads its answer whole. `write`: {member, path, body, key}.
async function send(server, write) {
  const response = await fetch(new URL(write.path, server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await memberToken(server.url, write.member)}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': write.key,
    },
    body: JSON.stringify(write.body),
  });
  const text = await response.text();
  return {
    write,
    status: response.status,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    retryAfter: response.headers.get('retry-after'),
    contentType: response.headers.get('content-type'),
    text,
    json: JSON.parse(text),
  };
}

const slugOf = (answer) => answer.json.type?.replace('urn:kindred:problem:', '');

// Every reward, through the cursors.
async function catalog(server) {
  const items = [];
  let cursor = null;
  do {
    const page = await getJson(server, 'm_alan',
      `v1/rewards?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return new Map(items.map((reward) => [reward.id, reward]));
}

// The member's ledger entries newer than `afterId`, paged 25 at a time.
async function ledgerSince(server, memberId, afterId) {
  const entries = [];
  let cursor = null;
  for (;;) {
    const page = await getJson(server, memberId,
      `v1/activity?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
    const newer = page.items.filter((entry) => entry.id > afterId);
    entries.push(...newer);
    if (newer.length < page.items.length || page.nextCursor === null) return entries;
    cursor = page.nextCursor;
  }
}

const newestLedgerId = async (server, memberId) =>
  (await getJson(server, memberId, 'v1/activity?limit=1')).items[0]?.id ?? 0;

// --- The workload ------------------------------------------------------------

function shuffled(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

const redemption = (member, rewardId) =>
  ({ kind: 'redemption', member, path: 'v1/redemptions', body: { rewardId }, key: randomUUID() });
const play = (member, gameId, body) =>
  ({ kind: 'play', member, gameId, path: `v1/games/${gameId}/plays`, body, key: randomUUID() });
const event = (member, body) =>
  ({ kind: 'event', member, path: 'v1/events', body, key: randomUUID() });
const newClientSeed = () => randomBytes(16).toString('hex');

// Cheap rewards with no stock limit and no tier lock or early access.
const cheapRewards = (rewards) => [...rewards.values()]
  .filter((r) => r.stock === null && !r.tierRequired && !r.earlyAccess && r.cost <= 150);

async function buildWorkload(server, rewards) {
  const cheap = cheapRewards(rewards);
  const pick = (list, i) => list[i % list.length].id;
  const writes = [];
  // Alan's attempts can never spend more than 300 + 4400 + 1500 + 1500 + 20
  // of his 8015 points, so every one of his trail map attempts finds him
  // able to pay: the map must sell out, whoever gets it.
  for (let i = 0; i < 20; i += 1) writes.push(redemption('m_alan', TRAIL_MAP));
  for (let i = 0; i < 10; i += 1) writes.push(redemption('m_katherine', TRAIL_MAP));
  for (let i = 0; i < 10; i += 1) writes.push(redemption('m_ada', TRAIL_MAP));
  for (let i = 0; i < 5; i += 1) writes.push(redemption('m_katherine', SOLD_OUT));
  for (let i = 0; i < 5; i += 1) writes.push(redemption('m_grace', SOLD_OUT));
  writes.push(redemption('m_alan', 'rw_featherlight_stove'), redemption('m_alan', 'rw_featherlight_stove'),
    redemption('m_alan', 'rw_sunrise_hike'), redemption('m_katherine', 'rw_merino_base_layer'));
  for (let i = 0; i < 10; i += 1) writes.push(redemption('m_alan', pick(cheap, i)));
  for (const member of ['m_grace', 'm_ada', 'm_katherine']) {
    for (let i = 0; i < 25; i += 1) writes.push(redemption(member, pick(cheap, i)));
  }

  for (const member of MEMBERS) {
    const games = new Map((await getJson(server, member, 'v1/games')).games.map((g) => [g.id, g]));
    const chance = (gameId) => ({ clientSeed: newClientSeed(), commitment: games.get(gameId).commitment });
    for (let i = 0; i < 6; i += 1) writes.push(play(member, 'spin-wheel', chance('spin-wheel')));
    for (let i = 0; i < 4; i += 1) writes.push(play(member, 'scratch-card', chance('scratch-card')));
    for (let i = 0; i < 3; i += 1) writes.push(play(member, 'memory-match', chance('memory-match')));
    for (let i = 0; i < 3; i += 1) {
      writes.push(play(member, 'daily-quiz', { answers: [i, i % 3, 2 - i, -1] }));
    }
    for (let i = 0; i < 3; i += 1) writes.push(play(member, 'daily-check-in', {}));

    for (let i = 0; i < 10; i += 1) {
      writes.push(
        event(member, { type: 'walk-day', value: 1000 * (i + 1) }),
        event(member, { type: 'review-written', subject: pick(cheap, i) }),
        event(member, { type: 'moment-acknowledged', subject: `mo_${i}` }),
        event(member, { type: 'moment-dismissed', subject: `mo_${i + 10}` }),
        event(member, { type: 'preview-rated', subject: `preview-${i}`, value: 1 + (i % 5) }),
      );
    }
    writes.push(event(member, { type: 'purchase-made' }), event(member, { type: 'not-a-type' }));
  }
  return writes;
}

// What a first-run 201 did to the member's balance.
function pointsDelta(answer) {
  if (answer.write.kind === 'redemption') return -answer.json.redemption.pointsSpent;
  if (answer.write.kind === 'play') return answer.json.play.pointsWon - answer.json.play.pointsSpent;
  return 0;
}

// What each kind may answer under load, and never a 5xx.
const ALLOWED = {
  redemption: new Map([[201, null], [409, ['out-of-stock', 'idempotency-key-in-use']],
    [422, ['insufficient-points']]]),
  play: new Map([[201, null], [409, ['commitment-stale', 'no-plays-left', 'already-checked-in',
    'idempotency-key-in-use']], [422, ['insufficient-points']]]),
  // preview-<i> names no preview: the rating is refused, as a rating of one
  // the member is not shown must be.
  event: new Map([[201, null], [409, ['idempotency-key-in-use']],
    [422, ['unknown-event-type', 'unknown-preview']]]),
};

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-load-'));
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('hundreds of concurrent writes reconcile exactly', { timeout: 180_000 }, async () => {
  const server = await startBackend('load', ['--write-limit', '0']);
  const rewardsBefore = await catalog(server);
  const start = new Map();
  for (const member of MEMBERS) {
    start.set(member, {
      member: await getJson(server, member, 'v1/member'),
      lastLedgerId: await newestLedgerId(server, member),
    });
  }

  const writes = shuffled(await buildWorkload(server, rewardsBefore));
  // About one in ten goes out twice at the same moment, with the same key
  // and body: the copy is sent right after the original, both in flight at once.
  const duplicated = writes.filter((_, i) => i % 10 === 3);
  const requests = writes.flatMap((write) => (duplicated.includes(write) ? [write, write] : [write]));
  assert.ok(requests.length >= 400, `${requests.length} requests`);
  const answers = await Promise.all(requests.map((write) => send(server, write)));

  // No 5xx, and nothing but the answers each kind may give, as problem+json.
  const serverErrors = answers.filter((a) => a.status >= 500);
  assert.deepEqual(serverErrors.map((a) => `${a.write.path} ${a.status} ${a.text}`), []);
  for (const answer of answers) {
    const allowed = ALLOWED[answer.write.kind];
    assert.ok(allowed.has(answer.status), `${answer.write.path} ${answer.status} ${answer.text}`);
    if (answer.status !== 201) {
      assert.match(answer.contentType, /^application\/problem\+json/);
      assert.ok(allowed.get(answer.status).includes(slugOf(answer)), answer.text);
    }
    if (slugOf(answer) === 'idempotency-key-in-use') assert.equal(answer.retryAfter, '1');
  }

  // Per key: at most one answer that did the work; the others are that
  // answer replayed byte for byte, or told the key was still in use.
  const byKey = new Map();
  for (const answer of answers) {
    const key = `${answer.write.member} ${answer.write.key}`;
    byKey.set(key, [...(byKey.get(key) ?? []), answer]);
  }
  const applied = [];  // the one 201 that did the work, per key
  for (const [key, keyed] of byKey) {
    const firstRuns = keyed.filter((a) => !a.replayed && slugOf(a) !== 'idempotency-key-in-use');
    const created = firstRuns.filter((a) => a.status === 201);
    assert.ok(created.length <= 1, `${key} applied ${created.length} times`);
    for (const replay of keyed.filter((a) => a.replayed)) {
      assert.ok(firstRuns.length === 1, key);
      assert.equal(replay.status, firstRuns[0].status, key);
      assert.equal(replay.text, firstRuns[0].text, key);
    }
    if (created.length === 1) applied.push(created[0]);
  }
  // Every duplicated key that did its work gives that same answer once more now.
  for (const write of duplicated) {
    const original = applied.find((a) => a.write === write);
    if (!original) continue;
    const again = await send(server, write);
    assert.equal(again.status, 201);
    assert.ok(again.replayed, write.key);
    assert.equal(again.text, original.text);
  }

  // Balances: GET /v1/member = start + ledger = start + the answers.
  for (const member of MEMBERS) {
    const { member: before, lastLedgerId } = start.get(member);
    const now = await getJson(server, member, 'v1/member');
    const ledger = await ledgerSince(server, member, lastLedgerId);
    const ledgerSum = ledger.reduce((sum, entry) => sum + entry.points, 0);
    const mine = applied.filter((a) => a.write.member === member);
    const answered = mine.reduce((sum, a) => sum + pointsDelta(a), 0);
    assert.equal(now.points, before.points + ledgerSum, `${member}: balance vs ledger`);
    assert.equal(now.points, before.points + answered, `${member}: balance vs answers`);
    assert.ok(now.points >= 0);
    const won = mine.filter((a) => a.write.kind === 'play')
      .reduce((sum, a) => sum + a.json.play.pointsWon, 0);
    assert.equal(now.lifetimePoints, before.lifetimePoints + won, `${member}: lifetime`);
    assert.equal(now.qualifyingPoints, before.qualifyingPoints, 'writes never move tiers');

    // One ledger entry per redemption, naming its reward; one per paid play.
    const redeemed = mine.filter((a) => a.write.kind === 'redemption')
      .map((a) => a.write.body.rewardId).sort();
    const ledgerRedeemed = ledger.filter((e) => e.kind === 'redemption').map((e) => e.rewardId).sort();
    assert.deepEqual(ledgerRedeemed, redeemed, member);
    const paidPlays = mine.filter((a) => a.write.kind === 'play' && a.json.play.pointsSpent > 0);
    assert.equal(ledger.filter((e) => e.kind === 'game_play').length, paidPlays.length, member);

    // One wave of plays with one commitment: exactly one play of each game
    // that costs nothing (the scratch card needs 20 points left).
    for (const gameId of ['spin-wheel', 'memory-match', 'daily-quiz', 'daily-check-in']) {
      assert.equal(mine.filter((a) => a.write.gameId === gameId).length, 1, `${member} ${gameId}`);
    }
    assert.ok(mine.filter((a) => a.write.gameId === 'scratch-card').length <= 1);
  }

  // Stock: never below zero, taken once per redemption, limited rewards sold out exactly.
  const rewardsAfter = await catalog(server);
  const redemptions = applied.filter((a) => a.write.kind === 'redemption');
  for (const [id, reward] of rewardsBefore) {
    const after = rewardsAfter.get(id);
    const taken = redemptions.filter((a) => a.write.body.rewardId === id).length;
    if (reward.stock === null) {
      assert.equal(after.stock, null, id);
      continue;
    }
    assert.ok(after.stock >= 0, id);
    assert.equal(reward.stock - after.stock, taken, id);
  }
  assert.equal(rewardsAfter.get(TRAIL_MAP).stock, 0);
  assert.equal(redemptions.filter((a) => a.write.body.rewardId === TRAIL_MAP).length,
    rewardsBefore.get(TRAIL_MAP).stock);
  assert.equal(redemptions.filter((a) => a.write.body.rewardId === SOLD_OUT).length, 0);

  // The mix did happen: every kind of outcome, and events recorded.
  const statuses = new Set(answers.map((a) => `${a.write.kind} ${a.status}`));
  for (const expected of ['redemption 201', 'redemption 409', 'redemption 422', 'play 201',
    'play 409', 'event 201', 'event 422']) {
    assert.ok(statuses.has(expected), expected);
  }
  // Of each member's 50 events, the 10 ratings name no preview and are refused.
  assert.equal(applied.filter((a) => a.write.kind === 'event').length, 4 * 40);
});

test('a burst over a low --write-limit is refused with 429s that apply nothing', { timeout: 60_000 }, async () => {
  const LIMIT = 30;  // a token every 2 s per route and member
  const server = await startBackend('limited', ['--write-limit', String(LIMIT)]);
  const before = await getJson(server, 'm_alan', 'v1/member');
  const lastLedgerId = await newestLedgerId(server, 'm_alan');
  const wheel = (await getJson(server, 'm_alan', 'v1/games')).games.find((g) => g.id === 'spin-wheel');

  const writes = [
    ...Array.from({ length: 45 }, () => redemption('m_alan', 'rw_pinata_trail_mix')),
    ...Array.from({ length: 45 }, (_, i) => event('m_alan', { type: 'walk-day', value: i })),
    ...Array.from({ length: 40 }, () =>
      play('m_alan', 'spin-wheel', { clientSeed: newClientSeed(), commitment: wheel.commitment })),
  ];
  const answers = await Promise.all(shuffled(writes).map((write) => send(server, write)));
  assert.deepEqual(answers.filter((a) => a.status >= 500).map((a) => a.text), []);

  // Each route has its own allowance: each admitted at least its burst and refused the rest.
  const refused = answers.filter((a) => a.status === 429);
  for (const kind of ['redemption', 'event', 'play']) {
    const ofKind = answers.filter((a) => a.write.kind === kind);
    const limited = ofKind.filter((a) => a.status === 429).length;
    assert.ok(ofKind.length - limited >= LIMIT, `${kind}: ${ofKind.length - limited} admitted`);
    assert.ok(limited >= 1, `${kind}: none refused`);
  }
  for (const answer of refused) {
    assert.match(answer.contentType, /^application\/problem\+json/);
    assert.equal(slugOf(answer), 'rate-limited');
    assert.match(answer.json.detail, /send it again in \d+ seconds?, with the same Idempotency-Key/);
    // Whole seconds, and never more than one token's worth of time away.
    assert.match(answer.retryAfter, /^[1-9]\d*$/);
    assert.ok(Number(answer.retryAfter) <= Math.ceil(60 / LIMIT), answer.retryAfter);
  }
  const spins = answers.filter((a) => a.write.kind === 'play' && a.status !== 429);
  assert.equal(spins.filter((a) => a.status === 201).length, 1);
  for (const spin of spins.filter((a) => a.status !== 201)) {
    assert.equal(slugOf(spin), 'commitment-stale');
  }

  // During the limit, an answered key is still answered, from its record.
  const answered = answers.find((a) => a.write.kind === 'redemption' && a.status === 201);
  const answeredEvent = answers.find((a) => a.write.kind === 'event' && a.status === 201);
  for (let i = 0; i < 5; i += 1) {
    for (const original of [answered, answeredEvent]) {
      const replay = await send(server, original.write);
      assert.equal(replay.status, 201);
      assert.ok(replay.replayed);
      assert.equal(replay.text, original.text);
    }
  }
  // A refused key left no record: with another body it is not told the key
  // was used for a different request (it is refused again, or, should a
  // token have come back meanwhile, redeems).
  const [refusedOnce, refusedRedemption] = refused.filter((a) => a.write.kind === 'redemption');
  assert.ok(refusedRedemption, 'two redemptions refused');
  const otherBody = await send(server,
    { ...refusedOnce.write, body: { rewardId: 'rw_gift_wrapping' } });
  assert.ok([429, 201].includes(otherBody.status), otherBody.text);

  // Waiting out Retry-After is enough: a refused request then goes through, once.
  const retry = await send(server, refusedRedemption.write);
  const wait = retry.status === 429 ? Number(retry.retryAfter) : 0;
  await new Promise((resolve) => { setTimeout(resolve, wait * 1000); });
  const admitted = retry.status === 429 ? await send(server, refusedRedemption.write) : retry;
  assert.equal(admitted.status, 201, admitted.text);
  assert.ok(!admitted.replayed);
  const replayed = await send(server, refusedRedemption.write);
  assert.ok(replayed.replayed);
  assert.equal(replayed.text, admitted.text);

  // Reconcile: only the admitted writes moved points.
  const redeemed = [...answers, otherBody, admitted]
    .filter((a) => a.write.kind === 'redemption' && a.status === 201 && !a.replayed);
  const won = spins.filter((a) => a.status === 201).reduce((sum, a) => sum + a.json.play.pointsWon, 0);
  const spent = redeemed.reduce((sum, a) => sum + a.json.redemption.pointsSpent, 0);
  const now = await getJson(server, 'm_alan', 'v1/member');
  const ledger = await ledgerSince(server, 'm_alan', lastLedgerId);
  assert.equal(now.points, before.points - spent + won);
  assert.equal(now.points, before.points + ledger.reduce((sum, e) => sum + e.points, 0));
  assert.equal(ledger.filter((e) => e.kind === 'redemption').length, redeemed.length);

  // Another member's allowance is untouched by Alan's burst.
  const grace = await send(server, event('m_grace', { type: 'walk-day' }));
  assert.equal(grace.status, 201);
});
