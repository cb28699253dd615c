// An image address from the backend, resolved against the backend's base:
// http(s) only, so a "javascript:" or "data:" string never reaches an <img>.

/** @returns {string|null} */
export function safeImageUrl(url, base) {
  if (typeof url !== 'string' || !url) return null;
  try {
    const resolved = new URL(url, base || document.baseURI);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.href : null;
  } catch {
    return null;
  }
}
