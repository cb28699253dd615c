// Embind surface of the per-frame engines: the wheel, the scratch card and the
// celebration. Every per-frame call takes and returns plain numbers; the
// scratch mask and the particles are read in place: their addresses cross as
// numbers and the shim lays typed arrays over the module's memory there (no
// copy), re-taken each frame because memory growth replaces the buffer.
// (emscripten::val and typed_memory_view would do the same, but link Embind's
// value machinery and printf into the download.)
#include <cstddef>
#include <cstdint>
#include <vector>

#include <emscripten/bind.h>

#include "kindred/particle_burst.hpp"
#include "kindred/scratch_card.hpp"
#include "kindred/wheel_trajectory.hpp"

namespace {

// A scratch card plus the buffer a frame's pointer positions are written into
// from JS (a Float32Array over it), so a whole frame of strokes crosses the
// boundary in one call instead of one call per pointer event.
class ScratchSurface {
 public:
  static constexpr std::size_t kMaxPoints = 256;

  ScratchSurface(int width, int height, unsigned coverRgb) : card_(width, height, coverRgb), points_(2 * kMaxPoints) {}

  // Where JS writes up to kMaxPoints (x, y) pairs, as float32.
  std::uintptr_t pointBuffer() { return reinterpret_cast<std::uintptr_t>(points_.data()); }
  // Strokes the polyline of the first `count` points written to pointBuffer().
  void strokePoints(int count, float radius) {
    if (count <= 0) return;
    card_.strokes(points_.data(), count > static_cast<int>(kMaxPoints) ? kMaxPoints : static_cast<std::size_t>(count), radius);
  }
  // RGBA8, width * height * 4 bytes, row-major.
  std::uintptr_t pixels() { return reinterpret_cast<std::uintptr_t>(card_.pixels()); }

  kindred::ScratchCard card_;

 private:
  std::vector<float> points_;
};

double scratchedFraction(const ScratchSurface& s) { return s.card_.scratchedFraction(); }
bool revealed(const ScratchSurface& s) { return s.card_.revealed(); }
void revealAll(ScratchSurface& s) { s.card_.revealAll(); }
int width(const ScratchSurface& s) { return s.card_.width(); }
int height(const ScratchSurface& s) { return s.card_.height(); }
int dirtyX(const ScratchSurface& s) { return s.card_.dirtyX(); }
int dirtyY(const ScratchSurface& s) { return s.card_.dirtyY(); }
int dirtyWidth(const ScratchSurface& s) { return s.card_.dirtyWidth(); }
int dirtyHeight(const ScratchSurface& s) { return s.card_.dirtyHeight(); }
void clearDirty(ScratchSurface& s) { s.card_.clearDirty(); }

// count() * stride() float32 values.
std::uintptr_t particleData(const kindred::ParticleBurst& burst) { return reinterpret_cast<std::uintptr_t>(burst.data()); }
int wheelPhase(const kindred::WheelTrajectory& wheel, double nowMs) { return static_cast<int>(wheel.phaseAt(nowMs)); }

}  // namespace

EMSCRIPTEN_BINDINGS(kindred_motion) {
  using namespace kindred;
  emscripten::function("segmentUnderPointer", &segmentUnderPointer);

  emscripten::class_<WheelTrajectory>("WheelTrajectory")
      .constructor<>()
      .function("start", &WheelTrajectory::start)
      .function("land", &WheelTrajectory::land)
      .function("abort", &WheelTrajectory::abort)
      .function("snapTo", &WheelTrajectory::snapTo)
      .function("angleAt", &WheelTrajectory::angleAt)
      .function("speedAt", &WheelTrajectory::speedAt)
      .function("stopped", &WheelTrajectory::stopped)
      .function("phaseAt", &wheelPhase);

  emscripten::class_<ScratchSurface>("ScratchCard")
      .constructor<int, int, unsigned>()
      .function("pointBuffer", &ScratchSurface::pointBuffer)
      .function("strokePoints", &ScratchSurface::strokePoints)
      .function("pixels", &ScratchSurface::pixels)
      .function("scratchedFraction", &scratchedFraction)
      .function("revealed", &revealed)
      .function("revealAll", &revealAll)
      .function("width", &width)
      .function("height", &height)
      .function("dirtyX", &dirtyX)
      .function("dirtyY", &dirtyY)
      .function("dirtyWidth", &dirtyWidth)
      .function("dirtyHeight", &dirtyHeight)
      .function("clearDirty", &clearDirty);

  emscripten::class_<ParticleBurst>("ParticleBurst")
      .constructor<>()
      .function("start", &ParticleBurst::start)
      .function("step", &ParticleBurst::step)
      .function("data", &particleData)
      .function("count", &ParticleBurst::count)
      .function("stride", &ParticleBurst::stride)
      .function("finished", &ParticleBurst::finished);
}
