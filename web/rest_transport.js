// Talks to a loyalty backend over HTTPS: bearer token, timeouts, retries with
// backoff for reads, and RFC 9457 errors turned into KindredErrors. Bodies are
// returned as text: the core validates them, not the transport.

import { KindredError, errorFromAnswer } from './kindred_error.js';

const sleep = (ms, signal) => new Promise((resolve, reject) => {
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); reject(signal.reason); }, { once: true });
});

/**
 * @param {object} options
 * @param {string} [options.baseUrl]  where /v1 lives; '' for the page's origin
 * @param {(hint?: {expired: true}) => (string|Promise<string>)} options.getToken  the member's bearer token;
 *   called with {expired: true} after a 401, to get a fresh one
 * @param {number} [options.timeoutMs]  per attempt
 * @param {number} [options.retries]  extra attempts for reads that failed retryably
 * @param {typeof fetch} [options.fetch]
 */
export function createRestTransport({
  baseUrl = '', getToken, timeoutMs = 8000, retries = 2, fetch = globalThis.fetch.bind(globalThis),
}) {
  const root = baseUrl.replace(/\/+$/, '');

  // One request, sent again once with a new token if the backend says the
  // one it had is no longer good (401): getToken({ expired: true }) is the
  // host's cue to fetch a fresh one rather than return what it cached.
  async function exchange(path, request, signal) {
    const token = await getToken();
    const answer = await exchangeOnce(path, request, signal, token);
    if (answer.status !== 401) return answer;
    // `refused` tells a caller that refreshes once for many requests which
    // token failed (the host's getToken sees only { expired: true }).
    return exchangeOnce(path, request, signal, await getToken({ expired: true, refused: token }));
  }

  // One request: the member's token, a timeout per attempt, and the caller's
  // cancellation. Resolves with the whole answer, whatever its status;
  // rejects only when no answer came (a timeout or network KindredError) or
  // when the caller cancelled (with the caller's reason).
  async function exchangeOnce(path, { method = 'GET', headers = {}, body } = {}, signal, token) {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const onAbort = () => timeout.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      signal?.throwIfAborted();
      const response = await fetch(`${root}${path}`, {
        method,
        headers: { Accept: 'application/json', Authorization: `Bearer ${token}`, ...headers },
        body,
        signal: timeout.signal,
      });
      const retryAfter = Number(response.headers.get('retry-after')) || null;  // seconds; dates are ignored
      return { status: response.status, contentType: response.headers.get('content-type') || '', retryAfter, body: await response.text() };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.signal.aborted) {
        const seconds = Math.max(1, Math.round(timeoutMs / 1000));
        throw new KindredError('timeout',
          `The rewards service did not answer within ${seconds} second${seconds === 1 ? '' : 's'}.`, { path });
      }
      throw new KindredError('network',
        'We could not reach the rewards service. Check your connection and try again.', { path, cause: String(error) });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async function attempt(path, signal) {
    const answer = await exchange(path, {}, signal);
    if (answer.status < 200 || answer.status > 299) throw errorFromAnswer(answer);
    return answer.body;
  }

  /** One write attempt: any HTTP answer is returned, not thrown; the core reads it. */
  async function sendOnce({ method, path, body, idempotencyKey }, signal) {
    try {
      const answer = await exchange(path, {
        method, body, headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
      }, signal);
      return { status: answer.status, contentType: answer.contentType, body: answer.body, retryAfter: answer.retryAfter };
    } catch (error) {
      if (!(error instanceof KindredError)) throw error;  // cancelled by the caller
      return { status: 0, body: '' };  // no answer: offline, refused or timed out
    }
  }

  return {
    /**
     * Sends a write the core asked for. It carries an Idempotency-Key, so
     * it is safe to repeat: no answer, a 5xx or a 429 are retried with
     * backoff. Resolves with the last {status, contentType, body, retryAfter}; status 0 means no answer.
     * @param {{method: string, path: string, body: string, idempotencyKey: string}} command
     * @param {{signal?: AbortSignal}} [options]
     */
    async send(command, { signal } = {}) {
      for (let attemptNumber = 0; ; attemptNumber += 1) {
        const answer = await sendOnce(command, signal);
        const retryable = answer.status === 0 || answer.status === 429 || answer.status >= 500;
        if (!retryable || attemptNumber >= retries) return answer;
        const backoff = 250 * 2 ** attemptNumber;
        await sleep(backoff / 2 + Math.random() * backoff / 2, signal);
      }
    },

    /**
     * GET a JSON resource as text. Reads are safe to repeat, so retryable
     * failures are retried with exponential backoff and jitter.
     * @param {string} path  e.g. '/v1/member'
     * @param {{signal?: AbortSignal}} [options]
     */
    async get(path, { signal } = {}) {
      for (let attemptNumber = 0; ; attemptNumber += 1) {
        try {
          return await attempt(path, signal);
        } catch (error) {
          if (!(error instanceof KindredError) || !error.retryable || attemptNumber >= retries) throw error;
          const backoff = 250 * 2 ** attemptNumber;
          await sleep(backoff / 2 + Math.random() * backoff / 2, signal);
        }
      }
    },
  };
}
