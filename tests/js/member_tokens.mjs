// Member tokens from the reference backend's demo login, one per member and
// server, cached for the whole test file (a token lasts an hour by default).
import assert from 'node:assert/strict';

const tokens = new Map();

/** @param {string} baseUrl  the server's base URL, ending in '/' */
export async function memberToken(baseUrl, memberId) {
  const cacheKey = `${baseUrl} ${memberId}`;
  if (!tokens.has(cacheKey)) {
    const response = await fetch(new URL('demo/login', baseUrl), { method: 'POST', body: JSON.stringify({ memberId }) });
    assert.equal(response.status, 200);
    tokens.set(cacheKey, (await response.json()).token);
  }
  return tokens.get(cacheKey);
}

/** GET `pathAndQuery` as the member; asserts a 200 and returns the parsed body. */
export async function getMemberJson(baseUrl, memberId, pathAndQuery) {
  const response = await fetch(new URL(pathAndQuery, baseUrl), {
    headers: { Authorization: `Bearer ${await memberToken(baseUrl, memberId)}` },
  });
  assert.equal(response.status, 200, pathAndQuery);
  return response.json();
}
