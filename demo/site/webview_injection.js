// The simulator's stand-in for what a mobile app injects into its webview
// before the page's scripts run. It gives this page the object the real
// platform would (window.webkit.messageHandlers.kindred on iOS, a
// kindredNative listener object on Android, window.ReactNativeWebView in
// React Native) and routes it to the simulator page (the "native side")
// that framed it, with the frame facts the real platforms report: whether
// the sender is the main frame, and its origin.
(function injectNativeBridge() {
  const simulator = window.parent !== window && window.parent.kindredNativeSimulator;
  if (!simulator) return;
  const sender = { isMainFrame: window.parent === window.top && simulator.isAppFrame(window), origin: location.origin };
  const post = (text) => simulator.receive(simulator.platform, text, sender);
  if (simulator.platform === 'ios') {
    // WKScriptMessageHandlerWithReply: postMessage returns a promise of the reply.
    window.webkit = { messageHandlers: { kindred: { postMessage: (text) => post(text) } } };
  } else if (simulator.platform === 'android') {
    // WebViewCompat.addWebMessageListener(webView, "kindredNative", rules, listener):
    // the replies come back through the same object's message event.
    const kindredNative = new EventTarget();
    kindredNative.postMessage = (text) => {
      post(text).then((reply) => kindredNative.dispatchEvent(new MessageEvent('message', { data: reply })));
    };
    window.kindredNative = kindredNative;
  } else {
    // react-native-webview: webViewRef.postMessage(text) dispatches a message event on window.
    window.ReactNativeWebView = {
      postMessage: (text) => { post(text).then((reply) => window.dispatchEvent(new MessageEvent('message', { data: reply }))); },
    };
  }
}());
