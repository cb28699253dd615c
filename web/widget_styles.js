// The widget's styles, adopted into its shadow root as a constructed
// stylesheet: no <style> element and no style attributes, so a page CSP
// without 'unsafe-inline' for styles does not block them. Brands theme
// through the --kindred-* custom properties and ::part() names.

import css from './widget.css';

let sheet = null;

/** Gives `shadowRoot` the widget's styles, sharing one sheet between widgets. */
export function adoptWidgetStyles(shadowRoot) {
  if ('adoptedStyleSheets' in shadowRoot && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(css);
    shadowRoot.adoptedStyleSheets = [sheet];
  } else {
    // Older webviews: a <style> element, which a strict style-src would block.
    const style = document.createElement('style');
    style.textContent = css;
    shadowRoot.append(style);
  }
}
