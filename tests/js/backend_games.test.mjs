// The reference backend's games API over HTTP: GET /v1/games and
// POST /v1/games/{gameId}/plays on the real binary with the demo seed.
// Every chance play is verified here independently of the C++ core, with
// node:crypto and the draw and table hash written again from the contract's
// words (openapi.yaml, GET /v1/games). Also: daily limits, Idempotency-Key
// replays that credit once, strict bodies, concurrent plays on one
// commitment, the scratch card's cost, the quiz judged server-side and the
// check-in streak bonus. Needs the native build (cmake --build build/native);
// run from anywhere with
//   node --test tests/js/backend_games.test.mjs
// (KINDRED_SERVER_BIN=path/to/kindred-server tests another build).
//
// Tests run in order on one seeded database; each member's plays are spent
// by one test, so the numbers each test needs are worked out from the API.

import assert from 'node:assert/strict';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startServer } from './start_server.mjs';
import { memberToken, getMemberJson } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-games-test-secret';
const GAME_IDS = ['spin-wheel', 'scratch-card', 'memory-match', 'daily-quiz', 'daily-check-in'];
const GAME_KEYS = ['id', 'kind', 'title', 'description', 'cost', 'playsPerDay', 'playsLeft',
  'cooldownSeconds', 'nextPlayAt'];
const CHANCE_KEYS = [...GAME_KEYS, 'prizes', 'prizeTableHash', 'commitment', 'nonce'];
const PLAY_KEYS = ['id', 'gameId', 'kind', 'pointsSpent', 'pointsWon', 'playsLeft', 'createdAt'];
const HEX64 = /^[0-9a-f]{64}$/;

let tmp;
let server;
let seedGames;  // demo/seed/games.json's games, correct quiz options included
const servers = [];

// --- The contract's fairness scheme, independently of kindred_core ---------

const sha256Hex = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

// HMAC-SHA256(key = serverSeed, message = clientSeed ":" nonce), seeds as ASCII text.
const outcomeDigest = (serverSeed, clientSeed, nonce) =>
  createHmac('sha256', Buffer.from(serverSeed, 'utf8'))
    .update(`${clientSeed}:${nonce}`, 'utf8').digest();

// "read the 32-byte digest as eight big-endian 32-bit words; with total the
// sum of the weights, take the first word below floor(2^32 / total) * total
// (or the eighth, if none is), r = word mod total; the prize is the first
// whose cumulative weight exceeds r." Every number stays below 2^53.
function drawIndex(digest, weights) {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const bound = Math.floor(2 ** 32 / total) * total;
  let word = 0;
  for (let i = 0; i < 8; i += 1) {
    word = digest.readUInt32BE(4 * i);
    if (word < bound) break;
  }
  const r = word % total;
  let cumulative = 0;
  for (let i = 0; i < weights.length; i += 1) {
    cumulative += weights[i];
    if (cumulative > r) return i;
  }
  return -1;
}

// "SHA-256 of, for each prize in order, <bytes of id>:<id><bytes of label>:<label><points>,<weight>;"
const prizeTableHash = (prizes) => sha256Hex(prizes.map(({ id, label, points, weight }) =>
  `${Buffer.byteLength(id)}:${id}${Buffer.byteLength(label)}:${label}${points},${weight};`).join(''));

// --- HTTP helpers -----------------------------------------------------------

const tokenFor = (memberId, baseUrl = server.url) => memberToken(baseUrl, memberId);

const getJson = (memberId, pathAndQuery, baseUrl = server.url) => getMemberJson(baseUrl, memberId, pathAndQuery);

const games = async (memberId, baseUrl) => (await getJson(memberId, 'v1/games', baseUrl)).games;
const gameOf = async (memberId, gameId, baseUrl) =>
  (await games(memberId, baseUrl)).find((game) => game.id === gameId);
const member = (memberId, baseUrl) => getJson(memberId, 'v1/member', baseUrl);
const activity = async (memberId, baseUrl) =>
  (await getJson(memberId, 'v1/activity?limit=500', baseUrl)).items;

// POST /v1/games/{gameId}/plays. `key: null` sends no Idempotency-Key;
// `body` is sent as it is when a string, else as JSON.
async function play(memberId, gameId, body, { key = randomUUID(), baseUrl = server.url } = {}) {
  const headers = {
    Authorization: `Bearer ${await tokenFor(memberId, baseUrl)}`,
    'Content-Type': 'application/json',
  };
  if (key !== null) headers['Idempotency-Key'] = key;
  return fetch(new URL(`v1/games/${gameId}/plays`, baseUrl), {
    method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const newClientSeed = () => randomBytes(32).toString('hex');

// The member's day in an IANA zone, by ICU rather than by the backend.
const localDay = (timeZone, date = new Date()) => new Intl.DateTimeFormat('en-CA', {
  timeZone, year: 'numeric', month: '2-digit', day: '2-digit',
}).format(date);
const dayBefore = (day, days = 1) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

// Checks a chance play against what GET /v1/games published before it and
// the client seed sent, recomputing everything; returns the prize.
function verifyChancePlay(listed, clientSeed, play) {
  assert.deepEqual(Object.keys(play),
    [...PLAY_KEYS, 'prizeIndex', 'prize', 'proof', 'nextCommitment']);
  const { proof } = play;
  assert.deepEqual(Object.keys(proof),
    ['serverSeed', 'clientSeed', 'nonce', 'commitment', 'prizeTableHash']);
  assert.match(proof.serverSeed, HEX64);
  assert.equal(sha256Hex(proof.serverSeed), listed.commitment, 'the seed revealed was committed to');
  assert.equal(proof.commitment, listed.commitment);
  assert.equal(proof.clientSeed, clientSeed);
  assert.equal(proof.nonce, listed.nonce);
  assert.equal(proof.prizeTableHash, prizeTableHash(listed.prizes));
  const index = drawIndex(outcomeDigest(proof.serverSeed, clientSeed, proof.nonce),
    listed.prizes.map((prize) => prize.weight));
  assert.equal(play.prizeIndex, index, 'the prize is the one the seeds draw');
  assert.deepEqual(play.prize, listed.prizes[index]);
  assert.equal(play.pointsWon, listed.prizes[index].points);
  assert.equal(play.pointsSpent, listed.cost);
  assert.match(play.nextCommitment, HEX64);
  assert.notEqual(play.nextCommitment, listed.commitment);
  return play.prize;
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-games-'));
  server = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, 'demo.sqlite3'), '--seed', 'demo/seed',
      '--token-secret', SECRET],
  });
  servers.push(server);
  seedGames = JSON.parse(await fs.readFile(path.join(repoRoot, 'demo/seed/games.json'), 'utf8'))
    .games;
});

after(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

test('GET /v1/games lists the five games, each with what its kind needs', async () => {
  const unauthenticated = await fetch(new URL('v1/games', server.url));
  await expectProblem(unauthenticated, 401, 'invalid-token');

  const list = await games('m_ada');
  assert.deepEqual(list.map((game) => game.id), GAME_IDS);
  assert.deepEqual(list.map((game) => game.kind), ['wheel', 'scratch', 'memory', 'quiz', 'checkin']);
  const [wheel, scratch, memory, quiz, checkIn] = list;

  for (const game of [wheel, scratch, memory]) {
    assert.deepEqual(Object.keys(game), game.kind === 'memory' ? [...CHANCE_KEYS, 'pairs']
      : CHANCE_KEYS);
    assert.equal(game.prizeTableHash, prizeTableHash(game.prizes));
    assert.match(game.commitment, HEX64);
    assert.equal(game.nonce, 0);
    assert.equal(game.nextPlayAt, null);
    assert.equal(game.playsLeft, game.playsPerDay);
    for (const prize of game.prizes) {
      assert.deepEqual(Object.keys(prize), ['id', 'label', 'points', 'weight']);
    }
  }
  assert.equal(new Set([wheel.commitment, scratch.commitment, memory.commitment]).size, 3);
  assert.equal((await gameOf('m_ada', 'spin-wheel')).commitment, wheel.commitment, 'stable');
  assert.notEqual((await gameOf('m_grace', 'spin-wheel')).commitment, wheel.commitment);

  assert.equal(wheel.cost, 0);
  assert.equal(wheel.playsPerDay, 3);
  assert.equal(wheel.prizes.length, 8);
  assert.ok(wheel.prizes.some((prize) => prize.label === 'Free shipping' && prize.points === 0));
  assert.equal(scratch.cost, 20);
  assert.equal(scratch.playsPerDay, 2);
  assert.equal(memory.pairs, 6);

  assert.deepEqual(Object.keys(quiz), [...GAME_KEYS, 'pointsPerCorrect', 'questions']);
  assert.equal(quiz.pointsPerCorrect, 10);
  assert.equal(quiz.questions.length, 4);
  for (const question of quiz.questions) {
    assert.deepEqual(Object.keys(question), ['id', 'text', 'options', 'timeLimitSeconds']);
    assert.ok(question.options.length >= 3 && question.options.length <= 4);
  }
  assert.doesNotMatch(JSON.stringify(quiz.questions), /correct/i, 'no answers before answering');

  assert.deepEqual(Object.keys(checkIn),
    [...GAME_KEYS, 'today', 'timeZone', 'checkIns', 'pointsPerCheckIn', 'streakRewards']);
  assert.equal(checkIn.timeZone, 'Europe/London');
  assert.equal(checkIn.today, localDay('Europe/London'));
  assert.deepEqual(checkIn.checkIns, [dayBefore(checkIn.today, 2), dayBefore(checkIn.today)]);
  assert.equal(checkIn.pointsPerCheckIn, 5);
  assert.deepEqual(checkIn.streakRewards, [
    { day: 3, points: 20, label: '3-day streak bonus' },
    { day: 7, points: 100, label: '7-day streak bonus' },
  ]);
  const tokyo = await gameOf('m_katherine', 'daily-check-in');
  assert.equal(tokyo.timeZone, 'Asia/Tokyo');
  assert.equal(tokyo.today, localDay('Asia/Tokyo'));
  assert.deepEqual(tokyo.checkIns, []);
});

test('three spins of the wheel each verify independently; the fourth is refused', async () => {
  const start = await member('m_grace');
  let balance = start.points;
  for (let i = 0; i < 3; i += 1) {
    const listed = await gameOf('m_grace', 'spin-wheel');
    assert.equal(listed.nonce, i);
    assert.equal(listed.playsLeft, 3 - i);
    const clientSeed = newClientSeed();
    const response = await play('m_grace', 'spin-wheel',
      { clientSeed, commitment: listed.commitment });
    assert.equal(response.status, 201);
    assert.equal(response.headers.get('content-type'), 'application/json; charset=utf-8');
    const { play: played, member: after } = await response.json();
    const prize = verifyChancePlay(listed, clientSeed, played);
    assert.match(played.id, /^ply_[2-9a-hj-np-z]{20}$/);
    assert.equal(played.gameId, 'spin-wheel');
    assert.equal(played.playsLeft, 2 - i);
    assert.equal(after.points, balance + prize.points);
    assert.equal(after.qualifyingPoints, start.qualifyingPoints, 'games do not move tiers');
    balance = after.points;
    assert.equal((await gameOf('m_grace', 'spin-wheel')).commitment, played.nextCommitment);
    const [newest] = await activity('m_grace');
    if (prize.points > 0) {
      assert.equal(newest.kind, 'game_prize');
      assert.equal(newest.points, prize.points);
      assert.equal(newest.description, `Spin the wheel: ${prize.label}`);
    }
  }
  const spent = await gameOf('m_grace', 'spin-wheel');
  assert.equal(spent.playsLeft, 0);
  const fourth = await play('m_grace', 'spin-wheel',
    { clientSeed: newClientSeed(), commitment: spent.commitment });
  const problem = await expectProblem(fourth, 409, 'no-plays-left');
  assert.match(problem.detail, /America\/New_York/);
  assert.equal((await member('m_grace')).points, balance);
});

test('a replayed Idempotency-Key gets the same answer and credits once', async () => {
  const before = await member('m_katherine');
  const entriesBefore = (await activity('m_katherine')).length;
  const listed = await gameOf('m_katherine', 'spin-wheel');
  const body = { clientSeed: newClientSeed(), commitment: listed.commitment };
  const key = randomUUID();
  const first = await play('m_katherine', 'spin-wheel', body, { key });
  assert.equal(first.status, 201);
  assert.equal(first.headers.get('idempotent-replayed'), null);
  const firstText = await first.text();
  const prize = verifyChancePlay(listed, body.clientSeed, JSON.parse(firstText).play);

  for (let i = 0; i < 2; i += 1) {
    const again = await play('m_katherine', 'spin-wheel', body, { key });
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await again.text(), firstText);
  }
  assert.equal((await member('m_katherine')).points, before.points + prize.points);
  const entries = await activity('m_katherine');
  assert.equal(entries.length, entriesBefore + (prize.points > 0 ? 1 : 0));
  assert.equal((await gameOf('m_katherine', 'spin-wheel')).playsLeft, 2);
  // The key with another body is refused.
  const reused = await play('m_katherine', 'spin-wheel',
    { clientSeed: newClientSeed(), commitment: listed.commitment }, { key });
  await expectProblem(reused, 409, 'idempotency-key-reused');

  // A check-in credits a known amount: exactly once, however often it is retried.
  const checkInKey = randomUUID();
  const checkedIn = await play('m_katherine', 'daily-check-in', {}, { key: checkInKey });
  assert.equal(checkedIn.status, 201);
  const checkedInText = await checkedIn.text();
  const replayed = await play('m_katherine', 'daily-check-in', {}, { key: checkInKey });
  assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
  assert.equal(await replayed.text(), checkedInText);
  const { play: checkInPlay } = JSON.parse(checkedInText);
  assert.equal(checkInPlay.pointsWon, 5);
  assert.equal(checkInPlay.streak, 1);
  assert.equal(checkInPlay.date, localDay('Asia/Tokyo'));
  assert.equal((await member('m_katherine')).points, before.points + prize.points + 5);
  const checkIns = (await activity('m_katherine')).filter((entry) => entry.kind === 'check_in');
  assert.deepEqual(checkIns.map((entry) => entry.points), [5]);
});

test('a body that tries to pick the prize is refused and changes nothing', async () => {
  const before = await member('m_katherine');
  const listed = await gameOf('m_katherine', 'spin-wheel');
  const entriesBefore = (await activity('m_katherine')).length;
  const key = randomUUID();
  const clientSeed = newClientSeed();
  for (const body of [
    { clientSeed, commitment: listed.commitment, prizeIndex: 6 },
    { clientSeed, commitment: listed.commitment, prize: listed.prizes[6] },
    { clientSeed: clientSeed.toUpperCase(), commitment: listed.commitment },
    { clientSeed: clientSeed.slice(0, 31), commitment: listed.commitment },
    { clientSeed },
    'not json',
  ]) {
    const response = await play('m_katherine', 'spin-wheel', body, { key });
    const problem = await expectProblem(response, 400, 'invalid-request');
    if (body.prizeIndex !== undefined) assert.match(problem.detail, /"prizeIndex" is not a field/);
  }
  assert.deepEqual(await member('m_katherine'), before);
  assert.equal((await activity('m_katherine')).length, entriesBefore);
  assert.deepEqual(await gameOf('m_katherine', 'spin-wheel'), listed);
  // Refusals stored nothing with the key: it still plays, once.
  const valid = await play('m_katherine', 'spin-wheel', { clientSeed, commitment: listed.commitment },
    { key });
  assert.equal(valid.status, 201);
  verifyChancePlay(listed, clientSeed, (await valid.json()).play);

  await expectProblem(await play('m_katherine', 'no-such-game', {}), 404, 'unknown-game');
  await expectProblem(await play('m_katherine', 'daily-quiz', { answers: [0] }), 400,
    'invalid-request');
  await expectProblem(await play('m_katherine', 'daily-check-in', {}, { key: null }), 400,
    'invalid-idempotency-key');
});

test('twenty concurrent plays on one commitment: one plays, the rest are refused, balances add up', async () => {
  const before = await member('m_alan');
  const lastIdBefore = (await activity('m_alan'))[0].id;
  let won = 0;
  // Alan has three spins: each round's winner uses one. The losers of the
  // first two find their commitment used; those of the last, no plays left.
  for (let round = 0; round < 3; round += 1) {
    const listed = await gameOf('m_alan', 'spin-wheel');
    const seeds = Array.from({ length: 20 }, newClientSeed);
    const responses = await Promise.all(seeds.map((clientSeed) =>
      play('m_alan', 'spin-wheel', { clientSeed, commitment: listed.commitment })));
    const statuses = responses.map((response) => response.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, statuses.join());
    assert.equal(statuses.filter((status) => status === 409).length, 19, statuses.join());
    for (const [i, response] of responses.entries()) {
      if (response.status === 201) {
        won += verifyChancePlay(listed, seeds[i], (await response.json()).play).points;
      } else {
        await expectProblem(response, 409, round < 2 ? 'commitment-stale' : 'no-plays-left');
      }
    }
  }
  // All three plays are used: now every request is told so.
  const listed = await gameOf('m_alan', 'spin-wheel');
  const refused = await Promise.all(Array.from({ length: 20 }, () =>
    play('m_alan', 'spin-wheel', { clientSeed: newClientSeed(), commitment: listed.commitment })));
  for (const response of refused) await expectProblem(response, 409, 'no-plays-left');

  const after = await member('m_alan');
  const newEntries = (await activity('m_alan')).filter((entry) => entry.id > lastIdBefore);
  const ledgerSum = newEntries.reduce((sum, entry) => sum + entry.points, 0);
  assert.equal(after.points - before.points, won);
  assert.equal(ledgerSum, won, 'the ledger holds exactly the points credited');
  assert.equal(after.lifetimePoints - before.lifetimePoints, won);
});

test('concurrent retries with one Idempotency-Key play once', async () => {
  const listed = await gameOf('m_katherine', 'scratch-card');
  const body = { clientSeed: newClientSeed(), commitment: listed.commitment };
  const key = randomUUID();
  const before = await member('m_katherine');
  const responses = await Promise.all(Array.from({ length: 10 }, () =>
    play('m_katherine', 'scratch-card', body, { key })));
  const texts = new Set();
  for (const response of responses) {
    if (response.status === 201) {
      texts.add(await response.text());
    } else {
      await expectProblem(response, 409, 'idempotency-key-in-use');
      assert.equal(response.headers.get('retry-after'), '1');
    }
  }
  assert.equal(texts.size, 1, 'every answer is the one play');
  const prize = verifyChancePlay(listed, body.clientSeed, JSON.parse([...texts][0]).play);
  assert.equal((await member('m_katherine')).points, before.points - 20 + prize.points);
  assert.equal((await gameOf('m_katherine', 'scratch-card')).playsLeft, 1);
});

test('the scratch card debits its cost; a memory game verifies too', async () => {
  const before = await member('m_alan');
  const lastIdBefore = (await activity('m_alan'))[0].id;
  const listed = await gameOf('m_alan', 'scratch-card');
  const clientSeed = newClientSeed();
  const response = await play('m_alan', 'scratch-card', { clientSeed, commitment: listed.commitment });
  assert.equal(response.status, 201);
  const { play: played, member: after } = await response.json();
  const prize = verifyChancePlay(listed, clientSeed, played);
  assert.equal(played.pointsSpent, 20);
  assert.equal(after.points, before.points - 20 + prize.points);
  const newEntries = (await activity('m_alan')).filter((entry) => entry.id > lastIdBefore).reverse();
  assert.deepEqual(newEntries.map(({ kind, points, description }) => ({ kind, points, description })), [
    { kind: 'game_play', points: -20, description: 'Played Scratch & win' },
    ...(prize.points > 0 ? [{ kind: 'game_prize', points: prize.points,
      description: `Scratch & win: ${prize.label}` }] : []),
  ]);

  const memory = await gameOf('m_alan', 'memory-match');
  const memorySeed = newClientSeed();
  const memoryPlay = await play('m_alan', 'memory-match',
    { clientSeed: memorySeed, commitment: memory.commitment });
  assert.equal(memoryPlay.status, 201);
  verifyChancePlay(memory, memorySeed, (await memoryPlay.json()).play);
});

test('a scratch card costing more than the balance is refused with 422 and changes nothing', async () => {
  // A second backend, seeded with Grace down to 15 points.
  const seedDir = path.join(tmp, 'low-balance-seed');
  await fs.mkdir(seedDir);
  for (const file of ['program.json', 'rewards.json', 'games.json']) {
    await fs.copyFile(path.join(repoRoot, 'demo/seed', file), path.join(seedDir, file));
  }
  const members = JSON.parse(await fs.readFile(path.join(repoRoot, 'demo/seed/members.json'),
    'utf8'));
  const grace = members.members.find((m) => m.id === 'm_grace');
  Object.assign(grace, { points: 15, expiring: [] });
  await fs.writeFile(path.join(seedDir, 'members.json'), JSON.stringify(members));
  const low = await startServer({
    args: ['--port', '0', '--db', path.join(tmp, 'low.sqlite3'), '--seed', seedDir,
      '--token-secret', SECRET],
  });
  servers.push(low);

  const listed = await gameOf('m_grace', 'scratch-card', low.url);
  const entriesBefore = await activity('m_grace', low.url);
  const response = await play('m_grace', 'scratch-card',
    { clientSeed: newClientSeed(), commitment: listed.commitment }, { baseUrl: low.url });
  const problem = await expectProblem(response, 422, 'insufficient-points');
  assert.equal(problem.detail, 'You need 5 more points for this play.');
  assert.equal((await member('m_grace', low.url)).points, 15);
  assert.deepEqual(await activity('m_grace', low.url), entriesBefore);
  assert.deepEqual(await gameOf('m_grace', 'scratch-card', low.url), listed);
  // The free wheel still plays.
  const wheel = await gameOf('m_grace', 'spin-wheel', low.url);
  const clientSeed = newClientSeed();
  const spun = await play('m_grace', 'spin-wheel', { clientSeed, commitment: wheel.commitment },
    { baseUrl: low.url });
  assert.equal(spun.status, 201);
  verifyChancePlay(wheel, clientSeed, (await spun.json()).play);
});

test('the quiz is judged by the backend', async () => {
  const correct = seedGames.find((game) => game.id === 'daily-quiz').questions
    .map((question) => question.correctOption);
  const answers = [...correct.slice(0, 3), -1];  // the last one timed out
  await expectProblem(await play('m_grace', 'daily-quiz', { answers: correct.slice(0, 3) }), 400,
    'invalid-request');
  await expectProblem(await play('m_grace', 'daily-quiz', { answers: [...correct.slice(0, 3), 9] }),
    400, 'invalid-request');
  const before = await member('m_grace');
  const response = await play('m_grace', 'daily-quiz', { answers });
  assert.equal(response.status, 201);
  const { play: played, member: after } = await response.json();
  assert.deepEqual(Object.keys(played), [...PLAY_KEYS, 'score', 'correctOptions']);
  assert.equal(played.score, 3);
  assert.equal(played.pointsWon, 30);
  assert.deepEqual(played.correctOptions, correct);
  assert.equal(played.playsLeft, 0);
  assert.equal(after.points, before.points + 30);
  const [newest] = await activity('m_grace');
  assert.deepEqual([newest.kind, newest.points, newest.description],
    ['game_prize', 30, 'Daily quiz: 3 of 4 correct']);
  await expectProblem(await play('m_grace', 'daily-quiz', { answers: correct }), 409,
    'no-plays-left');
});

test('checking in twice is refused; Ada\'s third day in a row earns the streak bonus', async () => {
  const before = await member('m_ada');
  const response = await play('m_ada', 'daily-check-in', {});
  assert.equal(response.status, 201);
  const { play: played, member: after } = await response.json();
  assert.deepEqual(Object.keys(played), [...PLAY_KEYS, 'date', 'streak']);
  assert.equal(played.date, localDay('Europe/London'));
  assert.equal(played.streak, 3);
  assert.equal(played.pointsWon, 5 + 20);
  assert.equal(after.points, before.points + 25);
  const [bonus, daily] = await activity('m_ada');
  assert.deepEqual([daily.kind, daily.points, daily.description],
    ['check_in', 5, 'Daily check-in: day 3 of your streak']);
  assert.deepEqual([bonus.kind, bonus.points, bonus.description],
    ['check_in', 20, 'Daily check-in: 3-day streak bonus']);

  const again = await play('m_ada', 'daily-check-in', {});
  const problem = await expectProblem(again, 409, 'already-checked-in');
  assert.match(problem.detail, /Europe\/London/);
  assert.equal((await member('m_ada')).points, before.points + 25);
  const listed = await gameOf('m_ada', 'daily-check-in');
  assert.equal(listed.playsLeft, 0);
  assert.deepEqual(listed.checkIns.slice(-3),
    [dayBefore(played.date, 2), dayBefore(played.date), played.date]);
});

test('wrong methods on the games paths are 405 problems', async () => {
  const getPlays = await fetch(new URL('v1/games/spin-wheel/plays', server.url));
  await expectProblem(getPlays, 405, 'method-not-allowed');
  assert.equal(getPlays.headers.get('allow'), 'POST, OPTIONS');
  const postGames = await fetch(new URL('v1/games', server.url), { method: 'POST' });
  await expectProblem(postGames, 405, 'method-not-allowed');
  assert.equal(postGames.headers.get('allow'), 'GET, OPTIONS');
  const preflight = await fetch(new URL('v1/games/spin-wheel/plays', server.url), {
    method: 'OPTIONS',
    headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST' },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
});
