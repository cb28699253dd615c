// The brand's look from the backend: the progress view's program.theme,
// which the core has checked and made readable (WCAG AA on each card), as a
// stylesheet of --kindred-* values adopted after the widget's own. The page
// still has the last word: its own --kindred-* rules (or mount()'s theme)
// are on the host, and the host's rules beat a shadow root's :host rules.

const COLOR = /^#[0-9a-f]{6}$/;
const FONTS = /^"[A-Za-z0-9 -]+"(?:, "[A-Za-z0-9 -]+")*$/;
const sheets = new WeakMap();  // shadow root -> its brand sheet

// The core only writes values of these shapes; they are checked again here
// because they become CSS text.
const accent = (mode) => (mode && COLOR.test(mode.accent) && COLOR.test(mode.accentInk)
  ? `--kindred-accent:${mode.accent};--kindred-accent-ink:${mode.accentInk};` : '');

/** CSS for a theme, '' for none. */
export function brandStyles(theme) {
  if (!theme) return '';
  const light = accent(theme.light) +
    (FONTS.test(theme.fontFamily ?? '') ? `--kindred-font:${theme.fontFamily},var(--kindred-system-font);` : '') +
    (Number.isInteger(theme.cornerRadius) && theme.cornerRadius >= 0 && theme.cornerRadius <= 32
      ? `--kindred-radius:${theme.cornerRadius}px;` : '');
  const dark = accent(theme.dark);
  return (light && `:host{${light}}`) + (dark && `@media (prefers-color-scheme:dark){:host{${dark}}}`);
}

/**
 * Puts `css` in the shadow root's brand sheet. Webviews without adopted
 * stylesheets keep the widget's own look rather than add a <style> a strict
 * CSP would block.
 */
export function adoptBrandStyles(shadowRoot, css) {
  if (!('adoptedStyleSheets' in shadowRoot) || typeof CSSStyleSheet !== 'function') return;
  let sheet = sheets.get(shadowRoot);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheets.set(shadowRoot, sheet);
    shadowRoot.adoptedStyleSheets = [...shadowRoot.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(css);
}
