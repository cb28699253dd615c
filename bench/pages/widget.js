// Time to the widget's first rendered progress bar: the ready event fires
// after the first complete render; the next frame is when it is on screen.
import '/dist/index.js';
import { signIn } from './sign_in.js';

const widget = document.querySelector('kindred-widget');
widget.addEventListener('kindred:ready', () => {
  requestAnimationFrame(() => { window.__firstRender = performance.now(); });
});
widget.token = await signIn();
