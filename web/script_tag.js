// The build for a plain <script> tag (dist/kindred.iife.js), for pages with
// no bundler and no modules:
//
//   <div id="rewards"></div>
//   <script src="https://cdn.example.com/kindred-loyalty/dist/kindred.iife.js"
//           data-target="#rewards" data-backend="https://loyalty.example.com"
//           data-token-url="/my-account/loyalty-token" data-screens="progress,rewards"
//           data-locale="en-GB"></script>
//
// In a mobile app's webview, data-transport="webview" replaces data-backend
// and data-token-url: the app makes the calls (docs/webviews.md).
//
// It defines window.Kindred (mount, loadKindredCore, ...) and
// <kindred-widget>, and, with a
// data-target, mounts the widget there. The token comes from data-token-url,
// a URL on the page's own server answering {"token": "..."} for the signed-in
// shopper; it is asked again when the backend says the token expired.
// The engine's files are found next to this script.

import { mount } from './mount.js';
import { defineKindredWidget } from './kindred_widget.js';
import { KindredError } from './kindred_error.js';

export { mount } from './mount.js';
export { defineKindredWidget } from './kindred_widget.js';
export { loadKindredCore } from './core_loader.js';
export { KindredError } from './kindred_error.js';

defineKindredWidget();  // <kindred-widget> written in the page's HTML works too

const script = document.currentScript;
const config = script?.dataset ?? {};

async function tokenFrom(url) {
  const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = response.ok ? await response.json().catch(() => null) : null;
  if (typeof body?.token !== 'string') {
    throw new KindredError('unauthorized', 'Your session has ended. Please sign in again.', { url, status: response.status });
  }
  return body.token;
}

function mountFromAttributes() {
  const options = {
    backend: config.backend,
    locale: config.locale,
    screen: config.screen,
    screens: config.screens?.split(','),
    rewardsUrl: config.rewardsUrl,
    transport: config.transport,
  };
  if (config.tokenUrl) {
    const url = new URL(config.tokenUrl, document.baseURI).href;
    let token = null;
    options.getToken = async (hint) => {
      if (!token || hint?.expired) token = tokenFrom(url).catch((error) => { token = null; throw error; });
      return token;
    };
  }
  mount(config.target, options);
}

if (config.target) {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountFromAttributes, { once: true });
  else mountFromAttributes();
}
