// Asserts an RFC 9457 problem+json answer: this status, the fields every
// problem has, and (when given) this slug. Returns the parsed body.
import assert from 'node:assert/strict';

export async function expectProblem(response, status, slug) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type'), /^application\/problem\+json/);
  const body = await response.json();
  if (slug) assert.equal(body.type, `urn:kindred:problem:${slug}`);
  else assert.match(body.type, /^urn:kindred:problem:[a-z-]+$/);
  assert.equal(body.status, status);
  assert.equal(typeof body.title, 'string');
  assert.equal(typeof body.detail, 'string');
  return body;
}
