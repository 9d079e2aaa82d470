// The frame builder is a pure function of its inputs: the same inputs give the same draw list,
// its contents follow the view options, and the parts and landmarks it reads are resolved once
// per model (both shipped bodies), with a clear error for a model that lacks one.
#include "scene/frame_builder.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string>

#include <gtest/gtest.h>

#include "biomech/measures.h"
#include "scene/body_draw.h"
#include "scene/document.h"
#include "scene/label_visibility.h"
#include "scene/presets.h"
#include "scene/session.h"

using namespace sagitta;
using scene::FrameContent;

namespace {

scene::Session& session() {
  static scene::Session s(anatomy::loadBuiltinModel(anatomy::Lod::kLow));
  return s;
}

// The frame of a document from its own named view, at rest.
FrameContent frameOf(const scene::Document& document, scene::FrameScratch& scratch) {
  session().show(document);
  session().settle();
  const scene::Camera camera = session().cameraFor(document.view, 1.5f);
  return scene::buildFrame(session().frameInputs(camera), scratch);
}

scene::Document preset(const std::string& name) {
  const scene::Preset* p = scene::findPreset(name);
  EXPECT_NE(p, nullptr) << name;
  return p->document;
}

std::size_t count(const scene::DrawList& list, scene::Material material) {
  return static_cast<std::size_t>(
      std::count_if(list.items.begin(), list.items.end(),
                    [&](const scene::DrawItem& i) { return i.material == material; }));
}

// A landmark where the session's shown pose puts it.
glm::vec3 posedLandmark(scene::LandmarkId id) {
  const auto world = anatomy::worldTransforms(session().model().skeleton, session().shownPose());
  return scene::landmarkWorld(session().model().skeleton, id, world);
}

// Whether `p` is among the points no value box covers.
bool keptClearOfValues(const scene::DrawList& list, const glm::vec3& p) {
  return std::any_of(list.value_clear_points.begin(), list.value_clear_points.end(),
                     [&](const glm::vec3& q) { return glm::distance(p, q) < 1e-5f; });
}

bool hasLabel(const scene::DrawList& list, const std::string& text) {
  return std::any_of(list.labels.begin(), list.labels.end(),
                     [&](const scene::Label& l) { return l.text == text; });
}

void expectSameList(const scene::DrawList& a, const scene::DrawList& b) {
  ASSERT_EQ(a.items.size(), b.items.size());
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    EXPECT_EQ(a.items[i].mesh, b.items[i].mesh) << i;
    EXPECT_EQ(a.items[i].model, b.items[i].model) << i;
    EXPECT_EQ(a.items[i].colour, b.items[i].colour) << i;
    EXPECT_EQ(a.items[i].opacity, b.items[i].opacity) << i;
    EXPECT_EQ(a.items[i].flags, b.items[i].flags) << i;
    EXPECT_EQ(a.items[i].part, b.items[i].part) << i;
  }
  ASSERT_EQ(a.labels.size(), b.labels.size());
  for (std::size_t i = 0; i < a.labels.size(); ++i) {
    EXPECT_EQ(a.labels[i].text, b.labels[i].text);
    EXPECT_EQ(a.labels[i].anchor, b.labels[i].anchor) << a.labels[i].text;
    EXPECT_EQ(a.labels[i].hidden, b.labels[i].hidden) << a.labels[i].text;
  }
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    EXPECT_EQ(a.lines[i].a, b.lines[i].a);
    EXPECT_EQ(a.lines[i].b, b.lines[i].b);
  }
  EXPECT_EQ(a.focus_points, b.focus_points);
}

}  // namespace

TEST(FrameBuilder, TheSameInputsGiveTheSameFrame) {
  // a slip with the neutral posture side by side: muscles, nerves, arrow, lines, labels, two lists
  scene::Document d = preset("isthmic-l5s1-grade-2");
  d.view.ghost = scene::Ghost::kSideBySide;
  session().show(d);
  session().settle();
  const scene::FrameInputs in = session().frameInputs(session().cameraFor(d.view, 1.5f));
  scene::FrameScratch& scratch = session().frameScratch();
  const FrameContent a = scene::buildFrame(in, scratch);
  const FrameContent b = scene::buildFrame(in, scratch);
  ASSERT_FALSE(a.list.items.empty());
  ASSERT_FALSE(a.list.labels.empty());
  expectSameList(a.list, b.list);
  ASSERT_TRUE(a.compare && b.compare);
  expectSameList(*a.compare, *b.compare);
  EXPECT_EQ(a.captions.badges, b.captions.badges);
  // and the session's shorthand is the same function
  expectSameList(a.list, session().frame(in.camera).list);
}

TEST(FrameBuilder, ContentsSwitchWithTheViewOptions) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("isthmic-l5s1-grade-2");
  d.view.muscles = d.view.nerves = d.view.labels = true;
  const FrameContent all = frameOf(d, scratch);
  EXPECT_GT(count(all.list, scene::Material::kMuscle), 0u);
  EXPECT_GT(count(all.list, scene::Material::kNerve), 0u);
  EXPECT_GT(count(all.list, scene::Material::kBone), 0u);
  EXPECT_FALSE(all.list.lines.empty());  // lateral: the radiograph lines
  EXPECT_TRUE(hasLabel(all.list, "ASIS"));
  EXPECT_TRUE(hasLabel(all.list, "L5"));
  EXPECT_FALSE(all.compare.has_value());

  scene::Document off = d;
  off.view.muscles = false;
  off.view.nerves = false;
  off.view.labels = false;
  const FrameContent bare = frameOf(off, scratch);
  EXPECT_EQ(count(bare.list, scene::Material::kMuscle), 0u);
  EXPECT_EQ(count(bare.list, scene::Material::kNerve), 0u);
  EXPECT_EQ(count(bare.list, scene::Material::kBone), count(all.list, scene::Material::kBone));
  EXPECT_FALSE(hasLabel(bare.list, "ASIS"));
  EXPECT_FALSE(hasLabel(bare.list, "L5"));

  scene::Document no_bones = d;
  no_bones.view.bones = false;
  EXPECT_EQ(count(frameOf(no_bones, scratch).list, scene::Material::kBone), 0u);

  // seen from the front the radiograph lines are not drawn (they would be misread)
  scene::Document front = d;
  front.view.camera_view = scene::CameraView::kAnterior;
  EXPECT_TRUE(frameOf(front, scratch).list.lines.empty());

  // the ghost: the neutral bones drawn see-through over the shown ones
  scene::Document ghost = d;
  ghost.view.ghost = scene::Ghost::kOverlay;
  const FrameContent g = frameOf(ghost, scratch);
  const auto ghosts = std::count_if(g.list.items.begin(), g.list.items.end(), [](const scene::DrawItem& i) {
    return i.material == scene::Material::kPlain && i.opacity < 0.3f && i.part >= 0;
  });
  EXPECT_GT(ghosts, 0);
  EXPECT_FALSE(g.captions.badges.empty());

  scene::Document side = d;
  side.view.ghost = scene::Ghost::kSideBySide;
  const FrameContent s = frameOf(side, scratch);
  ASSERT_TRUE(s.compare.has_value());
  EXPECT_GT(count(*s.compare, scene::Material::kBone), 0u);
  EXPECT_EQ(s.title, "Current");
}

TEST(FrameBuilder, PartsAndLandmarksResolveForBothShippedBodies) {
  for (const anatomy::Sex sex : {anatomy::Sex::kMale, anatomy::Sex::kFemale}) {
    const anatomy::Model model = anatomy::loadBuiltinModel(anatomy::Lod::kLow, sex);
    const scene::ModelIds ids = scene::resolveModelIds(model);
    const auto& landmarks = model.skeleton.landmarks();
    EXPECT_EQ(landmarks.at(ids.asis[0]).name, "asis_l");
    EXPECT_EQ(landmarks.at(ids.asis[1]).name, "asis_r");
    EXPECT_EQ(landmarks.at(ids.knee_centre[1]).name, "knee_centre_r");
    EXPECT_EQ(landmarks.at(ids.coccyx_tip).name, "coccyx_tip");
    EXPECT_EQ(landmarks.at(ids.superior_endplate_anterior[4]).name, "l5_superior_endplate_anterior");
    EXPECT_EQ(landmarks.at(ids.spinous_tip[2]).name, "l3_spinous_tip");
    EXPECT_EQ(landmarks.at(ids.measures.s1_anterior).name, "s1_endplate_anterior");
    ASSERT_NE(ids.hip_bone[0], scene::kNoPart);
    ASSERT_NE(ids.hip_bone[1], scene::kNoPart);
    EXPECT_EQ(model.parts.at(static_cast<std::size_t>(ids.hip_bone[0])).name, "os_coxae_l");
    EXPECT_EQ(model.parts.at(static_cast<std::size_t>(ids.hip_bone[1])).name, "os_coxae_r");
    std::vector<std::string> arches;
    for (std::size_t i = 0; i < model.parts.size(); ++i) {
      if (ids.posterior_arch.at(i)) arches.push_back(model.parts[i].name);
    }
    EXPECT_EQ(arches, (std::vector<std::string>{"l4_arch", "l5_arch"}));
  }
}

TEST(FrameBuilder, AModelWithoutALandmarkTheFrameNeedsIsRefusedByName) {
  anatomy::Model model;
  const anatomy::Skeleton full = anatomy::buildSkeleton();
  std::vector<anatomy::Landmark> landmarks = full.landmarks();
  std::erase_if(landmarks, [](const anatomy::Landmark& l) { return l.name == "iliac_crest_top_r"; });
  std::array<anatomy::SegmentDef, anatomy::kSegmentCount> segments{};
  for (std::size_t i = 0; i < anatomy::kSegmentCount; ++i)
    segments[i] = full.segment(static_cast<anatomy::Segment>(i));
  model.skeleton = anatomy::Skeleton(full.params(), segments, landmarks);
  try {
    (void)scene::resolveModelIds(model);
    FAIL() << "a model without iliac_crest_top_r was accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("iliac_crest_top_r"), std::string::npos) << e.what();
  }
  // the session refuses it the same way, before anything is drawn
  EXPECT_THROW(scene::Session{std::move(model)}, std::invalid_argument);
}

TEST(FrameBuilder, AModelWithoutMeshesHasNoPartsToDraw) {
  anatomy::Model model;
  model.skeleton = anatomy::buildSkeleton();
  const scene::ModelIds ids = scene::resolveModelIds(model);
  EXPECT_EQ(ids.hip_bone[0], scene::kNoPart);
  EXPECT_TRUE(ids.posterior_arch.empty());
}

TEST(FrameBuilder, LabelsBehindBoneAreCastOnlyWhenTheViewChanges) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("isthmic-l5s1-grade-2");
  d.view.camera_view = scene::CameraView::kAnterior;  // from the front some landmarks are behind bone
  session().show(d);
  session().settle();
  const scene::Camera camera = session().cameraFor(d.view, 1.5f);
  const scene::FrameInputs in = session().frameInputs(camera, {}, {1200, 800});
  const FrameContent first = scene::buildFrame(in, scratch);
  const std::size_t casts = scratch.visibility.casts();
  // the cached result is the one a fresh ray cast gives
  scene::DrawList fresh = first.list;
  for (scene::Label& l : fresh.labels) l.hidden = false;
  scene::markHiddenLabels(fresh, session().meshes(), camera, scene::cutawayPlane(d.view, camera));
  for (std::size_t i = 0; i < fresh.labels.size(); ++i)
    EXPECT_EQ(fresh.labels[i].hidden, first.list.labels[i].hidden);
  EXPECT_TRUE(std::any_of(first.list.labels.begin(), first.list.labels.end(),
                          [](const scene::Label& l) { return l.hidden; }));

  // at rest: no ray is cast again, the labels hidden are the same
  const auto time = [&](const scene::FrameInputs& inputs, int n) {
    const auto t0 = std::chrono::steady_clock::now();
    for (int k = 0; k < n; ++k) (void)scene::buildFrame(inputs, scratch);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
  };
  const double rest_ms = time(in, 5);
  EXPECT_EQ(scratch.visibility.casts(), casts);
  expectSameList(first.list, scene::buildFrame(in, scratch).list);

  // a moved camera casts again
  scene::Camera moved = camera;
  moved.orbit(0.2f, 0.0f);
  const scene::FrameContent turned =
      scene::buildFrame(session().frameInputs(moved, {}, {1200, 800}), scratch);
  EXPECT_EQ(scratch.visibility.casts(), casts + 1);
  // as do a new viewport and a moved pose
  (void)scene::buildFrame(session().frameInputs(camera, {}, {640, 480}), scratch);
  EXPECT_EQ(scratch.visibility.casts(), casts + 2);
  session().settle();  // a new pose revision
  (void)scene::buildFrame(session().frameInputs(camera, {}, {640, 480}), scratch);
  EXPECT_EQ(scratch.visibility.casts(), casts + 3);

  // before: every frame casts (a new key each time); after: a view at rest casts nothing
  scene::Camera cam = camera;
  const auto t0 = std::chrono::steady_clock::now();
  constexpr int kFrames = 5;
  for (int k = 0; k < kFrames; ++k) {
    cam.orbit(1e-4f, 0.0f);
    (void)scene::buildFrame(session().frameInputs(cam, {}, {1200, 800}), scratch);
  }
  const double moving_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / kFrames;
  std::printf("[ frame ] buildFrame per frame: %.2f ms casting label rays, %.2f ms at rest (cached)\n",
              moving_ms, rest_ms);
  RecordProperty("frame_ms_casting", std::to_string(moving_ms));
  RecordProperty("frame_ms_at_rest", std::to_string(rest_ms));
}

// Issue 16: the cache casts through a bounding-volume hierarchy per bone mesh; it must answer
// exactly as trying every triangle does (markHiddenLabels), for points all over the skeleton
// (on the surface, inside and beside the bones), from every side, with and without the cutaway.
TEST(FrameBuilder, LabelRaysThroughTheHierarchyAnswerAsEveryTriangleDoes) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("isthmic-l5s1-grade-2");
  session().show(d);
  session().settle();
  const FrameContent frame =
      scene::buildFrame(session().frameInputs(session().cameraFor(d.view, 1.5f)), scratch);
  // points: vertices of every bone (moved a little off the surface both ways) and their centres
  scene::DrawList probe = frame.list;
  probe.labels.clear();
  std::uint32_t k = 0;
  for (const scene::DrawItem& item : probe.items) {
    if (item.material != scene::Material::kBone || item.skin >= 0) continue;
    const anatomy::MeshData& mesh = session().meshes().mesh(item.mesh);
    for (std::size_t v = 0; v < mesh.positions.size(); v += 97, ++k) {
      const glm::vec3 n = v < mesh.normals.size() ? mesh.normals[v] : glm::vec3(0.0f);
      const float off = (k % 3 == 0 ? 0.0f : (k % 3 == 1 ? 0.004f : -0.004f));
      scene::Label l;
      l.anchor = glm::vec3(item.model * glm::vec4(mesh.positions[v] + off * n, 1.0f));
      probe.labels.push_back(l);
    }
  }
  ASSERT_GT(probe.labels.size(), 500u);
  int hidden = 0, compared = 0;
  for (const bool cutaway : {false, true}) {
    for (const scene::CameraView view : {scene::CameraView::kAnterior, scene::CameraView::kLateral,
                                         scene::CameraView::kPosterior, scene::CameraView::kOblique}) {
      scene::ViewState v = d.view;
      v.camera_view = view;
      v.cutaway = cutaway;
      const scene::Camera camera = session().cameraFor(v, 1.5f);
      const glm::vec4 cut = scene::cutawayPlane(v, camera);
      scene::DrawList brute = probe, fast = probe;
      scene::markHiddenLabels(brute, session().meshes(), camera, cut);
      scene::LabelVisibilityCache cache;
      cache.mark(fast, session().meshes(), scene::VisibilityKey{1, 1, camera, {1200, 800}, cut, 0});
      for (std::size_t i = 0; i < brute.labels.size(); ++i) {
        ASSERT_EQ(fast.labels[i].hidden, brute.labels[i].hidden)
            << "point " << i << ", view " << static_cast<int>(view) << ", cutaway " << cutaway;
        hidden += brute.labels[i].hidden ? 1 : 0;
        ++compared;
      }
    }
  }
  // both answers occur: the comparison is not all "visible" or all "hidden"
  EXPECT_GT(hidden, compared / 10);
  EXPECT_LT(hidden, compared * 9 / 10);
}

// Issue 16: muscle and nerve meshes are re-tessellated (and re-uploaded: a new mesh version)
// only when their path changes, not in every frame of a turning camera.
TEST(FrameBuilder, AFrameWhereOnlyTheCameraMovedReshapesNoMuscle) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d;  // the default view: the muscles of the near side
  session().show(d);
  session().settle();
  const auto versions = [&](const scene::Camera& camera) {
    std::vector<std::uint64_t> out;
    for (const scene::DrawItem& item : scene::buildFrame(session().frameInputs(camera), scratch).list.items) {
      if (item.material == scene::Material::kMuscle || item.material == scene::Material::kNerve)
        out.push_back(session().meshes().version(item.mesh));
    }
    return out;
  };
  scene::Camera camera = session().cameraFor(d.view, 1.5f);
  const std::vector<std::uint64_t> before = versions(camera);
  ASSERT_GT(before.size(), 10u);
  camera.orbit(0.05f, 0.02f);
  EXPECT_EQ(versions(camera), before);
  // a new posture reshapes them
  scene::setKey(d, "muscles.hip_flexors.tightness", 0.9);
  session().show(d);
  session().settle();
  const std::vector<std::uint64_t> after = versions(camera);
  ASSERT_EQ(after.size(), before.size());
  EXPECT_NE(after, before);
}

// Issue 16 review: in every slip preset (midsagittal cutaway) the rays toward the eye met the
// half that is cut away, so L4, L5, the sacrum, ASIS and PSIS were "behind bone" and the slip
// was shown without a name on the slipped vertebra.
TEST(FrameBuilder, TheCutawayHidesNoLandmarkBehindTheHalfItRemoves) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"isthmic-l5s1-grade-2", "spondylolysis-l5", "degenerative-l4l5"}) {
    SCOPED_TRACE(name);
    const FrameContent f = frameOf(preset(name), scratch);
    for (const char* text : {"L4", "L5"}) {
      const auto it = std::find_if(f.list.labels.begin(), f.list.labels.end(),
                                   [&](const scene::Label& l) { return l.text == text; });
      ASSERT_NE(it, f.list.labels.end()) << text;
      EXPECT_FALSE(it->hidden) << text << " is on the cut face, in plain view";
    }
  }
}

// C7 is named where the plumb line hangs from it or the lesson shows the chest; on the faded
// thorax of a pelvis lesson (or off the top of the frame) its name points at nothing taught.
TEST(FrameBuilder, C7IsNamedOnlyWhereTheLessonOrThePlumbLineUsesIt) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("anterior-pelvic-tilt");
  d.view.plumb_line = false;
  EXPECT_FALSE(hasLabel(frameOf(d, scratch).list, "C7"));
  d.view.plumb_line = true;
  EXPECT_TRUE(hasLabel(frameOf(d, scratch).list, "C7"));
  d.view.plumb_line = false;
  d.view.show_all = true;
  EXPECT_TRUE(hasLabel(frameOf(d, scratch).list, "C7"));
}

// Review (stop 32): from the front the midsagittal cutaway showed half a skeleton, cut along the
// line of sight, its nerves hanging in the air. The section is made from the side (lateral and the
// 45-deg oblique views keep it whole), not from the front, back or top, and an orbiting camera
// sees the cut plane slide out rather than jump.
TEST(FrameBuilder, TheCutawayIsASideViewAndSlidesAwayAsTheCameraTurnsToTheFront) {
  scene::Document d = preset("isthmic-l5s1-grade-4");
  ASSERT_TRUE(d.view.cutaway);
  auto plane = [&](scene::CameraView view) {
    scene::ViewState v = d.view;
    v.camera_view = view;
    return scene::cutawayPlane(v, session().cameraFor(v, 1.6f));
  };
  for (scene::CameraView view : {scene::CameraView::kLateral, scene::CameraView::kLateralLeft,
                                 scene::CameraView::kLateralRight, scene::CameraView::kOblique}) {
    const glm::vec4 p = plane(view);
    EXPECT_EQ(std::abs(p.z), 1.0f) << static_cast<int>(view);
    EXPECT_EQ(p.w, 0.0f) << "midsagittal, view " << static_cast<int>(view);
  }
  for (scene::CameraView view :
       {scene::CameraView::kAnterior, scene::CameraView::kPosterior, scene::CameraView::kSuperior}) {
    EXPECT_EQ(plane(view), glm::vec4(0.0f)) << "no section, view " << static_cast<int>(view);
  }
  // a quarter turn from the side to the front, a degree a step: the plane moves out by at most a
  // few centimetres a degree, and the near half is labelled on the far side only while it is cut
  scene::ViewState v = d.view;
  v.camera_view = scene::CameraView::kLateral;
  scene::Camera camera = session().cameraFor(v, 1.6f);
  glm::vec4 last = scene::cutawayPlane(v, camera);
  bool none = false;
  for (int step = 0; step < 120; ++step) {
    camera.orbit(glm::radians(1.0f), 0.0f);
    const glm::vec4 p = scene::cutawayPlane(v, camera);
    none |= p == glm::vec4(0.0f);
    if (p != glm::vec4(0.0f) && last != glm::vec4(0.0f)) {
      EXPECT_LT(std::abs(p.w - last.w), 0.04f) << "step " << step;
    }
    EXPECT_EQ(scene::cutawayRemovesNearHalf(v, camera),
              p != glm::vec4(0.0f) && p.w < scene::kCutawayNearHalf_m);
    last = p;
  }
  EXPECT_TRUE(none) << "somewhere on the way to the front the section is gone";
}

// Review (stop 32): the spondylolysis lesson is about a crack in the pars, and nothing named it.
// A pars defect (spondylolysis, isthmic slip) is labelled at the slipping vertebra's pars, in plain
// words in patient mode; an intact spine has no such label.
TEST(FrameBuilder, AParsDefectIsNamedAtThePars) {
  scene::FrameScratch& scratch = session().frameScratch();
  auto parsLabel = [](const FrameContent& f) {
    return std::find_if(f.list.labels.begin(), f.list.labels.end(),
                        [](const scene::Label& l) { return l.text.find("pars") != std::string::npos; });
  };
  for (const char* name : {"spondylolysis-l5", "isthmic-l5s1-grade-2"}) {
    for (const scene::Mode mode : {scene::Mode::kExpert, scene::Mode::kPatient}) {
      scene::Document d = preset(name);
      d.view.mode = mode;
      const FrameContent f = frameOf(d, scratch);
      const auto label = parsLabel(f);
      ASSERT_NE(label, f.list.labels.end()) << name;
      EXPECT_NE(label->text.find("L5"), std::string::npos) << label->text;
      EXPECT_EQ(label->text.find("spondylolysis") != std::string::npos, mode != scene::Mode::kPatient)
          << label->text;
      // at one of L5's two pars, as posed
      const anatomy::Skeleton& skeleton = session().model().skeleton;
      const auto world = anatomy::worldTransforms(skeleton, session().shownPose());
      float nearest = 1e9f;
      for (const char* side : {"l5_pars_l", "l5_pars_r"})
        nearest = std::min(
            nearest,
            glm::distance(label->anchor, glm::vec3(anatomy::worldPosition(skeleton.landmark(side), world))));
      EXPECT_LT(nearest, 1e-4f) << name;
    }
  }
  const FrameContent intact = frameOf(preset("neutral"), scratch);
  EXPECT_EQ(parsLabel(intact), intact.list.labels.end());
}

// Review (stop 32): in the high-grade slips (drawn without muscles) the "Sacrum" label's dot sat
// on a chord across the hollow of the deeply curved sacrum, in the empty pelvis. It lies on the
// sacrum: within 5 mm of a vertex of the drawn bone.
TEST(FrameBuilder, TheSacrumLabelPointsAtTheSacrum) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"isthmic-l5s1-grade-3", "isthmic-l5s1-grade-4", "dysplastic-high-grade-balanced",
                           "dysplastic-high-grade-unbalanced"}) {
    scene::Document d = preset(name);
    ASSERT_FALSE(d.view.muscles) << name;
    const FrameContent f = frameOf(d, scratch);
    const auto label = std::find_if(f.list.labels.begin(), f.list.labels.end(),
                                    [](const scene::Label& l) { return l.text == "Sacrum"; });
    ASSERT_NE(label, f.list.labels.end()) << name;
    float nearest = 1e9f;
    for (const scene::DrawItem& item : f.list.items) {
      if (item.part < 0 || session().model().parts[static_cast<std::size_t>(item.part)].name != "sacrum")
        continue;
      for (const glm::vec3& p : session().meshes().mesh(item.mesh).positions)
        nearest = std::min(nearest, glm::distance(label->anchor, glm::vec3(item.model * glm::vec4(p, 1.0f))));
    }
    EXPECT_LT(nearest, 0.005f) << name;
  }
}

// Issue 16 review: the shear label's dot sat a fixed 8 cm along the force, past the head of any
// arrow shorter than that (the desk sitter's 350 N draws 4 cm): the dot lies on the arrow's head.
TEST(FrameBuilder, TheShearLabelPointsAtTheArrowsHead) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"neutral", "desk-sitter", "anterior-pelvic-tilt", "thomas-positive"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kExpert;
    d.view.shear_arrow = true;
    d.view.labels = true;
    const FrameContent f = frameOf(d, scratch);
    const auto label = std::find_if(f.list.labels.begin(), f.list.labels.end(), [](const scene::Label& l) {
      return l.text.find("shear") != std::string::npos;
    });
    ASSERT_NE(label, f.list.labels.end()) << name;
    const auto arrow = std::find_if(f.list.items.begin(), f.list.items.end(), [](const scene::DrawItem& i) {
      return i.material == scene::Material::kPlain && (i.flags & scene::kOnTop) != 0u;
    });
    ASSERT_NE(arrow, f.list.items.end()) << name;
    // the unit arrow runs from (0, 0, 0) to (0, 1, 0), its head from kShearArrowHeadStart
    const glm::vec3 tail(arrow->model * glm::vec4(0, 0, 0, 1)), tip(arrow->model * glm::vec4(0, 1, 0, 1));
    const glm::vec3 axis = tip - tail;
    const float t = glm::dot(label->anchor - tail, axis) / glm::dot(axis, axis);
    EXPECT_GE(t, scene::kShearArrowHeadStart) << name << ": arrow " << glm::length(axis) << " m";
    EXPECT_LE(t, 1.0f) << name;
    EXPECT_LT(glm::length(label->anchor - (tail + t * axis)), 0.002f) << name << ": on the axis";
  }
}

// Issue 16 review: lying on the Thomas couch the load above L5-S1 can push L5 backward (the
// negative test: l5s1_shear_N < 0, its arrow pointing toward the couch), and the patient caption
// said "Forward pull on L5". The words follow the sign the arrow shows.
TEST(FrameBuilder, TheShearLabelSaysWhichWayTheArrowPoints) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"thomas-negative", "thomas-positive", "neutral"}) {
    for (const scene::Mode mode : {scene::Mode::kPatient, scene::Mode::kExpert}) {
      scene::Document d = preset(name);
      d.view.mode = mode;
      d.view.shear_arrow = true;
      d.view.labels = true;
      const FrameContent f = frameOf(d, scratch);
      const double shear = session().solution().l5s1_shear_N;
      ASSERT_GT(std::abs(shear), 1.0) << name;
      const auto label = std::find_if(f.list.labels.begin(), f.list.labels.end(), [](const scene::Label& l) {
        return l.text.find("L5") != std::string::npos &&
               (l.text.find("shear") != std::string::npos || l.text.find("on L5") != std::string::npos);
      });
      ASSERT_NE(label, f.list.labels.end()) << name;
      const bool says_backward = label->text.find("ackward") != std::string::npos;
      EXPECT_EQ(says_backward, shear < 0.0) << name << ": " << label->text << " for " << shear << " N";
      EXPECT_EQ(label->text.find("Forward") != std::string::npos,
                mode == scene::Mode::kPatient && shear > 0.0)
          << name << ": " << label->text;
    }
  }
}

// Issue 16 review: the psoas's name pointed at the middle of its path, where it passes under the
// inguinal ligament in front of the hip, under rectus femoris and sartorius; from the side the dot
// named those. It points at the psoas's belly beside the lower lumbar bodies, as an atlas's does.
TEST(FrameBuilder, ThePsoasLabelPointsAtItsBellyBesideTheLumbarSpine) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"neutral", "anterior-pelvic-tilt", "thomas-positive", "desk-sitter"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kExpert;
    d.view.muscles = true;
    d.view.labels = true;
    const FrameContent f = frameOf(d, scratch);
    const auto label = std::find_if(f.list.labels.begin(), f.list.labels.end(),
                                    [](const scene::Label& l) { return l.text == "Psoas major"; });
    ASSERT_NE(label, f.list.labels.end()) << name;
    float nearest = 1e9f;
    for (const scene::DrawItem& item : f.list.items) {
      if (item.part < 0) continue;
      const std::string& part = session().model().parts[static_cast<std::size_t>(item.part)].name;
      if (part != "l3" && part != "l4" && part != "l5") continue;
      for (const glm::vec3& p : session().meshes().mesh(item.mesh).positions)
        nearest = std::min(nearest, glm::distance(label->anchor, glm::vec3(item.model * glm::vec4(p, 1.0f))));
    }
    // 17-23 mm (the muscle's radius and a gap); the middle of the path lay 150 mm away
    EXPECT_LT(nearest, 0.03f) << name << ": " << nearest * 1000.0f << " mm from the L3-L5 bodies";
  }
}

// Issue 15: a view framed as a scenario opens frames the scenario's posture. The GUI and the page
// frame a named view on the first frame after opening, when the animation toward the new
// posture has only started; framed on the pose drawn then (the previous posture), the page's
// view sat 4 px to the side of `sagitta render`'s picture of the same scenario, which settles
// first.
TEST(FrameBuilder, AViewFramedWhileThePostureAnimatesFramesWhereItEnds) {
  scene::Session& s = session();
  s.show(scene::Document{});
  s.settle();
  const scene::Document tilted = preset("anterior-pelvic-tilt");
  s.show(tilted);  // the animation starts at the neutral posture
  ASSERT_NE(s.shownPose(), s.solution().pose) << "the test needs a posture still animating";
  const scene::Camera opening = s.cameraFor(tilted.view, 16.0f / 9.0f);
  s.settle();
  const scene::Camera settled = s.cameraFor(tilted.view, 16.0f / 9.0f);
  EXPECT_EQ(opening, settled);
  // and the framing follows the posture: the neutral one frames elsewhere
  s.show(scene::Document{});
  s.settle();
  scene::Document neutral_view;
  neutral_view.view = tilted.view;
  s.show(neutral_view);
  s.settle();
  const scene::Camera neutral = s.cameraFor(tilted.view, 16.0f / 9.0f);
  EXPECT_GT(glm::distance(neutral.target, settled.target), 1e-4f);
}

// Its twin: "frame all" (the GUI's whole-model framing) pressed while the posture animates frames
// the posture the animation ends in, as a view framed then does.
TEST(FrameBuilder, FramingTheWholeModelWhileThePostureAnimatesFramesWhereItEnds) {
  scene::Session& s = session();
  s.show(scene::Document{});
  s.settle();
  const anatomy::Bounds neutral = s.modelBounds();
  s.show(preset("anterior-pelvic-tilt"));
  ASSERT_NE(s.shownPose(), s.solution().pose) << "the test needs a posture still animating";
  const anatomy::Bounds opening = s.modelBounds();
  s.settle();
  const anatomy::Bounds settled = s.modelBounds();
  EXPECT_EQ(opening.min, settled.min);
  EXPECT_EQ(opening.max, settled.max);
  EXPECT_GT(glm::distance(neutral.min, settled.min) + glm::distance(neutral.max, settled.max), 1e-4f)
      << "the tilted posture's bounds differ from the neutral one's";
}

// Review (stop 34): seen from behind, the psoas's dot beside L3-L5 fell on the erector spinae,
// two muscle names on one visible muscle. Psoas and iliacus lie in front of the spine and inside
// the pelvis: named from the side and the front, not from behind.
TEST(FrameBuilder, TheDeepHipFlexorsAreNotNamedFromBehind) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("neutral");
  d.view.mode = scene::Mode::kExpert;
  d.view.muscles = true;
  d.view.labels = true;
  EXPECT_TRUE(hasLabel(frameOf(d, scratch).list, "Psoas major")) << "named from the side";
  d.view.camera_view = scene::CameraView::kPosterior;
  const FrameContent behind = frameOf(d, scratch);
  EXPECT_FALSE(hasLabel(behind.list, "Psoas major"));
  EXPECT_FALSE(hasLabel(behind.list, "Iliacus"));
  EXPECT_TRUE(hasLabel(behind.list, "Erector spinae")) << "the back's own muscles still are";
  d.view.camera_view = scene::CameraView::kAnterior;
  EXPECT_TRUE(hasLabel(frameOf(d, scratch).list, "Psoas major")) << "named from the front";
}

// Review (stop 42): in the README's oblique anatomy picture L2's dot and name were drawn over a
// costal cartilage in front of it: only bone hid a landmark. The opaque cartilages hide too.
TEST(FrameBuilder, ALumbarBodyBehindACostalCartilageIsNotNamed) {
  scene::FrameScratch& scratch = session().frameScratch();
  const scene::Document d =
      scene::loadDocument(std::string(SAGITTA_SOURCE_DIR) + "/docs/scenarios/anatomy-oblique.json");
  session().show(d);
  session().settle();
  const glm::ivec2 size(1280, 720);
  const scene::Camera camera = session().cameraFor(d.view, 1280.0f / 720.0f);
  const FrameContent f = scene::buildFrame(session().frameInputs(camera, {}, size), scratch);
  auto find = [](const scene::DrawList& list, const std::string& text) -> const scene::Label* {
    for (const scene::Label& l : list.labels)
      if (l.text == text) return &l;
    return nullptr;
  };
  const scene::Label* l2 = find(f.list, "L2");
  ASSERT_NE(l2, nullptr);
  EXPECT_TRUE(l2->hidden);
  ASSERT_NE(find(f.list, "L3"), nullptr);
  EXPECT_FALSE(find(f.list, "L3")->hidden) << "L3, below the costal margin, is named";
  // what hides it is a cartilage: without them, it is seen
  scene::DrawList bones_only = f.list;
  ASSERT_GT(count(bones_only, scene::Material::kCartilage), 0u);
  std::erase_if(bones_only.items,
                [](const scene::DrawItem& i) { return i.material == scene::Material::kCartilage; });
  for (scene::Label& l : bones_only.labels) l.hidden = false;
  scene::markHiddenLabels(bones_only, session().meshes(), camera);
  EXPECT_FALSE(find(bones_only, "L2")->hidden);
}

// Review (stop 34): patient mode named landmarks "ASIS", "PSIS", "Pubic symphysis" and "Sacral
// promontory". A patient is told where things are in plain words; the expert keeps the terms.
TEST(FrameBuilder, APatientIsToldTheLandmarksInPlainWords) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("neutral");
  d.view.labels = true;
  d.view.mode = scene::Mode::kPatient;
  const FrameContent patient = frameOf(d, scratch);
  for (const char* term : {"ASIS", "PSIS", "Pubic symphysis", "Sacral promontory", "Femur", "Iliac crest"})
    EXPECT_FALSE(hasLabel(patient.list, term)) << term;
  for (const char* plain :
       {"Front hip point", "Back hip point", "Pubic joint", "Top of the sacrum", "Top of the hip bone"})
    EXPECT_TRUE(hasLabel(patient.list, plain)) << plain;
  d.view.mode = scene::Mode::kExpert;
  const FrameContent expert = frameOf(d, scratch);
  for (const char* term : {"ASIS", "PSIS", "Pubic symphysis", "Sacral promontory", "Femur", "Iliac crest"})
    EXPECT_TRUE(hasLabel(expert.list, term)) << term;
}

// Review (stop 34): the measuring lines lie on the landmarks they join, in the picture too. They
// were lifted 12 cm toward the viewer to clear the bones (they are drawn over them anyway), and
// in a perspective view that moved them outward from the view's centre: L1's Cobb line was drawn
// 15-35 px above L1's endplate. The lines through S1's and L1's endplate corners pass through
// the posed landmarks themselves, in every lateral preset view.
TEST(FrameBuilder, TheMeasuringLinesLieOnTheLandmarksTheyJoin) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"neutral", "anterior-pelvic-tilt", "isthmic-l5s1-grade-2"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kExpert;
    const FrameContent f = frameOf(d, scratch);
    const biomech::MeasureLandmarks ml = biomech::measureLandmarks(
        session().frameInputs(scene::Camera{}).ids.measures, session().model().skeleton,
        session().shownPose(), d.scenario.inputs.slip.level);
    auto world = [&](const glm::dvec3& p) {
      return glm::vec3(session().shownPose().root * glm::dvec4(p, 1.0));
    };
    // the distance of a point from a drawn line's infinite extension
    auto off = [](const scene::Line& l, const glm::vec3& p) {
      const glm::vec3 u = glm::normalize(l.b - l.a);
      const glm::vec3 v = p - l.a;
      return glm::length(v - u * glm::dot(v, u));
    };
    for (const auto& [a, b, what] :
         {std::tuple{ml.s1_anterior, ml.s1_posterior, "S1 endplate"},
          std::tuple{ml.superior_anterior[0], ml.superior_posterior[0], "L1 endplate"}}) {
      const glm::vec3 pa = world(a), pb = world(b);
      const bool drawn = std::any_of(f.list.lines.begin(), f.list.lines.end(), [&](const scene::Line& l) {
        return glm::distance(l.a, l.b) > 0.01f && off(l, pa) < 5e-4f && off(l, pb) < 5e-4f;
      });
      EXPECT_TRUE(drawn) << name << ": no line through the " << what << "'s corners";
    }
  }
}

// Review (stop 35): the desk sitter's "Pubic symphysis" box lay on the hip flexors across the
// thigh, the muscles the lesson is about. A hip-flexor or anterior-tilt lesson hands its muscles
// (near side, along their paths) to the label layout, which keeps name boxes off them; the other
// lessons hand none (a posterior tilt's rectus abdominis runs up the margin column).
TEST(FrameBuilder, TheLessonsMusclesAreKeptClearOfNameBoxes) {
  scene::FrameScratch& scratch = session().frameScratch();
  const FrameContent sitter = frameOf(preset("desk-sitter"), scratch);
  ASSERT_FALSE(sitter.list.focus_muscles.empty());
  // pieces of the drawn paths, none longer than a thigh, as thick as drawn
  for (const scene::DrawList::MuscleSegment& s : sitter.list.focus_muscles) {
    const float length = glm::distance(s.a, s.b);
    EXPECT_GT(length, 0.0f);
    EXPECT_LT(length, 0.5f);
    // a belly's drawn radius: millimetres to a few centimetres
    EXPECT_GT(s.radius_m, 0.002f);
    EXPECT_LT(s.radius_m, 0.05f);
  }
  scene::Document hidden = preset("desk-sitter");
  hidden.view.muscles = false;
  EXPECT_TRUE(frameOf(hidden, scratch).list.focus_muscles.empty()) << "no muscles drawn, none kept clear";
  for (const char* other : {"neutral", "posterior-tilt-flat-back", "isthmic-l5s1-grade-2"})
    EXPECT_TRUE(frameOf(preset(other), scratch).list.focus_muscles.empty()) << other;
}

// In a slip the slipping vertebra's name goes before the other levels' (a grade IV slip's L5
// gave way to the sacrum's and the coccyx's names; MarginLayout.TheSlippingLevelIsNamedInAGradeIVSlip).
TEST(FrameBuilder, TheSlippingLevelIsNamedFirst) {
  scene::FrameScratch& scratch = session().frameScratch();
  auto priorityOf = [](const FrameContent& f, const std::string& text) {
    for (const scene::Label& l : f.list.labels) {
      if (l.text == text) return l.priority;
    }
    return -1;
  };
  const FrameContent slip = frameOf(preset("isthmic-l5s1-grade-4"), scratch);
  EXPECT_GT(priorityOf(slip, "L5"), priorityOf(slip, "L4"));
  EXPECT_GT(priorityOf(slip, "L5"), priorityOf(slip, "Sacral promontory"));
  const FrameContent neutral = frameOf(preset("neutral"), scratch);
  EXPECT_EQ(priorityOf(neutral, "L5"), priorityOf(neutral, "L4")) << "no slip: the levels are alike";
}

// Review (stop 35): in the grade IV slip in classroom mode PT's value box lay on the pars defect's
// dot, and the defect that defines an isthmic slip went unnamed (its leader had nowhere to start).
// The defect is a named point no value covers.
TEST(FrameBuilder, NoValueCoversTheParsDefect) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("isthmic-l5s1-grade-4");
  d.view.mode = scene::Mode::kClassroom;
  const FrameContent f = frameOf(d, scratch);
  const auto pars = std::find_if(f.list.labels.begin(), f.list.labels.end(), [](const scene::Label& l) {
    return l.text.find("pars defect") != std::string::npos;
  });
  ASSERT_NE(pars, f.list.labels.end());
  EXPECT_TRUE(std::any_of(f.list.value_clear_points.begin(), f.list.value_clear_points.end(),
                          [&](const glm::vec3& p) { return glm::distance(p, pars->anchor) < 1e-6f; }));
}

// Review (stop 36): LL's value, centred between the Cobb lines' posterior ends, lay on the tips of
// L2's and L3's spinous processes in the lateral lessons. Those tips are points no value covers
// (it moves aside on a leader).
TEST(FrameBuilder, NoValueCoversTheSpinousProcesses) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"neutral", "desk-sitter", "isthmic-l5s1-grade-2"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kClassroom;
    const FrameContent f = frameOf(d, scratch);
    const scene::ModelIds& ids = session().frameInputs(scene::Camera{}).ids;
    for (std::size_t k = 0; k < ids.spinous_tip.size(); ++k) {
      const glm::vec3 tip = posedLandmark(ids.spinous_tip[k]);
      EXPECT_TRUE(keptClearOfValues(f.list, tip)) << name << ": L" << k + 1 << "'s spinous tip";
    }
  }
}

// Review (stop 37): in the grade II slip, PT's value lay on the pinched L5 root and the step of L5
// on S1, the picture's point; in the grade IV ones, on the slipped L5's body. A picture that names
// a pinched or stretched root keeps every root's points, and the slip lesson every lumbar body's
// centre, clear of values.
TEST(FrameBuilder, NoValueCoversTheRootsOrTheBodiesOfASlip) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"isthmic-l5s1-grade-2", "dysplastic-high-grade-balanced", "degenerative-l4l5"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kClassroom;
    const FrameContent f = frameOf(d, scratch);
    const biomech::SlipResult& slip = session().solution().slip;
    ASSERT_FALSE(slip.nerve_roots.empty()) << name;
    for (const biomech::NerveRoot& root : slip.nerve_roots)
      for (const glm::dvec3& p : root.points)
        EXPECT_TRUE(keptClearOfValues(f.list, glm::vec3(p))) << name << ": " << root.name;
    const biomech::MeasureLandmarkIds& m = session().frameInputs(scene::Camera{}).ids.measures;
    for (std::size_t k = 0; k < m.superior_anterior.size(); ++k) {
      const glm::vec3 centre =
          0.25f * (posedLandmark(m.superior_anterior[k]) + posedLandmark(m.superior_posterior[k]) +
                   posedLandmark(m.inferior_anterior[k]) + posedLandmark(m.inferior_posterior[k]));
      EXPECT_TRUE(keptClearOfValues(f.list, centre)) << name << ": L" << k + 1 << "'s body";
    }
  }
  // a lesson without a slip keeps its values where they were (its roots are not its subject)
  const FrameContent f = frameOf(preset("neutral"), scratch);
  const biomech::SlipResult& slip = session().solution().slip;
  ASSERT_FALSE(slip.nerve_roots.empty()) << "neutral";
  for (const biomech::NerveRoot& root : slip.nerve_roots)
    EXPECT_FALSE(keptClearOfValues(f.list, glm::vec3(root.points[2]))) << "neutral: " << root.name;
}

// Review (stop 37): a film is a projection through the whole body, yet its labels were ray-cast
// against the bones as in the 3D view: the grade II and dysplastic slip films left L5 (and L4, the
// sacrum, the pars defect) unnamed, as behind the iliac wing. No bone hides a landmark on a film.
TEST(FrameBuilder, NoLandmarkIsBehindBoneOnAFilm) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"isthmic-l5s1-grade-2", "dysplastic-high-grade-balanced"}) {
    scene::Document d = preset(name);
    const FrameContent view = frameOf(d, scratch);
    ASSERT_TRUE(std::any_of(view.list.labels.begin(), view.list.labels.end(),
                            [](const scene::Label& l) { return l.hidden; }))
        << name << ": in the 3D view some landmark is behind bone";
    d.view.xray = true;
    const FrameContent film = frameOf(d, scratch);
    for (const scene::Label& l : film.list.labels) EXPECT_FALSE(l.hidden) << name << ": " << l.text;
    EXPECT_TRUE(hasLabel(film.list, "L5")) << name;
  }
}

// Review (stop 37): with every landmark seen on a film, seven muscle names crowded the neutral
// film (the psoas's dot beside L4's on one vertebral body). A film names bones; the 3D view of the
// same document names its muscles.
TEST(FrameBuilder, AFilmNamesNoMuscle) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("neutral");
  // (a label with a pick id names a muscle)
  auto muscles = [](const FrameContent& f) {
    return std::count_if(f.list.labels.begin(), f.list.labels.end(),
                         [](const scene::Label& l) { return l.pick_id != 0; });
  };
  EXPECT_GT(muscles(frameOf(d, scratch)), 0) << "the 3D view names muscles";
  d.view.xray = true;
  const FrameContent film = frameOf(d, scratch);
  EXPECT_EQ(muscles(film), 0);
  EXPECT_TRUE(hasLabel(film.list, "L4"));
}

// Review (stop 36): rectus femoris was named in none of the 45 preset pictures, the Thomas tests
// included, whose caption names it: its dot, at the middle of its path points (by the knee), lay
// below the picture in the standing views. It points at its upper belly, in the thigh's upper third.
TEST(FrameBuilder, RectusFemorisIsNamedOnItsUpperBelly) {
  scene::FrameScratch& scratch = session().frameScratch();
  for (const char* name : {"thomas-negative", "thomas-positive", "anterior-pelvic-tilt"}) {
    scene::Document d = preset(name);
    d.view.mode = scene::Mode::kClassroom;
    const FrameContent f = frameOf(d, scratch);
    const auto label = std::find_if(f.list.labels.begin(), f.list.labels.end(),
                                    [](const scene::Label& l) { return l.text == "Rectus femoris"; });
    ASSERT_NE(label, f.list.labels.end()) << name << ": a hip-flexor lesson names rectus femoris";
    const scene::ModelIds& ids = session().frameInputs(scene::Camera{}).ids;
    // its distance from the hip centre as a share of the thigh's length (the nearer side's)
    float share = 1e9f;
    for (std::size_t s = 0; s < 2; ++s) {
      const glm::vec3 hip = posedLandmark(ids.femoral_head_centre[s]);
      const glm::vec3 knee = posedLandmark(ids.knee_centre[s]);
      share = std::min(share, glm::distance(label->anchor, hip) / glm::distance(hip, knee));
    }
    // the upper third of the thigh (the middle of its path points lay by the knee: 0.9-1.03)
    EXPECT_LT(share, 0.35f) << name;
  }
}

// Review (stop 36): classroom mode keeps only the names a lesson is about (priority 3 and up), and
// the posterior tilt's own muscles, at priority 2 as every muscle outside the hip flexors, were
// left out of it. A lesson's muscles are named like its bones.
TEST(FrameBuilder, AClassroomLessonNamesItsOwnMuscles) {
  scene::FrameScratch& scratch = session().frameScratch();
  scene::Document d = preset("posterior-tilt-flat-back");
  d.view.mode = scene::Mode::kClassroom;
  const FrameContent f = frameOf(d, scratch);
  for (const char* muscle : {"Hamstrings", "Gluteus maximus", "Rectus abdominis"})
    EXPECT_TRUE(hasLabel(f.list, muscle)) << muscle;
  EXPECT_FALSE(hasLabel(f.list, "Psoas major")) << "the lesson hides the hip flexors";
}
