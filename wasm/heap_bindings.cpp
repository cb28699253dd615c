// How much of the wasm heap is in use, for the widget's diagnostics(): a page
// (or a test) watching for leaks reads it before and after a session. Here,
// not in the core, because it asks Emscripten's allocator (emmalloc).
#include <cstddef>

#include <emscripten/bind.h>
#include <emscripten/emmalloc.h>

namespace {

double heapBytesInUse() {
  // Bytes the allocator has claimed from the heap, less those it holds free.
  return static_cast<double>(emmalloc_dynamic_heap_size() - emmalloc_free_dynamic_memory());
}

}  // namespace

EMSCRIPTEN_BINDINGS(kindred_heap) {
  emscripten::function("heapBytesInUse", &heapBytesInUse);
}
