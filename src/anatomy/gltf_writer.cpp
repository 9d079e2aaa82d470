#include "anatomy/gltf_writer.h"

#include <array>
#include <cstring>
#include <limits>
#include <stdexcept>

namespace sagitta::anatomy {
namespace {

using nlohmann::json;

constexpr int kFloat = 5126, kUnsignedByte = 5121, kUnsignedShort = 5123, kUnsignedInt = 5125;
constexpr int kArrayBuffer = 34962, kElementArrayBuffer = 34963;

class Buffers {
 public:
  // appends raw bytes as a new buffer view (4-byte aligned) and returns its index
  template <class T>
  int view(const std::vector<T>& data, int target) {
    while (bin_.size() % 4 != 0) bin_.push_back(0);
    const std::size_t offset = bin_.size();
    const std::size_t bytes = data.size() * sizeof(T);
    bin_.resize(offset + bytes);
    if (bytes > 0) std::memcpy(bin_.data() + offset, data.data(), bytes);
    json v = {{"buffer", 0}, {"byteOffset", offset}, {"byteLength", bytes}};
    if (target != 0) v["target"] = target;
    views_.push_back(v);
    return static_cast<int>(views_.size() - 1);
  }
  int accessor(int view, int component, std::size_t count, const char* type, json extra = json::object()) {
    json a = {{"bufferView", view}, {"componentType", component}, {"count", count}, {"type", type}};
    for (auto it = extra.begin(); it != extra.end(); ++it) a[it.key()] = it.value();
    accessors_.push_back(a);
    return static_cast<int>(accessors_.size() - 1);
  }
  std::vector<std::uint8_t>& bin() { return bin_; }
  const json& views() const { return views_; }
  const json& accessors() const { return accessors_; }

 private:
  std::vector<std::uint8_t> bin_;
  json views_ = json::array();
  json accessors_ = json::array();
};

json matrixJson(const glm::dmat4& m) {
  json a = json::array();
  for (int c = 0; c < 4; ++c) {
    for (int r = 0; r < 4; ++r) a.push_back(m[c][r]);
  }
  return a;
}

void appendChunk(std::vector<std::uint8_t>& out, std::uint32_t type, const std::vector<std::uint8_t>& data) {
  auto u32 = [&](std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
  };
  u32(static_cast<std::uint32_t>(data.size()));
  u32(type);
  out.insert(out.end(), data.begin(), data.end());
}

}  // namespace

std::vector<std::uint8_t> writeGlb(const GlbPart& part) {
  if (part.mesh == nullptr || part.mesh->empty())
    throw std::invalid_argument("glb part " + part.name + " has no triangles");
  const MeshData& m = *part.mesh;
  const bool skinned = m.skinned();
  if (skinned && part.skeleton == nullptr)
    throw std::invalid_argument("skinned glb part " + part.name + " needs a skeleton");

  Buffers buf;
  glm::vec3 lo(std::numeric_limits<float>::max()), hi(-std::numeric_limits<float>::max());
  for (const glm::vec3& p : m.positions) {
    lo = glm::min(lo, p);
    hi = glm::max(hi, p);
  }
  json attributes;
  attributes["POSITION"] =
      buf.accessor(buf.view(m.positions, kArrayBuffer), kFloat, m.positions.size(), "VEC3",
                   {{"min", {double(lo.x), double(lo.y), double(lo.z)}},
                    {"max", {double(hi.x), double(hi.y), double(hi.z)}}});
  attributes["NORMAL"] = buf.accessor(buf.view(m.normals, kArrayBuffer), kFloat, m.normals.size(), "VEC3");
  if (skinned) {
    attributes["JOINTS_0"] =
        buf.accessor(buf.view(m.skin_segments, kArrayBuffer), kUnsignedByte, m.skin_segments.size(), "VEC4");
    attributes["WEIGHTS_0"] =
        buf.accessor(buf.view(m.skin_weights, kArrayBuffer), kFloat, m.skin_weights.size(), "VEC4");
  }
  // 16-bit indices when they fit: half the bytes for almost every part
  int indices = 0;
  if (m.positions.size() <= 65535) {
    std::vector<std::uint16_t> small;
    small.reserve(m.indices.size());
    for (const std::uint32_t i : m.indices) small.push_back(static_cast<std::uint16_t>(i));
    indices = buf.accessor(buf.view(small, kElementArrayBuffer), kUnsignedShort, small.size(), "SCALAR");
  } else {
    indices =
        buf.accessor(buf.view(m.indices, kElementArrayBuffer), kUnsignedInt, m.indices.size(), "SCALAR");
  }

  json nodes = json::array();
  json mesh_node = {{"name", part.name}, {"mesh", 0}};
  if (!part.extras.is_null()) mesh_node["extras"] = part.extras;
  nodes.push_back(mesh_node);
  json children = json::array();
  for (const GlbLandmark& l : part.landmarks) {
    children.push_back(nodes.size());
    nodes.push_back({{"name", std::string(kLandmarkNodePrefix) + l.name},
                     {"translation", {l.position.x, l.position.y, l.position.z}}});
  }
  if (!children.empty()) nodes[0]["children"] = children;
  json scene_nodes = json::array({0});

  json doc;
  if (skinned) {
    // one joint per segment, in Segment order (JOINTS_0 holds Segment indices), nested as the
    // skeleton's hierarchy with each segment's neutral frame in its parent
    const std::size_t base = nodes.size();
    std::array<json, kSegmentCount> joint_children;
    for (std::size_t i = 0; i < kSegmentCount; ++i) {
      const auto seg = static_cast<Segment>(i);
      if (seg != Segment::kPelvis)
        joint_children[static_cast<std::size_t>(parentOf(seg))].push_back(base + i);
    }
    std::vector<float> ibm;
    const auto world = worldTransforms(*part.skeleton, Pose{});
    json joints = json::array();
    for (std::size_t i = 0; i < kSegmentCount; ++i) {
      const auto seg = static_cast<Segment>(i);
      json j = {{"name", std::string(kSegmentNodePrefix) + std::string(segmentName(seg))},
                {"matrix", matrixJson(part.skeleton->segment(seg).neutral_in_parent)}};
      if (!joint_children[i].is_null()) j["children"] = joint_children[i];
      nodes.push_back(j);
      joints.push_back(base + i);
      const glm::dmat4 inv = glm::inverse(world[i]);
      for (int c = 0; c < 4; ++c) {
        for (int r = 0; r < 4; ++r) ibm.push_back(static_cast<float>(inv[c][r]));
      }
    }
    const int ibm_accessor = buf.accessor(buf.view(ibm, 0), kFloat, kSegmentCount, "MAT4");
    doc["skins"] =
        json::array({{{"joints", joints}, {"inverseBindMatrices", ibm_accessor}, {"skeleton", base}}});
    nodes[0]["skin"] = 0;
    scene_nodes.push_back(base);
  }

  doc["asset"] = {
      {"version", "2.0"},
      {"generator", "Sagitta anatomy generator"},
      {"extras",
       {{"units", "metres"},
        {"axes", "+X anterior, +Y up, +Z right (OpenSim convention)"},
        {"frame", skinned ? "world at the neutral standing pose (bind pose)" : "the part's segment frame"}}}};
  doc["scene"] = 0;
  doc["scenes"] = json::array({{{"nodes", scene_nodes}}});
  doc["nodes"] = nodes;
  doc["meshes"] = json::array(
      {{{"name", part.name},
        {"primitives", json::array({{{"attributes", attributes}, {"indices", indices}, {"mode", 4}}})}}});
  doc["accessors"] = buf.accessors();
  doc["bufferViews"] = buf.views();
  while (buf.bin().size() % 4 != 0) buf.bin().push_back(0);
  doc["buffers"] = json::array({{{"byteLength", buf.bin().size()}}});

  std::string text = doc.dump();
  while (text.size() % 4 != 0) text.push_back(' ');
  const std::vector<std::uint8_t> json_bytes(text.begin(), text.end());
  std::vector<std::uint8_t> out;
  const std::uint32_t total = 12 + 8 + static_cast<std::uint32_t>(json_bytes.size()) + 8 +
                              static_cast<std::uint32_t>(buf.bin().size());
  for (const std::uint32_t v : {0x46546C67u, 2u, total}) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
  }
  appendChunk(out, 0x4E4F534Au, json_bytes);  // "JSON"
  appendChunk(out, 0x004E4942u, buf.bin());   // "BIN\0"
  return out;
}

}  // namespace sagitta::anatomy
