// GET /v1/moments' later micro-moments over HTTP on the real binary with
// the demo seed: the impact counter, the tier hub's experiences, insider
// previews, challenges with their badges and the year in review, as each
// demo member gets them (worked out here from the seed files, on each
// member's own calendar, by ICU rather than by the backend), and what
// POST /v1/events does with them: a sign-up takes one seat (every refusal
// its own problem, sign-ups racing for the last seats), a rating is kept
// for a preview the member is shown and refused for any other, and the
// event that completes a challenge earns its badge once. Needs the native
// build; run from anywhere with
//   node --test tests/js/backend_moments_more.test.mjs
// (KINDRED_SERVER_BIN=path/to/kindred-server tests another build).

import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { repoRoot, startServer } from './start_server.mjs';
import { memberToken, getMemberJson } from './member_tokens.mjs';
import { expectProblem } from './expect_problem.mjs';

const SECRET = 'backend-moments-more-test-secret';
const MOMENTS_KEYS = ['incentives', 'surprises', 'birthMonth', 'birthdayOffers',
  'expiryReminderDays', 'dismissed', 'impact', 'experiences', 'previews', 'challenges', 'badges',
  'yearInReview'];
const IMPACT_KEYS = ['label', 'memberUnits', 'communityUnits'];
const EXPERIENCE_KEYS = ['id', 'tierId', 'title', 'description', 'startsAt', 'seatsLeft',
  'signedUp'];
const PREVIEW_KEYS = ['id', 'title', 'description', 'releaseDate', 'tierId', 'myRating'];
const CHALLENGE_KEYS = ['id', 'title', 'description', 'eventType', 'steps', 'progress', 'window',
  'windowEndsOn', 'badge', 'completed'];
const BADGE_KEYS = ['id', 'title', 'earnedAt'];
const YEAR_KEYS = ['year', 'pointsEarned', 'rewardsRedeemed', 'gamesWon', 'badges', 'impactUnits',
  'tierJourney'];
const MEMBERS = ['m_grace', 'm_ada', 'm_katherine', 'm_alan'];
const DAY_MS = 86_400_000;

let tmp;
let server;
let seed;  // the demo's moments.json, members.json and program.json, parsed
// The seeding instant lies between these two (the server seeds as it starts).
let seededFrom;
let seededBy;

const tokenFor = (memberId) => memberToken(server.url, memberId);

const getJson = (memberId, pathAndQuery) => getMemberJson(server.url, memberId, pathAndQuery);

const moments = (memberId) => getJson(memberId, 'v1/moments');
const momentsText = async (memberId) => (await fetch(new URL('v1/moments', server.url), {
  headers: { Authorization: `Bearer ${await tokenFor(memberId)}` },
})).text();

// An authenticated POST with a fresh Idempotency-Key unless one is given.
async function post(memberId, pathname, body, { key = randomUUID() } = {}) {
  return fetch(new URL(pathname, server.url), {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${await tokenFor(memberId)}`,
      'Content-Type': 'application/json',
      'Idempotency-Key': key,
    },
    body: JSON.stringify(body),
  });
}

const sendEvent = (memberId, body, options) => post(memberId, 'v1/events', body, options);
const signUp = (memberId, experienceId, options) =>
  sendEvent(memberId, { type: 'experience-signup', subject: experienceId }, options);

// Calendar arithmetic on YYYY-MM-DD, and the day an instant falls on in a zone.
const dayPlus = (day, days) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const utcDay = (millis) => new Date(millis).toISOString().slice(0, 10);
const localDay = (millis, timeZone) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(millis));
const mondayOf = (day) => dayPlus(day, -((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7));
const lastOfMonth = (day) => {
  const [year, month] = day.split('-').map(Number);
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
};

const seedMember = (memberId) => seed.members.find((m) => m.id === memberId);
const seedDays = () => new Set([utcDay(seededFrom), utcDay(seededBy)]);

// The member's ledger as seeding wrote it: activity at noon (UTC) on its
// day, surprises whole days before the seeding instant.
function seededLedger(memberId) {
  const m = seedMember(memberId);
  const entries = (m.activity ?? []).map((a) => ({
    kind: a.kind, points: a.points, at: Date.parse(`${dayPlus(utcDay(seededFrom), a.inDays)}T12:00:00Z`),
  }));
  for (const s of m.surprises ?? []) {
    entries.push({ kind: 'surprise', points: s.points, at: seededFrom + s.grantedInDays * DAY_MS });
  }
  return entries.sort((a, b) => a.at - b.at);
}

// GET /v1/moments' yearInReview for a demo member who has done nothing since
// seeding, by the rules openapi.yaml states.
function expectedYear(memberId, impactUnits) {
  const m = seedMember(memberId);
  const zone = m.timeZone;
  const year = Number(localDay(Date.now(), zone).slice(0, 4));
  const ofYear = seededLedger(memberId)
    .map((entry) => ({ ...entry, day: localDay(entry.at, zone) }))
    .filter((entry) => Number(entry.day.slice(0, 4)) === year);
  const purchases = ofYear.filter((entry) => entry.kind === 'earn');
  // The qualifying total before each purchase, read back from today's.
  const totals = Array(purchases.length + 1);
  totals[purchases.length] = m.qualifyingPoints;
  for (let i = purchases.length - 1; i >= 0; i -= 1) {
    totals[i] = Math.max(0, totals[i + 1] - purchases[i].points);
  }
  const tierJourney = [];
  for (let i = 0; i < purchases.length; i += 1) {
    for (const tier of seed.program.tiers) {
      if (tier.threshold <= totals[0] || tierJourney.some((t) => t.tierId === tier.id)) continue;
      if (totals[i] < tier.threshold && tier.threshold <= totals[i + 1]) {
        tierJourney.push({ tierId: tier.id, reachedOn: purchases[i].day });
      }
    }
  }
  const badges = (m.badges ?? [])
    .filter((b) => Number(localDay(seededFrom + b.earnedInDays * DAY_MS, zone).slice(0, 4)) === year);
  return {
    year,
    pointsEarned: ofYear.reduce((sum, entry) => sum + Math.max(0, entry.points), 0),
    rewardsRedeemed: 0,
    gamesWon: 0,
    badges: badges.length,
    impactUnits,
    tierJourney,
  };
}

before(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'kindred-backend-moments-more-'));
  const read = async (name) => JSON.parse(await fs.readFile(path.join(repoRoot, 'demo/seed', name), 'utf8'));
  seed = {
    moments: await read('moments.json'),
    members: (await read('members.json')).members,
    program: await read('program.json'),
  };
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

test('each demo member gets the impact counter, their share and the community total', async () => {
  // Purchases (earn entries) of 340, 1860, 2760 and 5175 points; 500 plant a tree.
  const units = { m_grace: 0, m_ada: 3, m_katherine: 5, m_alan: 10 };
  for (const id of MEMBERS) {
    const document = await moments(id);
    assert.deepEqual(Object.keys(document), MOMENTS_KEYS, id);
    assert.deepEqual(Object.keys(document.impact), IMPACT_KEYS, id);
    assert.deepEqual(document.impact,
      { label: 'trees planted', memberUnits: units[id], communityUnits: 14000 + 18 }, id);
  }
});

test('the tier hub lists every experience not yet started, locked ones too, soonest first', async () => {
  const upcoming = seed.moments.experiences.filter((e) => e.startsInDays > 0)
    .sort((a, b) => a.startsInDays - b.startsInDays);
  for (const id of MEMBERS) {
    const { experiences } = await moments(id);
    assert.deepEqual(experiences.map((e) => e.id), upcoming.map((e) => e.id), id);
    for (const [i, experience] of experiences.entries()) {
      const seeded = upcoming[i];
      assert.deepEqual(Object.keys(experience), EXPERIENCE_KEYS);
      const { startsAt, seatsLeft, signedUp, ...fields } = experience;
      assert.deepEqual(fields, { id: seeded.id, tierId: seeded.tierId, title: seeded.title,
        description: seeded.description });
      const possible = [...seedDays()].map((day) => `${dayPlus(day, seeded.startsInDays)}T${seeded.timeUtc}:00Z`);
      assert.ok(possible.includes(startsAt), startsAt);
      // Katherine's seat at the Summit hike, seeded.
      const katherines = seeded.id === 'sunrise-summit';
      assert.equal(seatsLeft, seeded.seats - (katherines ? 1 : 0));
      assert.equal(signedUp, katherines && id === 'm_katherine', `${id} ${seeded.id}`);
    }
  }
});

test('previews reach only their tier and above, with the member\'s own rating', async () => {
  const expected = {
    m_grace: [], m_ada: ['trail-runner-2'], m_katherine: ['trail-runner-2', 'aurora-shell'],
    m_alan: ['trail-runner-2', 'aurora-shell', 'ridge-pack-40'],
  };
  for (const id of MEMBERS) {
    const { previews } = await moments(id);
    assert.deepEqual(previews.map((p) => p.id), expected[id], id);
    for (const preview of previews) {
      assert.deepEqual(Object.keys(preview), PREVIEW_KEYS);
      const seeded = seed.moments.previews.find((p) => p.id === preview.id);
      const { releaseDate, myRating, ...fields } = preview;
      assert.deepEqual(fields, { id: seeded.id, title: seeded.title, description: seeded.description,
        tierId: seeded.tierId });
      assert.ok([...seedDays()].map((day) => dayPlus(day, seeded.releaseInDays)).includes(releaseDate));
      assert.equal(myRating, id === 'm_katherine' && preview.id === 'aurora-shell' ? 4 : null);
    }
  }
  // Below a preview's tier, not a trace of it; a released one, for nobody.
  assert.doesNotMatch(await momentsText('m_grace'), /trail-runner-2|Trail Runner 2/);
  assert.doesNotMatch(await momentsText('m_ada'), /aurora-shell|ridge-pack-40|Aurora rain shell/);
  assert.doesNotMatch(await momentsText('m_alan'), /camp-mug/);
});

test('challenges count on the member\'s own calendar; badges are listed newest first', async () => {
  const [walk, reviews] = seed.moments.challenges;
  for (const id of MEMBERS) {
    const document = await moments(id);
    const zone = seedMember(id).timeZone;
    const today = localDay(Date.now(), zone);
    assert.deepEqual(document.challenges.map((c) => c.id), [walk.id, reviews.id]);
    for (const challenge of document.challenges) {
      assert.deepEqual(Object.keys(challenge), CHALLENGE_KEYS);
      const seeded = seed.moments.challenges.find((c) => c.id === challenge.id);
      assert.deepEqual(
        { ...challenge, progress: 0, windowEndsOn: null, completed: false },
        { id: seeded.id, title: seeded.title, description: seeded.description,
          eventType: seeded.eventType, steps: seeded.steps, progress: 0, window: seeded.window,
          windowEndsOn: null, badge: seeded.badge, completed: false });
      assert.equal(challenge.completed, challenge.progress >= challenge.steps);
    }
    assert.equal(document.challenges[0].windowEndsOn, dayPlus(mondayOf(today), 6), id);
    assert.equal(document.challenges[1].windowEndsOn, lastOfMonth(today), id);

    // The seeded walks (whole days before seeding) that fall in this week,
    // each day once; the seeded reviews of this month, each subject once.
    const events = seedMember(id).events ?? [];
    const walkDays = new Set(events.filter((e) => e.type === 'walk-day')
      .map((e) => localDay(seededFrom + e.inDays * DAY_MS, zone))
      .filter((day) => day >= mondayOf(today) && day <= dayPlus(mondayOf(today), 6)));
    const reviewed = new Set(events.filter((e) => e.type === 'review-written'
      && localDay(seededFrom + e.inDays * DAY_MS, zone).slice(0, 7) === today.slice(0, 7))
      .map((e) => e.subject));
    assert.equal(document.challenges[0].progress, walkDays.size, id);
    assert.equal(document.challenges[1].progress, reviewed.size, id);

    const badges = [...(seedMember(id).badges ?? [])].sort((a, b) => b.earnedInDays - a.earnedInDays);
    assert.deepEqual(document.badges.map((b) => b.id), badges.map((b) => b.id), id);
    for (const [i, badge] of document.badges.entries()) {
      assert.deepEqual(Object.keys(badge), BADGE_KEYS);
      const challenge = seed.moments.challenges.find((c) => c.badge.id === badge.id);
      assert.equal(badge.title, challenge.badge.title);
      const earnedAt = Date.parse(badge.earnedAt);
      const offset = badges[i].earnedInDays * DAY_MS;
      assert.ok(earnedAt >= seededFrom + offset - 1000 && earnedAt <= seededBy + offset, badge.earnedAt);
    }
  }
  // Whatever the weekday, Ada has walked, and Katherine has two reviews this month.
  assert.ok((await moments('m_ada')).challenges[0].progress >= 1);
  assert.equal((await moments('m_katherine')).challenges[1].progress, 2);
});

test('the year in review sums the member\'s year on their own calendar', async () => {
  for (const id of MEMBERS) {
    const document = await moments(id);
    assert.deepEqual(Object.keys(document.yearInReview), YEAR_KEYS);
    assert.deepEqual(document.yearInReview, expectedYear(id, document.impact.memberUnits), id);
  }
});

test('a sign-up takes one seat, however often it is sent', async () => {
  const key = randomUUID();
  const first = await signUp('m_ada', 'gear-repair-night', { key });
  assert.equal(first.status, 201);
  const event = await first.json();
  assert.equal(event.type, 'experience-signup');
  assert.equal(event.subject, 'gear-repair-night');
  const retry = await signUp('m_ada', 'gear-repair-night', { key });
  assert.equal(retry.status, 201);
  assert.equal(retry.headers.get('idempotent-replayed'), 'true');
  assert.deepEqual(await retry.json(), event);
  // From another device, with its own key: the same seat.
  assert.equal((await signUp('m_ada', 'gear-repair-night')).status, 201);

  const listed = (await moments('m_ada')).experiences.find((e) => e.id === 'gear-repair-night');
  assert.equal(listed.signedUp, true);
  assert.equal(listed.seatsLeft, 11);
  const others = (await moments('m_alan')).experiences.find((e) => e.id === 'gear-repair-night');
  assert.equal(others.signedUp, false);
  assert.equal(others.seatsLeft, 11);
});

test('a sign-up is refused for a member below the tier, an unknown or started experience', async () => {
  const unchanged = await moments('m_ada');
  const cases = [
    ['m_ada', 'sunrise-summit', 403, 'tier-too-low', 'Sunrise summit hike is for Summit members and above.'],
    ['m_katherine', 'lodge-dinner', 403, 'tier-too-low', 'Peak members\' lodge dinner is for Peak members.'],
    ['m_ada', 'moon-walk', 422, 'unknown-experience', 'There is no experience "moon-walk" to sign up for.'],
    ['m_ada', 'spring-gear-swap', 422, 'experience-started', null],
  ];
  for (const [memberId, experienceId, status, slug, detail] of cases) {
    const key = randomUUID();
    const problem = await expectProblem(await signUp(memberId, experienceId, { key }), status, slug);
    if (detail) assert.equal(problem.detail, detail);
    else assert.match(problem.detail, /^Gear swap at the store started at \d{4}-\d\d-\d\dT10:00:00Z; sign-ups are closed\.$/);
    // Not stored: the same request is judged again, not replayed.
    const again = await signUp(memberId, experienceId, { key });
    assert.equal(again.status, status);
    assert.equal(again.headers.get('idempotent-replayed'), null);
  }
  await expectProblem(await sendEvent('m_ada', { type: 'experience-signup' }), 422, 'invalid-event');
  assert.deepEqual(await moments('m_ada'), unchanged);
});

test('sign-ups racing for the last seats: as many get one as there are', async () => {
  // Map and compass basics (Explorer and above) has three seats, for four members.
  const answers = await Promise.all(MEMBERS.map((id) => signUp(id, 'map-and-compass')));
  const statuses = answers.map((r) => r.status).sort();
  assert.deepEqual(statuses, [201, 201, 201, 409]);
  const refused = answers[answers.findIndex((r) => r.status === 409)];
  const problem = await expectProblem(refused, 409, 'experience-full');
  assert.equal(problem.detail, 'All 3 seats of Map and compass basics are taken.');
  const listed = (await moments('m_grace')).experiences.find((e) => e.id === 'map-and-compass');
  assert.equal(listed.seatsLeft, 0);
  const seated = [];
  for (const id of MEMBERS) {
    if ((await moments(id)).experiences.find((e) => e.id === 'map-and-compass').signedUp) seated.push(id);
  }
  assert.equal(seated.length, 3);
  // One of the three, again: still 201, still three seats.
  assert.equal((await signUp(seated[0], 'map-and-compass')).status, 201);
});

test('a rating is kept for a preview the member is shown, and refused for any other', async () => {
  const rate = (memberId, subject, value) => sendEvent(memberId, { type: 'preview-rated', subject, value });
  assert.equal((await rate('m_ada', 'trail-runner-2', 3)).status, 201);
  assert.equal((await moments('m_ada')).previews[0].myRating, 3);
  assert.equal((await rate('m_ada', 'trail-runner-2', 5)).status, 201);
  assert.equal((await moments('m_ada')).previews[0].myRating, 5);
  assert.equal((await moments('m_alan')).previews[0].myRating, null);

  for (const [memberId, subject] of [['m_grace', 'trail-runner-2'], ['m_ada', 'aurora-shell'],
    ['m_alan', 'camp-mug'], ['m_alan', 'no-such-preview']]) {
    const problem = await expectProblem(await rate(memberId, subject, 4), 422, 'unknown-preview');
    assert.equal(problem.detail, `You have no preview "${subject}" to rate.`);
  }
  assert.doesNotMatch(await momentsText('m_grace'), /trail-runner-2/);
});

test('the event that completes a challenge earns its badge, once', async () => {
  const review = (subject) => sendEvent('m_katherine', { type: 'review-written', subject });
  const from = Date.now() - 1000;
  assert.equal((await review('tent-ul-2')).status, 201);  // her third this month
  const until = Date.now() + 1000;
  const done = await moments('m_katherine');
  assert.equal(done.challenges[1].progress, 3);
  assert.equal(done.challenges[1].completed, true);
  assert.deepEqual(done.badges.map((b) => b.id), ['trusted-reviewer']);
  const earnedAt = Date.parse(done.badges[0].earnedAt);
  assert.ok(earnedAt >= Math.floor(from / 1000) * 1000 && earnedAt <= until, done.badges[0].earnedAt);
  assert.equal(done.yearInReview.badges, 1);

  assert.equal((await review('stove-3')).status, 201);
  const later = await moments('m_katherine');
  assert.equal(later.challenges[1].progress, 3);  // capped at the steps
  assert.deepEqual(later.badges, done.badges);

  // Two walks today are one day of the week.
  const walked = (await moments('m_grace')).challenges[0].progress;
  for (let i = 0; i < 2; i += 1) {
    assert.equal((await sendEvent('m_grace', { type: 'walk-day' })).status, 201);
  }
  assert.equal((await moments('m_grace')).challenges[0].progress, walked + 1);
});

test('gifts plant no trees but count in the year; a redemption and a game won count too', async () => {
  const earlier = await moments('m_grace');
  // Activity times are whole seconds, so "after the seed" cannot be told by time; by id it can.
  const activityIds = async () => new Set((await getJson('m_grace', 'v1/activity?limit=500')).items
    .map((entry) => entry.id));
  const before = await activityIds();
  const gift = await fetch(new URL('demo/surprises', server.url), {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ memberId: 'm_grace', points: 600, message: 'For the trail' }),
  });
  assert.equal(gift.status, 201);
  const redeemed = await post('m_grace', 'v1/redemptions', { rewardId: 'rw_pinata_trail_mix' });
  assert.equal(redeemed.status, 201);

  // Spins until one wins something (points, or free shipping); the daily allowance is 3.
  const wheel = (await getJson('m_grace', 'v1/games')).games.find((g) => g.id === 'spin-wheel');
  let won = 0;
  let commitment = wheel.commitment;
  for (let i = 0; i < wheel.playsLeft; i += 1) {
    const answer = await post('m_grace', 'v1/games/spin-wheel/plays',
      { clientSeed: randomBytes(32).toString('hex'), commitment });
    assert.equal(answer.status, 201);
    const { play } = await answer.json();
    commitment = play.nextCommitment;
    if (play.prize.points > 0 || play.prize.id === 'free-shipping') won += 1;
  }

  const later = await moments('m_grace');
  assert.deepEqual(later.impact, earlier.impact);
  assert.equal(later.yearInReview.impactUnits, earlier.yearInReview.impactUnits);
  const prizes = (await getJson('m_grace', 'v1/activity?limit=500')).items
    .filter((entry) => entry.kind === 'game_prize' && !before.has(entry.id))
    .reduce((sum, entry) => sum + entry.points, 0);
  assert.equal(later.yearInReview.pointsEarned, earlier.yearInReview.pointsEarned + 600 + prizes);
  assert.equal(later.yearInReview.rewardsRedeemed, earlier.yearInReview.rewardsRedeemed + 1);
  assert.equal(later.yearInReview.gamesWon, earlier.yearInReview.gamesWon + won);
});
