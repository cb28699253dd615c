// The native side of the webview simulator (webview.html): what an iOS,
// Android or React Native app does for a Kindred widget in its webview.
// It signs the member in itself (in a real app, the app's own session),
// and for each message from the page it:
//   1. checks the sender is the main frame of the origin the app loaded
//      (iOS: message.frameInfo; Android: allowedOriginRules + isMainFrame;
//      React Native: event.nativeEvent.url),
//   2. checks the request is one the app proxies: GET or POST on /v1/, only
//      the headers the contract names, a string body,
//   3. calls the loyalty backend with the member's token, and answers with
//      status, the two headers the widget reads, and the body.
// Swift and Kotlin versions of the same steps are in docs/webviews.md.

const iframe = document.querySelector('#webview');
const platformSelect = document.querySelector('#platform');
const memberSelect = document.querySelector('#member');
const log = document.querySelector('#log');
const APP_ORIGIN = location.origin;  // the origin this "app" loads its web content from
const BACKEND = location.origin;     // where the app's own API client points

let token = null;

// The contract's paths and no others: /v1/ then letters, digits, '_', '-'
// and '/'; a query of URL-safe characters. No dot and no '%' in the path, so
// nothing decodes or normalises into a path outside /v1/ ("/v1/%2e%2e/demo").
const API_PATH = /^\/v1\/[A-Za-z0-9_\-/]+(\?[A-Za-z0-9_\-.~%=&+]*)?$/;

function note(text, kind = 'ok') {
  const line = document.createElement('li');
  line.className = kind;
  line.textContent = text;
  log.prepend(line);
  while (log.children.length > 60) log.lastChild.remove();
}

/** Why a request is refused, or null if the app may send it. */
function refusal(request) {
  if (request?.kindred !== 1 || typeof request.id !== 'string') return 'not a Kindred request';
  if (!['GET', 'POST'].includes(request.method)) return `method ${request.method} is not proxied`;
  if (typeof request.path !== 'string' || !API_PATH.test(request.path)) return 'not a path of the contract';
  if (request.body !== undefined && typeof request.body !== 'string') return 'body is not a string';
  const headers = request.headers ?? {};
  if (typeof headers !== 'object' || Object.keys(headers).some((name) => !['idempotency-key', 'content-type'].includes(name.toLowerCase()))) {
    return 'unexpected headers';
  }
  return null;
}

async function answer(text, sender) {
  if (!sender.isMainFrame || sender.origin !== APP_ORIGIN) {
    note(`refused a message from ${sender.origin} (${sender.isMainFrame ? 'main frame' : 'a subframe'})`, 'refused');
    throw new Error('sender not allowed');
  }
  let request = null;
  try { request = JSON.parse(text); } catch { /* refused below */ }
  const why = refusal(request);
  if (why) {
    note(`refused: ${why}`, 'refused');
    throw new Error(why);
  }
  const response = await fetch(BACKEND + request.path, {
    method: request.method,
    headers: { ...request.headers, Authorization: `Bearer ${token}` },
    body: request.body,
  });
  const headers = {};
  for (const name of ['content-type', 'retry-after']) if (response.headers.has(name)) headers[name] = response.headers.get(name);
  note(`${request.method} ${request.path} → ${response.status}`);
  return JSON.stringify({ kindred: 1, id: request.id, status: response.status, headers, body: await response.text() });
}

window.kindredNativeSimulator = {
  get platform() { return platformSelect.value; },
  isAppFrame: (win) => win === iframe.contentWindow,
  receive: (platform, text, sender) => answer(text, sender),
};

async function signIn(memberId) {
  const response = await fetch('/demo/login', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ memberId }),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  token = (await response.json()).token;
}

async function loadApp() {
  await signIn(memberSelect.value);
  note(`${platformSelect.selectedOptions[0].textContent}: signed in as ${memberSelect.value}; loading the page`, 'info');
  iframe.src = `webview_app.html?platform=${platformSelect.value}&member=${memberSelect.value}`;
}

async function start() {
  const params = new URL(location.href).searchParams;
  const members = await (await fetch('/demo/members')).json();
  for (const member of members) memberSelect.append(new Option(`${member.name} (${member.tierId})`, member.id));
  memberSelect.value = members.some((m) => m.id === params.get('member')) ? params.get('member') : members[0].id;
  if (params.get('platform')) platformSelect.value = params.get('platform');
  platformSelect.addEventListener('change', loadApp);
  memberSelect.addEventListener('change', loadApp);
  await loadApp();
}

start().catch((error) => note(`the simulator could not start: ${error.message}`, 'refused'));
