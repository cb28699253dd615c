// The outbox: every write (a redemption, a play) is written down before it
// is sent and crossed off only when the backend has given a definitive
// answer. A write that got no answer, a 5xx or a 429 stays, in localStorage,
// and is sent again (with the same Idempotency-Key, so the backend applies it
// once) with backoff (1 s doubling to 30 s, with jitter; Retry-After wins),
// when the browser comes back online, and on the next page load. Two tabs
// never send the same write at once: each send holds a Web Lock named for its
// key, and re-reads storage first, so a write another tab has finished is not
// sent again.
//
// Items carry the core's snapshot of the intent (opaque here), the command to
// send and a label for the shopper; the storage format is versioned.

const FORMAT = 1;
const FIRST_BACKOFF_MS = 1000;
const LONGEST_BACKOFF_MS = 30000;

/** The wait before try number `attempt` (1-based): 1 s, 2 s, 4 s... up to 30 s, then jittered to 50-100%. */
export function backoffMs(attempt, random = Math.random) {
  const ceiling = Math.min(LONGEST_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempt - 1));
  return ceiling / 2 + random() * (ceiling / 2);
}

const retryable = (answer) => answer.status === 0 || answer.status === 429 || answer.status >= 500;

/**
 * @param {object} options
 * @param {string} options.scope  whose writes these are: backend origin and member id
 * @param {(command: object) => Promise<{status: number, body: string, retryAfter?: number|null}>} options.send
 * @param {Storage} [options.storage]
 * @param {LockManager} [options.locks]
 */
export function createOutbox({ scope, send, storage = globalThis.localStorage, locks = globalThis.navigator?.locks }) {
  // One storage entry per write, so two tabs queuing at once never overwrite
  // each other's writes (a shared list would lose one to read-modify-write).
  const prefix = `kindred:outbox:v${FORMAT}:${scope}:`;
  let timer = 0;
  let listener = null;

  function read() {
    const items = [];
    try {
      for (let i = 0; i < storage.length; i += 1) {
        const name = storage.key(i);
        if (!name?.startsWith(prefix)) continue;
        try {
          const saved = JSON.parse(storage.getItem(name));
          if (saved?.v === FORMAT && saved.item?.key) items.push(saved.item);
        } catch { /* unreadable entry: not sent */ }
      }
    } catch { /* storage blocked: nothing queued */ }
    return items.sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
  }

  function put(item) {
    try {
      storage.setItem(prefix + item.key, JSON.stringify({ v: FORMAT, item }));
    } catch { /* storage full or blocked: the write still goes out now, it just cannot wait for a reload */ }
  }

  const find = (key) => read().find((saved) => saved.key === key);
  const update = (key, change) => { const saved = find(key); if (saved) put({ ...saved, ...change }); };
  const remove = (key) => { try { storage.removeItem(prefix + key); } catch { /* blocked */ } };

  // Runs `task` holding this key's lock, or not at all if another tab holds it.
  async function exclusively(key, task) {
    if (!locks) return task();
    return locks.request(`kindred-outbox:${prefix}${key}`, { ifAvailable: true }, (lock) => (lock ? task() : null));
  }

  /** Writes a new write down, before it is first sent (a repeat of a queued key changes nothing). */
  function enqueue(item) {
    if (!find(item.key)) put({ ...item, attempts: 0, nextAttemptAt: 0, queuedAt: Date.now() });
  }

  // This tab's sends under way, by key: a shopper's "Try again" while the
  // background flush is sending the same write waits for that send's answer
  // (and takes it over) instead of being turned away by its own lock.
  const inFlight = new Map();

  function start(key, claimed) {
    const running = inFlight.get(key);
    if (running) {
      running.claimed ||= claimed;
      return running;
    }
    const entry = { claimed, answer: null };
    entry.answer = sendNow(key).finally(() => inFlight.delete(key));
    inFlight.set(key, entry);
    return entry;
  }

  /**
   * Sends the queued write with this key now (or joins the send under way in
   * this tab). Resolves with the answer, or null when another tab is sending
   * it or has already finished it. The write stays queued unless the answer
   * was definitive.
   */
  function deliver(key) {
    return start(key, true).answer;
  }

  async function sendNow(key) {
    return exclusively(key, async () => {
      const current = find(key);
      if (!current) return null;  // another tab finished it meanwhile
      const answer = await send(current.command);
      if (!retryable(answer)) {
        remove(key);
      } else {
        const attempts = (current.attempts ?? 0) + 1;
        const wait = answer.retryAfter > 0 ? answer.retryAfter * 1000 : backoffMs(attempts);
        update(key, { attempts, nextAttemptAt: Date.now() + wait });
        schedule();
      }
      return answer;
    });
  }

  /** Sends every queued write that is due (all of them with `force`); each answer goes to `onAnswer`. */
  async function flush({ force = false } = {}) {
    const due = read().filter((item) => force || (item.nextAttemptAt ?? 0) <= Date.now());
    for (const item of due) {
      const entry = start(item.key, false);
      const answer = await entry.answer;
      // A caller that joined this send reads the answer itself.
      if (answer && !entry.claimed) listener?.(item, answer);
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    const next = Math.min(...read().map((item) => item.nextAttemptAt ?? 0));
    if (Number.isFinite(next)) timer = setTimeout(() => flush(), Math.max(0, next - Date.now()));
  }

  const onOnline = () => flush({ force: true });
  // Another tab queued or finished a write: what is pending changed.
  const onStorage = (event) => { if (event.key?.startsWith(prefix)) changed?.(); };
  let changed = null;
  globalThis.addEventListener?.('online', onOnline);
  globalThis.addEventListener?.('storage', onStorage);

  return {
    enqueue,
    deliver,
    flush,
    /** What is waiting, oldest first: [{key, kind, subject, label, ...}]. */
    pending: read,
    /** Called with (item, answer) for each answer a background flush gets. */
    onAnswer(callback) { listener = callback; },
    /** Called when another tab changes the queue. */
    onChange(callback) { changed = callback; },
    /** Stops timers and listeners; the queue stays in storage for the next load. */
    close() {
      clearTimeout(timer);
      globalThis.removeEventListener?.('online', onOnline);
      globalThis.removeEventListener?.('storage', onStorage);
    },
  };
}
