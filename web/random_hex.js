// Random hex from the browser's CSPRNG: idempotency nonces and the client
// seeds of provably fair plays (a seed the shopper's device chose, so the
// backend cannot know the outcome before the play).

/** @param {number} bytes  how many random bytes; the string is twice as long */
export function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
