#include "web/baked_assets.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <memory>

#include "anatomy/builtin_provider.h"
#include "biomech/muscle_table.h"
#include "core/error.h"

namespace sagitta::web {
namespace {

constexpr std::array<char, 8> kMagic = {'S', 'G', 'T', 'B', 'A', 'K', 'E', '\0'};
constexpr std::size_t kHeaderSize = 8 + 4 + 4 + 8 + 8;

std::uint64_t fnv1a64(std::span<const std::byte> bytes) {
  std::uint64_t h = 1469598103934665603ull;
  for (std::byte b : bytes) {
    h ^= static_cast<std::uint64_t>(b);
    h *= 1099511628211ull;
  }
  return h;
}

class Writer {
 public:
  std::vector<std::byte> out;

  template <typename T>
  void pod(const T& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const std::byte*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
  }
  void u8(std::uint8_t v) { pod(v); }
  void u32(std::uint32_t v) { pod(v); }
  void f64(double v) { pod(v); }
  void count(std::size_t n) {
    if (n > std::numeric_limits<std::uint32_t>::max()) throw InputError("baked assets: a table is too large");
    u32(static_cast<std::uint32_t>(n));
  }
  void str(std::string_view s) {
    count(s.size());
    const auto* p = reinterpret_cast<const std::byte*>(s.data());
    out.insert(out.end(), p, p + s.size());
  }
};

class Reader {
 public:
  Reader(std::span<const std::byte> bytes, const std::string& what) : bytes_(bytes), what_(what) {}

  template <typename T>
  T pod() {
    static_assert(std::is_trivially_copyable_v<T>);
    need(sizeof(T));
    T v;
    std::memcpy(&v, bytes_.data() + at_, sizeof(T));
    at_ += sizeof(T);
    return v;
  }
  std::uint8_t u8() { return pod<std::uint8_t>(); }
  std::uint32_t u32() { return pod<std::uint32_t>(); }
  double f64() {
    const double v = pod<double>();
    if (!std::isfinite(v)) fail("a number is not finite");
    return v;
  }
  // A count of items each at least `min_item_bytes` long: bounded by what is left.
  std::size_t count(std::size_t min_item_bytes) {
    const std::size_t n = u32();
    if (min_item_bytes > 0 && n > (bytes_.size() - at_) / min_item_bytes) fail("a count runs past the end");
    return n;
  }
  std::string str() {
    const std::size_t n = count(1);
    std::string s(reinterpret_cast<const char*>(bytes_.data() + at_), n);
    at_ += n;
    return s;
  }
  void read(void* dst, std::size_t n) {
    need(n);
    std::memcpy(dst, bytes_.data() + at_, n);
    at_ += n;
  }
  bool done() const { return at_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& why) const {
    throw InputError(what_ + ": " + why + " (at byte " + std::to_string(at_ + kHeaderSize) +
                     "); bake the assets again");
  }

 private:
  void need(std::size_t n) const {
    if (n > bytes_.size() - at_) fail("the file is truncated");
  }
  std::span<const std::byte> bytes_;
  const std::string& what_;
  std::size_t at_ = 0;
};

std::int16_t toSnorm16(float v) {
  return static_cast<std::int16_t>(std::lround(std::clamp(v, -1.0f, 1.0f) * 32767.0f));
}
float fromSnorm16(std::int16_t v) {
  return std::max(static_cast<float>(v) / 32767.0f, -1.0f);
}

// Octahedral normal encoding (Cigolle et al. 2014, "A Survey of Efficient Representations for
// Independent Unit Vectors", JCGT 3(2)): a unit vector in two numbers in [-1, 1].
glm::vec2 octEncode(glm::vec3 v) {
  v /= (std::abs(v.x) + std::abs(v.y) + std::abs(v.z)) + 1e-20f;
  glm::vec2 e(v.x, v.y);
  if (v.z < 0.0f) {
    e = (glm::vec2(1.0f) - glm::abs(glm::vec2(e.y, e.x))) *
        glm::vec2(e.x >= 0.0f ? 1.0f : -1.0f, e.y >= 0.0f ? 1.0f : -1.0f);
  }
  return e;
}
glm::vec3 octDecode(glm::vec2 e) {
  glm::vec3 v(e.x, e.y, 1.0f - std::abs(e.x) - std::abs(e.y));
  if (v.z < 0.0f) {
    const glm::vec2 f = (glm::vec2(1.0f) - glm::abs(glm::vec2(v.y, v.x))) *
                        glm::vec2(v.x >= 0.0f ? 1.0f : -1.0f, v.y >= 0.0f ? 1.0f : -1.0f);
    v.x = f.x;
    v.y = f.y;
  }
  const float len = glm::length(v);
  return len > 0.0f ? v / len : v;
}

void writeMesh(Writer& w, const anatomy::MeshData& mesh) {
  w.str(mesh.name);
  const std::size_t n = mesh.positions.size();
  if (mesh.normals.size() != n)
    throw InputError("baked assets: mesh " + mesh.name + " has " + std::to_string(mesh.normals.size()) +
                     " normals for " + std::to_string(n) + " vertices");
  w.count(n);
  w.count(mesh.indices.size());
  const bool narrow = n <= 65536;
  w.u8(narrow ? 2 : 4);
  // positions: u16 per axis over the mesh's bounding box (a step under 30 um for the largest part)
  anatomy::Bounds b = anatomy::boundsOf(mesh);
  if (!b.valid) b.add(glm::vec3(0.0f));
  w.pod(b.min);
  w.pod(b.max);
  const glm::vec3 extent = glm::max(b.max - b.min, glm::vec3(1e-9f));
  for (int c = 0; c < 3; ++c) {  // one axis after another: compresses better
    for (const glm::vec3& p : mesh.positions) {
      w.pod(static_cast<std::uint16_t>(
          std::lround(std::clamp((p[c] - b.min[c]) / extent[c], 0.0f, 1.0f) * 65535.0f)));
    }
  }
  // normals: octahedral, two snorm16
  for (int c = 0; c < 2; ++c) {
    for (const glm::vec3& v : mesh.normals) w.pod(toSnorm16(octEncode(v)[c]));
  }
  for (std::uint32_t i : mesh.indices) {
    if (narrow) {
      w.pod(static_cast<std::uint16_t>(i));
    } else {
      w.u32(i);
    }
  }
  w.u8(mesh.skinned() ? 1 : 0);
  if (mesh.skinned()) {
    for (const glm::u8vec4& s : mesh.skin_segments) w.pod(s);
    for (const glm::vec4& wt : mesh.skin_weights) {
      for (int c = 0; c < 4; ++c) {
        w.pod(static_cast<std::uint16_t>(std::lround(std::clamp(wt[c], 0.0f, 1.0f) * 65535.0f)));
      }
    }
  }
}

anatomy::MeshData readMesh(Reader& r) {
  anatomy::MeshData mesh;
  mesh.name = r.str();
  const std::size_t n = r.count(10);
  const std::size_t ni = r.count(2);
  const std::uint8_t width = r.u8();
  if (width != 2 && width != 4)
    r.fail("mesh " + mesh.name + " has an index width of " + std::to_string(width));
  if (ni % 3 != 0) r.fail("mesh " + mesh.name + " has an index count that is not a multiple of 3");
  glm::vec3 lo = r.pod<glm::vec3>();
  glm::vec3 hi = r.pod<glm::vec3>();
  const glm::vec3 extent = glm::max(hi - lo, glm::vec3(1e-9f));
  std::vector<std::uint16_t> q(n * 3);
  r.read(q.data(), q.size() * sizeof(std::uint16_t));
  mesh.positions.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (int c = 0; c < 3; ++c) {
      mesh.positions[i][c] = lo[c] + static_cast<float>(q[c * n + i]) / 65535.0f * extent[c];
    }
  }
  std::vector<std::int16_t> packed(n * 2);
  r.read(packed.data(), packed.size() * sizeof(std::int16_t));
  mesh.normals.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    mesh.normals[i] = octDecode(glm::vec2(fromSnorm16(packed[i]), fromSnorm16(packed[n + i])));
  }
  mesh.indices.resize(ni);
  if (width == 2) {
    std::vector<std::uint16_t> narrow(ni);
    r.read(narrow.data(), ni * sizeof(std::uint16_t));
    std::copy(narrow.begin(), narrow.end(), mesh.indices.begin());
  } else {
    r.read(mesh.indices.data(), ni * sizeof(std::uint32_t));
  }
  for (std::uint32_t i : mesh.indices) {
    if (i >= n) r.fail("mesh " + mesh.name + " has an index past its vertices");
  }
  const std::uint8_t skinned = r.u8();
  if (skinned > 1) r.fail("mesh " + mesh.name + " has a bad skinning flag");
  if (skinned == 1) {
    mesh.skin_segments.resize(n);
    r.read(mesh.skin_segments.data(), n * sizeof(glm::u8vec4));
    for (const glm::u8vec4& s : mesh.skin_segments) {
      for (int c = 0; c < 4; ++c) {
        if (s[c] >= anatomy::kSegmentCount) r.fail("mesh " + mesh.name + " is skinned to an unknown segment");
      }
    }
    std::vector<std::uint16_t> weights(n * 4);
    r.read(weights.data(), weights.size() * sizeof(std::uint16_t));
    mesh.skin_weights.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      glm::vec4 w(weights[4 * i], weights[4 * i + 1], weights[4 * i + 2], weights[4 * i + 3]);
      w /= 65535.0f;
      const float sum = w.x + w.y + w.z + w.w;
      mesh.skin_weights[i] = sum > 0.0f ? w / sum : w;
    }
  }
  return mesh;
}

void writeModel(Writer& w, const BakedModel& baked) {
  const anatomy::Model& m = baked.model;
  const anatomy::BodyParams& body = m.skeleton.params();
  w.str(baked.key);
  w.u8(static_cast<std::uint8_t>(baked.lod));
  w.u8(static_cast<std::uint8_t>(body.sex));
  w.f64(body.stature_m);
  w.f64(body.mass_kg);
  w.f64(body.age_years);
  for (std::size_t s = 0; s < anatomy::kSegmentCount; ++s) {
    const anatomy::SegmentDef& seg = m.skeleton.segment(static_cast<anatomy::Segment>(s));
    for (int c = 0; c < 4; ++c) {
      for (int r = 0; r < 4; ++r) w.f64(seg.neutral_in_parent[c][r]);
    }
    w.f64(seg.mass_kg);
    for (int c = 0; c < 3; ++c) w.f64(seg.centre_of_mass[c]);
  }
  w.count(m.skeleton.landmarks().size());
  for (const anatomy::Landmark& l : m.skeleton.landmarks()) {
    w.str(l.name);
    w.u8(static_cast<std::uint8_t>(l.segment));
    for (int c = 0; c < 3; ++c) w.f64(l.position[c]);
  }
  w.count(m.parts.size());
  for (const anatomy::ModelPart& p : m.parts) {
    w.str(p.name);
    w.u8(static_cast<std::uint8_t>(p.kind));
    w.u8(static_cast<std::uint8_t>(p.segment));
    writeMesh(w, p.mesh);
  }
}

anatomy::Segment readSegment(Reader& r) {
  const std::uint8_t s = r.u8();
  if (s >= anatomy::kSegmentCount) r.fail("unknown segment " + std::to_string(s));
  return static_cast<anatomy::Segment>(s);
}

BakedModel readModel(Reader& r) {
  BakedModel baked;
  baked.key = r.str();
  const std::uint8_t lod = r.u8();
  if (lod > static_cast<std::uint8_t>(anatomy::Lod::kLow))
    r.fail("model " + baked.key + " has an unknown level of detail");
  baked.lod = static_cast<anatomy::Lod>(lod);
  anatomy::BodyParams body;
  const std::uint8_t sex = r.u8();
  if (sex > static_cast<std::uint8_t>(anatomy::Sex::kFemale))
    r.fail("model " + baked.key + " has an unknown sex");
  body.sex = static_cast<anatomy::Sex>(sex);
  body.stature_m = r.f64();
  body.mass_kg = r.f64();
  body.age_years = r.f64();
  std::array<anatomy::SegmentDef, anatomy::kSegmentCount> segments{};
  for (std::size_t s = 0; s < anatomy::kSegmentCount; ++s) {
    anatomy::SegmentDef& seg = segments[s];
    seg.id = static_cast<anatomy::Segment>(s);
    for (int c = 0; c < 4; ++c) {
      for (int row = 0; row < 4; ++row) seg.neutral_in_parent[c][row] = r.f64();
    }
    seg.mass_kg = r.f64();
    for (int c = 0; c < 3; ++c) seg.centre_of_mass[c] = r.f64();
  }
  std::vector<anatomy::Landmark> landmarks(r.count(4 + 1 + 24));
  for (anatomy::Landmark& l : landmarks) {
    l.name = r.str();
    l.segment = readSegment(r);
    for (int c = 0; c < 3; ++c) l.position[c] = r.f64();
  }
  baked.model.skeleton = anatomy::Skeleton(body, segments, std::move(landmarks));
  baked.model.parts.resize(r.count(4 + 2 + 4 + 4 + 4 + 1 + 24 + 1));
  for (anatomy::ModelPart& p : baked.model.parts) {
    p.name = r.str();
    const std::uint8_t kind = r.u8();
    if (kind > static_cast<std::uint8_t>(anatomy::PartKind::kBodyOutline))
      r.fail("part " + p.name + " has an unknown kind");
    p.kind = static_cast<anatomy::PartKind>(kind);
    p.segment = readSegment(r);
    p.mesh = readMesh(r);
  }
  return baked;
}

void writeMuscles(Writer& w, const std::vector<BakedMuscle>& muscles) {
  w.count(muscles.size());
  for (const BakedMuscle& m : muscles) {
    w.u8(m.id);
    w.str(m.display_name);
    w.count(m.fascicles.size());
    for (const BakedFascicle& f : m.fascicles) {
      w.str(f.label);
      if (f.points.size() > biomech::kMaxPathPoints)
        throw InputError("baked assets: a fascicle has too many points");
      w.u8(static_cast<std::uint8_t>(f.points.size()));
      for (const std::string& p : f.points) w.str(p);
      for (double v :
           {f.max_isometric_force_N, f.optimal_fibre_length_m, f.tendon_slack_length_m, f.pennation_deg,
            f.neutral_fibre_length_norm, f.passive_strain_at_zero, f.passive_strain_at_one}) {
        w.f64(v);
      }
      w.str(f.source);
      w.pod(static_cast<std::int32_t>(f.wrap_after_point));
      w.f64(f.wrap_centre_x_m);
      w.f64(f.wrap_centre_y_m);
      w.f64(f.wrap_radius_m);
      w.pod(static_cast<std::int32_t>(f.wrap_side));
    }
  }
}

std::vector<BakedMuscle> readMuscles(Reader& r) {
  std::vector<BakedMuscle> muscles(r.count(1 + 4 + 4));
  for (BakedMuscle& m : muscles) {
    m.id = r.u8();
    m.display_name = r.str();
    m.fascicles.resize(r.count(4 + 1 + 7 * 8 + 4 + 4 + 24 + 4));
    for (BakedFascicle& f : m.fascicles) {
      f.label = r.str();
      const std::uint8_t n = r.u8();
      if (n > biomech::kMaxPathPoints) r.fail("a fascicle of " + m.display_name + " has too many points");
      f.points.resize(n);
      for (std::string& p : f.points) p = r.str();
      f.max_isometric_force_N = r.f64();
      f.optimal_fibre_length_m = r.f64();
      f.tendon_slack_length_m = r.f64();
      f.pennation_deg = r.f64();
      f.neutral_fibre_length_norm = r.f64();
      f.passive_strain_at_zero = r.f64();
      f.passive_strain_at_one = r.f64();
      f.source = r.str();
      f.wrap_after_point = r.pod<std::int32_t>();
      f.wrap_centre_x_m = r.f64();
      f.wrap_centre_y_m = r.f64();
      f.wrap_radius_m = r.f64();
      f.wrap_side = r.pod<std::int32_t>();
    }
  }
  return muscles;
}

}  // namespace

const BakedModel* BakedAssets::find(anatomy::Lod lod, anatomy::Sex sex) const {
  for (const BakedModel& m : models) {
    if (m.lod == lod && m.model.skeleton.params().sex == sex) return &m;
  }
  return nullptr;
}

std::vector<BakedMuscle> currentMuscleTable() {
  std::vector<BakedMuscle> out;
  for (const biomech::MuscleDef& def : biomech::muscleTable()) {
    BakedMuscle m;
    m.id = static_cast<std::uint8_t>(def.id);
    m.display_name = std::string(def.display_name);
    for (const biomech::FascicleDef& fd : def.fascicles) {
      BakedFascicle f;
      f.label = std::string(fd.label);
      for (std::size_t i = 0; i < fd.point_count; ++i) f.points.emplace_back(fd.points[i]);
      f.max_isometric_force_N = fd.max_isometric_force_N;
      f.optimal_fibre_length_m = fd.optimal_fibre_length_m;
      f.tendon_slack_length_m = fd.tendon_slack_length_m;
      f.pennation_deg = fd.pennation_deg;
      f.neutral_fibre_length_norm = fd.neutral_fibre_length_norm;
      f.passive_strain_at_zero = fd.passive_strain_at_zero;
      f.passive_strain_at_one = fd.passive_strain_at_one;
      f.source = std::string(fd.source);
      f.wrap_after_point = fd.wrap.after_point;
      f.wrap_centre_x_m = fd.wrap.centre_x_m;
      f.wrap_centre_y_m = fd.wrap.centre_y_m;
      f.wrap_radius_m = fd.wrap.radius_m;
      f.wrap_side = fd.wrap.side;
      m.fascicles.push_back(std::move(f));
    }
    out.push_back(std::move(m));
  }
  return out;
}

std::vector<std::byte> bakeAssets(const BakedAssets& assets) {
  Writer payload;
  payload.count(assets.models.size());
  for (const BakedModel& m : assets.models) writeModel(payload, m);
  writeMuscles(payload, assets.muscles);

  Writer w;
  for (char c : kMagic) w.pod(c);
  w.u32(kBakedFormatVersion);
  w.u32(0);
  w.pod(static_cast<std::uint64_t>(payload.out.size()));
  w.pod(fnv1a64(payload.out));
  w.out.insert(w.out.end(), payload.out.begin(), payload.out.end());
  return w.out;
}

BakedAssets readBakedAssets(std::span<const std::byte> bytes, const std::string& what) {
  if (bytes.size() < kHeaderSize || std::memcmp(bytes.data(), kMagic.data(), kMagic.size()) != 0) {
    throw InputError(what + " is not a Sagitta baked-assets file (no SGTBAKE header)");
  }
  std::uint32_t version = 0;
  std::uint64_t size = 0, sum = 0;
  std::memcpy(&version, bytes.data() + 8, 4);
  std::memcpy(&size, bytes.data() + 16, 8);
  std::memcpy(&sum, bytes.data() + 24, 8);
  if (version != kBakedFormatVersion) {
    throw InputError(what + " has format version " + std::to_string(version) +
                     "; this Sagitta reads version " + std::to_string(kBakedFormatVersion) +
                     " (bake the assets again)");
  }
  const std::span<const std::byte> payload = bytes.subspan(kHeaderSize);
  if (payload.size() != size) {
    throw InputError(what + " is truncated: the header promises " + std::to_string(size) +
                     " bytes of data, " + std::to_string(payload.size()) + " are there");
  }
  if (fnv1a64(payload) != sum) throw InputError(what + " is corrupt (checksum mismatch)");

  Reader r(payload, what);
  BakedAssets out;
  out.models.resize(r.count(64));
  for (BakedModel& m : out.models) m = readModel(r);
  out.muscles = readMuscles(r);
  if (!r.done()) r.fail("there are bytes after the muscle table");
  return out;
}

void checkMuscleTable(const BakedAssets& assets, const std::string& what) {
  const std::vector<BakedMuscle> current = currentMuscleTable();
  if (assets.muscles.size() != current.size()) {
    throw InputError(what + " holds " + std::to_string(assets.muscles.size()) + " muscles, this Sagitta " +
                     std::to_string(current.size()) + "; bake the assets again");
  }
  for (std::size_t i = 0; i < current.size(); ++i) {
    if (!(assets.muscles[i] == current[i])) {
      throw InputError(what + ": the muscle table differs from this Sagitta's at " + current[i].display_name +
                       "; bake the assets again");
    }
  }
}

BakedAssets collectShippedAssets(std::span<const anatomy::Lod> lods) {
  BakedAssets out;
  for (anatomy::Lod lod : lods) {
    for (anatomy::Sex sex : {anatomy::Sex::kMale, anatomy::Sex::kFemale}) {
      BakedModel m;
      m.key = sex == anatomy::Sex::kFemale ? "female" : "default";
      m.lod = lod;
      m.model = anatomy::loadBuiltinModel(lod, sex);
      m.model.warnings.clear();
      out.models.push_back(std::move(m));
    }
  }
  out.muscles = currentMuscleTable();
  return out;
}

namespace {
std::unique_ptr<BakedAssets>& installed() {
  static std::unique_ptr<BakedAssets> assets;
  return assets;
}
std::optional<anatomy::Model> bakedProvider(anatomy::Lod lod, anatomy::Sex sex) {
  const std::unique_ptr<BakedAssets>& a = installed();
  if (!a) return std::nullopt;
  const BakedModel* m = a->find(lod, sex);
  if (m == nullptr && lod == anatomy::Lod::kLow) m = a->find(anatomy::Lod::kDefault, sex);
  if (m == nullptr) return std::nullopt;
  return m->model;
}
}  // namespace

void installBakedAssets(BakedAssets assets) {
  installed() = std::make_unique<BakedAssets>(std::move(assets));
  anatomy::setBuiltinModelProvider(&bakedProvider);
}

}  // namespace sagitta::web
