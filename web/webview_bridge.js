// fetch() over a mobile app's native bridge, for a widget hosted in a
// webview (transport: 'webview'). The app makes the HTTPS calls with its own
// member session, so the page holds no token and needs no backend proxy;
// everything above fetch (timeouts, retries, the outbox, Idempotency-Keys)
// is the same code as on the web. Loaded only by a page that asks for it.
//
// The wire format, one JSON string each way:
//   request  {"kindred":1,"id":"7","method":"POST","path":"/v1/redemptions",
//             "headers":{"Idempotency-Key":"..."},"body":"{...}"}
//   response {"kindred":1,"id":"7","status":201,
//             "headers":{"content-type":"application/json"},"body":"{...}"}
// The native side must check that a message comes from the main frame of
// the origin it loaded (docs/webviews.md); this side checks every reply's
// shape and matches it to a request by id. A reply nobody asked for is
// dropped; a malformed one fails its request as a network error would, so
// a write is kept in the outbox and sent again with the same key.

const NATIVE_HEADERS = ['content-type', 'retry-after'];  // all the shim reads

const pending = new Map();  // id -> {resolve, reject}
// Ids are random, not a counter: a reply must answer a request it could not
// guess.
const newId = () => Array.from(crypto.getRandomValues(new Uint32Array(4)), (word) => word.toString(36)).join('');
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * The native side this page can talk to, or null:
 * - iOS: a WKScriptMessageHandlerWithReply named "kindred", so postMessage
 *   returns a promise of the reply (iOS 14+).
 * - Android: a WebMessageListener added as "kindredNative" with
 *   WebViewCompat.addWebMessageListener; replies come to its onmessage.
 * - React Native: react-native-webview's ReactNativeWebView; replies come
 *   from webViewRef.postMessage() as message events on window (iOS) or
 *   document (Android).
 */
function findChannel() {
  const ios = globalThis.webkit?.messageHandlers?.kindred;
  if (ios) {
    // The reply is this request's own promise: it must carry this request's id.
    return { name: 'ios', send: (text, id) => Promise.resolve(ios.postMessage(text)).then((reply) => receive(reply, id)) };
  }
  const android = globalThis.kindredNative;
  if (android?.postMessage) {
    android.addEventListener('message', (event) => receive(event.data));
    return { name: 'android', send: (text) => android.postMessage(text) };
  }
  const reactNative = globalThis.ReactNativeWebView;
  if (reactNative?.postMessage) {
    // Only what the app dispatches: a frame's postMessage() has a source.
    const fromApp = (event) => { if (!event.source) receive(event.data); };
    for (const target of [window, document]) target.addEventListener('message', fromApp);
    return { name: 'react-native', send: (text) => reactNative.postMessage(text) };
  }
  return null;
}

let channel;

/** Which bridge this page has: 'ios', 'android', 'react-native', or null. */
export function bridgeName() {
  channel ??= findChannel();
  return channel?.name ?? null;
}

// A reply from the native side: a JSON string of the response shape above.
// `expectedId` is set when the channel ties replies to requests (iOS): then
// anything else is that request's malformed reply, not someone else's.
function receive(text, expectedId) {
  let reply;
  try { reply = typeof text === 'string' ? JSON.parse(text) : null; } catch { reply = null; }
  const id = expectedId ?? reply?.id;
  if (!pending.has(id)) return;  // not ours, or no longer awaited
  if (reply?.kindred !== 1 || reply.id !== id) {
    if (expectedId === undefined) return;  // a message meant for someone else
    reply = {};  // this request's reply, unreadable: fails below
  }
  const { resolve, reject } = pending.get(id);
  pending.delete(id);
  const headers = reply.headers ?? {};
  const valid = Number.isInteger(reply.status) && reply.status >= 200 && reply.status <= 599 &&
    typeof (reply.body ?? '') === 'string' && typeof headers === 'object' &&
    Object.values(headers).every((value) => typeof value === 'string');
  if (!valid) return reject(new TypeError(`The app's bridge answered request ${id} with a malformed reply.`));
  try {
    resolve(new Response(NULL_BODY.has(reply.status) ? null : reply.body ?? '', {
      status: reply.status,
      headers: Object.fromEntries(Object.entries(headers).filter(([name]) => NATIVE_HEADERS.includes(name.toLowerCase()))),
    }));
  } catch (error) {
    reject(new TypeError(`The app's bridge answered request ${id} with a reply fetch cannot hold: ${error.message}`));
  }
}

/**
 * Same contract as fetch() for what rest_transport.js asks of it: a path on
 * the backend (the app decides which backend), method, headers, body and an
 * AbortSignal; resolves with a Response, rejects with a TypeError when there
 * is no answer.
 * @param {string} url
 * @param {{method?: string, headers?: Record<string, string>, body?: string, signal?: AbortSignal}} [init]
 */
export function webviewFetch(url, { method = 'GET', headers = {}, body, signal } = {}) {
  if (!bridgeName()) return Promise.reject(new TypeError('This page has no Kindred webview bridge (see docs/webviews.md).'));
  const { pathname, search } = new URL(url, location.href);
  const id = newId();
  // The app adds its own credentials; a bearer header from the page is never sent.
  const forwarded = Object.fromEntries(Object.entries(headers).filter(([name]) => ['idempotency-key', 'content-type'].includes(name.toLowerCase())));
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    pending.set(id, { resolve, reject });
    signal?.addEventListener('abort', () => {
      if (pending.delete(id)) reject(signal.reason);
    }, { once: true });
    const message = JSON.stringify({ kindred: 1, id, method, path: pathname + search, headers: forwarded, body });
    const refused = (error) => {
      if (pending.delete(id)) reject(new TypeError(`The app's bridge refused the request: ${error?.message ?? error}`));
    };
    try {
      Promise.resolve(channel.send(message, id)).catch(refused);  // iOS answers (or refuses) through this promise
    } catch (error) {
      refused(error);
    }
  });
}
