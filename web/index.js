// Kindred: the loyalty widget SDK. Importing this module in a browser
// registers <kindred-widget>; on a server (SSR) it only exports.

import { defineKindredWidget } from './kindred_widget.js';

export { defineKindredWidget } from './kindred_widget.js';
export { mount } from './mount.js';
export { loadKindredCore } from './core_loader.js';
export { createRestTransport } from './rest_transport.js';
export { KindredError } from './kindred_error.js';

defineKindredWidget();
