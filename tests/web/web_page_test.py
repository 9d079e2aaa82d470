#!/usr/bin/env python3
"""Browser tests of the web build (docs/web.md): Debian's chromium, headless with SwiftShader's
WebGL 2, loads build-web/site served by Python's http.server.

  tests/web/web_page_test.py --site build-web/site --sagitta build/sagitta

Checks: the page loads the program and the baked assets and draws the model in its canvas
(pixel statistics; it reports how long that took); the test hook that sets hip-flexor tightness
in the running program gives the same pelvic tilt as the native `sagitta report --set` to
0.01 deg and redraws the view; a bad scenario in the URL gives the clear sentence in the page; the
page's 3D view matches the native `sagitta render` of the same scenario; the transferred .wasm +
data stay under 15 MB gzipped. Prints the figures it measures.

Time bounds scale with the machine's load: every timeout and every bound on a measured time is
its figure for an idle machine times load_factor() (the 1-minute load average per core, at least
1), because these tests run on shared 2-core machines (CI, other builds) where SwiftShader gets
whatever CPU is left. The tests never sleep to wait for a redraw: window.sagittaTest.finish()
resolves when the program is at rest with its final frame drawn."""
import argparse
import base64
import functools
import gzip
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, load_factor  # noqa: E402

ARGS = None


# Idle-machine bounds (2 cores, nothing else running), scaled by load_factor() where used. They
# catch regressions, not the targets (<= 5 s, <= 100 ms; docs/web.md has the figures):
# page load to the first drawn frame (about 5-6 s at load 2.6), a hook's change to its redrawn
# frame (the moving frame, 0.2-0.5 s; a full-quality frame per change would be 1-4.7 s), and the
# waits for the page and for rest.
LOAD_BOUND_MS = 15000
REDRAW_BOUND_MS = 1000
WAIT_S = 60
SERVER = None
BASE = None


def setUpModule():
    global SERVER, BASE
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=ARGS.site)
    SERVER = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=SERVER.serve_forever, daemon=True).start()
    BASE = f"http://127.0.0.1:{SERVER.server_address[1]}/index.html"


def tearDownModule():
    SERVER.shutdown()
    SERVER.server_close()


def native_pt(*sets):
    if not ARGS.sagitta:
        raise unittest.SkipTest("needs --sagitta (the native program)")
    cmd = [ARGS.sagitta, "report"]
    for s in sets:
        cmd += ["--set", s]
    return json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)["pelvic_tilt_deg"]


def ready(browser):
    """Waits until the page's script ran and its start-up (program, assets, scenario) finished."""
    browser.wait_for("document.readyState !== 'loading' && window.sagittaTest !== undefined",
                     timeout_s=WAIT_S * load_factor())
    browser.evaluate("window.sagittaTest.ready")


def finish(browser):
    """Waits until the program is at rest with its final frame drawn (window.sagittaTest.finish):
    the posture's animation over and the full-quality frame after the moving ones on the canvas.
    Returns {ms, frames}."""
    return browser.evaluate(f"window.sagittaTest.finish({WAIT_S * 1000 * load_factor():.0f})")


def b64url(text):
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


# The canvas's pixels as statistics, computed in the page (the canvas keeps its drawing buffer
# for screenshots, so a 2D canvas can read it): `bright` is the share of pixels lighter than the
# dark background's lightest (luma > 90 of 255; the background's top is about 48), `warm` the
# share of bone- and muscle-coloured pixels (red above blue by more than 24 levels, red above 80):
# the dark background is bluish from top to bottom (src/render/renderer.cpp, coloursFor: blue
# exceeds red in both of its colours), so without the model drawn `warm` is about 0. `mean` is
# the mean luma.
CANVAS_STATS = """(() => {
  const c = document.getElementById('canvas');
  const t = document.createElement('canvas'); t.width = c.width; t.height = c.height;
  const g = t.getContext('2d'); g.drawImage(c, 0, 0);
  const d = g.getImageData(0, 0, t.width, t.height).data;
  let bright = 0, warm = 0, sum = 0;
  for (let i = 0; i < d.length; i += 4) {
    const l = 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    sum += l; if (l > 90) ++bright;
    if (d[i] > d[i + 2] + 24 && d[i] > 80) ++warm;
  }
  const n = d.length / 4;
  return { width: t.width, height: t.height, bright: bright / n, warm: warm / n, mean: sum / n,
           css: [window.innerWidth, window.innerHeight], ratio: window.devicePixelRatio };
})()"""

# Waits for `n` more frames of the program's loop.
def frames_later(n):
    return f"""new Promise((resolve) => {{
      const f0 = window.sagittaTest.frames();
      const poll = () => (window.sagittaTest.frames() >= f0 + {n} ? resolve(true) : requestAnimationFrame(poll));
      poll(); }})"""


# Mean absolute RGB difference (0..255) between the canvas and a PNG (base64), and the share of
# pixels that differ by more than 48 levels in any channel.
def compare_with_png(png_b64):
    return f"""new Promise((resolve, reject) => {{
      const img = new Image();
      img.onerror = () => reject(new Error('the reference PNG does not decode'));
      img.onload = () => {{
        const c = document.getElementById('canvas');
        if (img.width !== c.width || img.height !== c.height)
          return reject(new Error('sizes differ: ' + img.width + 'x' + img.height + ' vs ' + c.width + 'x' + c.height));
        const read = (src) => {{
          const t = document.createElement('canvas'); t.width = c.width; t.height = c.height;
          const g = t.getContext('2d'); g.drawImage(src, 0, 0);
          return g.getImageData(0, 0, t.width, t.height).data;
        }};
        const a = read(c), b = read(img), w = c.width, h = c.height;
        // compared at each horizontal shift, the best reported: a view framed or drawn a few pixels
        // to the side of the native one (seen: 4 px, a framing on the previous posture) shows as a
        // shift, not as noise
        let best = null;
        for (let dx = -8; dx <= 8; ++dx) {{
          let sum = 0, far = 0, n = 0;
          for (let y = 0; y < h; ++y) {{
            for (let x = Math.max(0, -dx); x < Math.min(w, w - dx); ++x) {{
              const i = (y * w + x) * 4, j = (y * w + x + dx) * 4;
              let m = 0;
              for (let k = 0; k < 3; ++k) {{ const d = Math.abs(a[i + k] - b[j + k]); sum += d; m = Math.max(m, d); }}
              if (m > 48) ++far;
              ++n;
            }}
          }}
          const r = {{ mean: sum / (n * 3), far: far / n, dx: dx }};
          if (best === null || r.mean < best.mean) best = r;
        }}
        resolve(best);
      }};
      img.src = 'data:image/png;base64,{png_b64}';
    }})"""


class WebPage(unittest.TestCase):
    def test_page_loads_and_draws_the_model(self):
        with Browser(BASE) as b:
            ready(b)
            self.assertEqual(b.evaluate("window.sagittaTest.error()"), "")
            self.assertTrue(b.evaluate("!document.getElementById('canvas').hidden"))
            self.assertGreater(b.evaluate("window.sagittaTest.frames()"), 0)
            load_ms = b.evaluate("window.sagittaTest.loadMs")
            phases = b.evaluate("window.sagittaTest.phases")
            factor = load_factor()
            print(f"\nweb: page load to the first drawn frame: {load_ms:.0f} ms (target <= 5000 ms; "
                  f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); "
                  f"phases (ms since the navigation started): {phases}")
            self.assertLess(load_ms, LOAD_BOUND_MS * factor, f"load factor {factor:.1f}")
            if ARGS.sagitta:
                pt = b.evaluate("window.sagittaTest.report().pelvic_tilt_deg")
                self.assertAlmostEqual(pt, native_pt(), delta=0.01)
            finish(b)
            st = b.evaluate(CANVAS_STATS)
            # the canvas fills the window in device pixels (web/site/sagitta.css, GuiApp::webFrame)
            self.assertEqual((st["width"], st["height"]),
                             (round(st["css"][0] * st["ratio"]), round(st["css"][1] * st["ratio"])), st)
            # the model and the panels' text are light on the dark background: a blank or black
            # canvas has no bright pixels, a canvas cleared to a light colour has nearly all
            self.assertGreater(st["bright"], 0.03, st)
            self.assertLess(st["bright"], 0.6, st)
            # the model's bones and muscles: about 5 % of a 1280x577 canvas in the default view
            # with the panels (measured December 2026); none without the model
            self.assertGreater(st["warm"], 0.01, st)

    def test_hip_flexor_hook_matches_native_report_and_redraws(self):
        with Browser(BASE + "#panels=0") as b:
            ready(b)
            finish(b)
            before = b.evaluate(CANVAS_STATS)
            pts = {}
            for t in (0.0, 0.4, 0.8):
                pts[t] = b.evaluate(f"window.sagittaTest.set('muscles.hip_flexors.tightness', {t}).pelvic_tilt_deg")
                self.assertAlmostEqual(pts[t], native_pt(f"muscles.hip_flexors.tightness={t}"), delta=0.01)
            self.assertGreater(abs(pts[0.8] - pts[0.0]), 1.0)  # the hook really changes the posture
            # the program's document holds the change (what Save would write)
            self.assertEqual(json.loads(b.evaluate("window.sagittaTest.scenario()"))["muscles"]["hip_flexors"]["tightness"], 0.8)
            finish(b)
            # A slider change as the user sees it: the hook, the program's next frame (the
            # moving frame while the posture animates), and that frame on the canvas: reading a
            # pixel of the canvas back waits until the browser's GL (SwiftShader, in chromium's
            # GPU process) has drawn it. Then the rest: the animation (0.6 s) and the
            # full-quality frame after it (finish()).
            # The change is the slider's (sagittaTest.change: the value into the program's
            # document, no report); the report that set() also computes is timed apart.
            ms = b.evaluate("""(async () => {
                const t0 = performance.now();
                window.sagittaTest.change('muscles.hip_flexors.tightness', 0.55);
                const changed = performance.now() - t0;
                await """ + frames_later(1) + """;
                const sent = performance.now() - t0;
                window.sagittaTest.drawn();
                const drawn = performance.now() - t0;
                const rest = await window.sagittaTest.finish();
                const r0 = performance.now();
                window.sagittaTest.set('muscles.hip_flexors.tightness', 0.55);
                return [drawn, drawn + rest.ms, changed, sent, performance.now() - r0]; })()""")
            factor = load_factor()
            print(f"\nweb: slider change to its redrawn frame on the canvas: {ms[0]:.0f} ms (target <= 100 ms; "
                  f"the change {ms[2]:.0f} ms, its frame sent to WebGL at {ms[3]:.0f} ms, the rest SwiftShader "
                  f"drawing it), to the full-quality frame at rest: {ms[1]:.0f} ms (load average "
                  f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores); the test hook's report of a document "
                  f"(set()): {ms[4]:.0f} ms")
            self.assertLess(ms[0], REDRAW_BOUND_MS * factor, f"load factor {factor:.1f}")
            after = b.evaluate(CANVAS_STATS)
            self.assertNotEqual(before["mean"], after["mean"], "the view did not change with the posture")

    def test_bad_scenario_in_url_gives_clear_error(self):
        bad = '{"schema": "sagitta.scenario", "version": 1, "muscles": {"hip_flexors": {"tightness": 5}}}'
        with Browser(BASE + "#scenario=" + b64url(bad)) as b:
            ready(b)
            err = b.evaluate("window.sagittaTest.error()")
            self.assertTrue(err.startswith("The scenario in this link cannot be opened: "), err)
            self.assertIn("tightness", err)
        with Browser(BASE + "#scenario=%%%not-base64") as b:
            ready(b)
            self.assertTrue(b.evaluate("window.sagittaTest.error()").startswith("The scenario in this link cannot be read"))

    def test_good_scenario_in_url_opens(self):
        good = '{"schema": "sagitta.scenario", "version": 1, "muscles": {"hip_flexors": {"tightness": 0.7}}}'
        with Browser(BASE + "#scenario=" + b64url(good)) as b:
            ready(b)
            self.assertEqual(b.evaluate("window.sagittaTest.error()"), "")
            pt = b.evaluate("window.sagittaTest.report().pelvic_tilt_deg")
            self.assertAlmostEqual(pt, native_pt("muscles.hip_flexors.tightness=0.7"), delta=0.01)

    def test_view_matches_the_native_render(self):
        if not ARGS.sagitta:
            self.skipTest("needs --sagitta (the native program)")
        scenario = '{"schema": "sagitta.scenario", "version": 1, "muscles": {"hip_flexors": {"tightness": 0.6}}}'
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "s.json")
            with open(path, "w") as f:
                f.write(scenario)
            png = os.path.join(tmp, "native.png")
            subprocess.run([ARGS.sagitta, "render", "--scenario", path, "-W", "1280", "-H", "720", "-o", png],
                           check=True, capture_output=True)
            with open(png, "rb") as f:
                native = base64.b64encode(f.read()).decode()
        with Browser(BASE + "#panels=0&scenario=" + b64url(scenario)) as b:
            ready(b)
            # headless chromium's page is shorter than --window-size (its window has a frame):
            # give the page exactly the native render's size, the canvas follows next frame
            b.command("Emulation.setDeviceMetricsOverride", width=1280, height=720, deviceScaleFactor=1,
                      mobile=False)
            b.evaluate(frames_later(1))  # the canvas follows the new size at the next frame
            finish(b)  # the posture's animation (0.6 s) and the full-quality frame after it
            diff = b.evaluate(compare_with_png(native))
            print(f"\nweb: view vs native render: mean |RGB| difference {diff['mean']:.2f} levels, "
                  f"{diff['far'] * 100:.2f} % of pixels off by more than 48, at the best horizontal "
                  f"shift of the native picture, {diff['dx']} px")
            # SwiftShader and llvmpipe rasterise and anti-alias edges differently, and the GLSL ES
            # variants cut per fragment (cmake/GlslEs.cmake): the same picture differs along edges
            # only (text and silhouettes, one pixel wide: checked on a difference image, 4 December
            # 2026). Bounds: docs/web.md (measured there, with margin). A real mismatch shows in
            # the mean: labels drawn at the UI's size instead of the render's gave 4.4 levels.
            # The page's view sat 4 px to the side of the native one (6 December 2026): the page
            # framed the view as the scenario opened, on the posture its animation started from,
            # where `sagitta render` frames the solved one (scene::Session::focusBounds now frames
            # the solved posture); compared unshifted, that alone gave 3.3-3.5 % of pixels
            self.assertEqual(diff["dx"], 0, "the page's view is shifted against the native one")
            self.assertLess(diff["mean"], ARGS.max_mean_diff)
            self.assertLess(diff["far"], ARGS.max_far_share)

    def test_transfer_size(self):
        total = 0
        for name in ("sagitta_web.wasm", "sagitta_web.js", "sagitta-assets.bin", "index.html", "sagitta.js"):
            with open(os.path.join(ARGS.site, name), "rb") as f:
                total += len(gzip.compress(f.read(), 9))
        print(f"\nweb: transferred, gzipped: {total / 1e6:.2f} MB (target <= 15 MB)")
        self.assertLess(total, 15e6)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", required=True)
    parser.add_argument("--sagitta", help="the native program (tests comparing with it are skipped without)")
    parser.add_argument("--max-mean-diff", type=float, default=1.0)
    parser.add_argument("--max-far-share", type=float, default=0.005)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0], "-v", *rest])
