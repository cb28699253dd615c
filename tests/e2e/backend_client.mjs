// What the browser tests ask the reference backend directly, to check what
// the widget shows (and did) against the source of truth.

/** @param {string | (() => string)} serverUrl  or a getter, for a server started later */
export function backendClient(serverUrl) {
  const base = () => (typeof serverUrl === 'function' ? serverUrl() : serverUrl);
  async function login(memberId) {
    const response = await fetch(new URL('/demo/login', base()), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ memberId }),
    });
    return (await response.json()).token;
  }

  async function get(path, memberId) {
    const token = await login(memberId);
    const response = await fetch(new URL(path, base()), { headers: { Authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
    return response.json();
  }

  /** Every item of a cursor-paged collection. */
  async function all(path, memberId) {
    const items = [];
    let cursor = null;
    do {
      const url = new URL(path, base());
      url.searchParams.set('limit', '50');
      if (cursor) url.searchParams.set('cursor', cursor);
      const page = await get(url.pathname + url.search, memberId);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** POST /v1/events as the member, as a host page's track() would; resolves with the status. */
  async function sendEvent(memberId, event) {
    const token = await login(memberId);
    const response = await fetch(new URL('/v1/events', base()), {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', 'Idempotency-Key': `test-${crypto.randomUUID()}` },
      body: JSON.stringify(event),
    });
    return response.status;
  }

  return {
    sendEvent,
    member: (memberId) => get('/v1/member', memberId),
    rewards: (memberId) => all('/v1/rewards', memberId),
    activity: (memberId) => all('/v1/activity', memberId),
    games: (memberId) => get('/v1/games', memberId),
    moments: (memberId) => get('/v1/moments', memberId),
  };
}
