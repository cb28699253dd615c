// Every wasm object a widget makes (its Core, a wheel, a scratch card, a
// confetti burst) is made and freed here. Embind objects live in wasm memory
// until .delete(), which no garbage collector calls, so the widget keeps the
// set of what it holds: destroy() frees whatever is left, and diagnostics()
// can show a page (or a test) that nothing leaks across plays and sessions.

export function createEngineObjects() {
  const live = new Set();
  return {
    /** new module[className](...args), held until freed. */
    make(module, className, ...args) {
      const object = new module[className](...args);
      live.add(object);
      return object;
    },
    /** Deletes an object made here; null, or one already freed, is ignored. */
    free(object) {
      if (object && live.delete(object)) object.delete();
    },
    freeAll() {
      for (const object of live) object.delete();
      live.clear();
    },
    get count() { return live.size; },
  };
}
