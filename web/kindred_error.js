// The one error type the shim throws and emits. `message` is written for the
// shopper; `detail` carries what a developer needs (problem+json, JSON path).

export class KindredError extends Error {
  /**
   * @param {string} code  'network' | 'timeout' | 'unauthorized' | 'http' | 'payload' | 'engine' | 'unverified' | 'locale'
   * @param {string} message  readable, safe to show
   * @param {object} [detail]
   */
  constructor(code, message, detail = {}) {
    super(message);
    this.name = 'KindredError';
    this.code = code;
    this.detail = detail;
  }

  /** Whether trying the same request again may succeed. */
  get retryable() {
    return this.code === 'network' || this.code === 'timeout' ||
      (this.code === 'http' && (this.detail.status >= 500 || this.detail.status === 429));
  }
}

const PROBLEM_TYPES = /^application\/problem\+json\b/i;

/**
 * Turns a failed HTTP answer into a KindredError. RFC 9457 problem details
 * give the message (detail, else title); anything else gets a generic one.
 * A 401 always gets the widget's own sentence: its problem speaks of tokens,
 * which is for the developer (it stays in `detail.problem`), not the shopper.
 * @param {{status: number, contentType: string, body: string}} answer
 */
export function errorFromAnswer({ status, contentType, body }) {
  let problem = null;
  if (PROBLEM_TYPES.test(contentType)) {
    try { problem = JSON.parse(body); } catch { problem = null; }
  }
  const fromProblem = problem && typeof problem === 'object'
    ? [problem.detail, problem.title].find((text) => typeof text === 'string' && text.trim())
    : undefined;
  const code = status === 401 ? 'unauthorized' : 'http';
  const fallback = status === 401
    ? 'Your session has ended. Please sign in again.'
    : status >= 500
      ? 'The rewards service is having trouble right now. Please try again in a moment.'
      : `The rewards service could not handle the request (HTTP ${status}).`;
  const spoken = status !== 401 && fromProblem;  // the backend's own words, in its language
  return new KindredError(code, spoken || fallback, { status, problem, ...(spoken && { spoken: true }) });
}
