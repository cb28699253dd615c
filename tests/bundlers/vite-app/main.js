// A shop's account page with the loyalty widget, as its README shows it.
import { mount } from 'kindred-loyalty';

// The shop's server would issue the member token; the reference backend's
// demo login stands in for it (?member= picks the shopper).
function signIn() {
  const memberId = new URLSearchParams(location.search).get('member') ?? 'm_ada';
  return fetch('/demo/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ memberId }),
  }).then((response) => response.json()).then((body) => body.token);
}

let token;
mount('#rewards', {
  // Asked before each request; after a 401 ({ expired: true }) sign in again.
  getToken: (hint) => (token && !hint?.expired ? token : (token = signIn())),
});
