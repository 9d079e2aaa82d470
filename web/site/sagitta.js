// Sagitta's page: loads the program (sagitta_web.wasm: the model, the 3D view and the ImGui
// panels, drawn into the canvas with WebGL 2) and the baked assets with a progress bar, takes a
// scenario from the URL (#scenario=<base64url JSON>), a file picker or a dropped file, saves the
// scenario and PNG screenshots as downloads. window.sagittaTest is the browser tests' hook.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { report: null, module: null, stopped: null };

  function showError(sentence) {
    $('loading').hidden = true;
    $('canvas').hidden = true;
    $('toolbar').hidden = true;
    const e = $('error');
    e.textContent = sentence;
    e.hidden = false;
  }

  function setProgress(fraction) {
    const pct = Math.max(0, Math.min(100, Math.round(fraction * 100)));
    $('loading-fill').style.width = pct + '%';
    $('loading').setAttribute('aria-valuenow', String(pct));
  }

  // fetch with progress: calls onBytes(received, total) as the body arrives
  async function fetchWithProgress(url, onBytes) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(url + ' could not be loaded (HTTP ' + response.status + ')');
    return readWithProgress(response, onBytes);
  }
  async function readWithProgress(response, onBytes) {
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !response.body.getReader) {
      const buf = new Uint8Array(await response.arrayBuffer());
      onBytes(buf.length, buf.length);
      return buf;
    }
    const reader = response.body.getReader();
    const chunks = [];
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.length;
      onBytes(received, total);
    }
    const out = new Uint8Array(received);
    let at = 0;
    for (const c of chunks) { out.set(c, at); at += c.length; }
    return out;
  }

  // base64url (RFC 4648 section 5, padding optional) to text; throws on bad input
  function decodeBase64Url(s) {
    if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) throw new Error('it is not base64url');
    let b64 = s.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
    while (b64.length % 4 !== 0) b64 += '=';
    const bin = atob(b64);
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  }
  function encodeBase64Url(text) {
    const bytes = new TextEncoder().encode(text);
    let bin = '';
    for (const b of bytes) bin += String.fromCharCode(b);
    return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function call(name, types, args) {
    return state.module.ccall(name, 'string', types, args);
  }

  // The running program's document as a scenario file (what File > Save writes).
  function currentScenarioText() {
    const text = call('sagitta_web_gui_scenario', [], []);
    if (text.startsWith('{"error"')) throw new Error(JSON.parse(text).error);
    return text;
  }

  // The report (the JSON `sagitta report --scenario` prints) for the running program's document.
  function solve() {
    const report = JSON.parse(call('sagitta_web_report', ['string', 'string'], [currentScenarioText(), '']));
    if (report.error) throw new Error(report.error);
    state.report = report;
    return report;
  }

  // Reads one pixel of the canvas back: returns when the browser's GL has drawn what was sent.
  function readCanvasPixel() {
    const t = document.createElement('canvas');
    t.width = 1;
    t.height = 1;
    const g = t.getContext('2d');
    g.drawImage($('canvas'), 0, 0, 1, 1, 0, 0, 1, 1);
    return g.getImageData(0, 0, 1, 1).data;
  }

  // Start-up phases, in ms since the page's navigation started (performance.now()), in
  // window.sagittaTest.phases; the program marks its own steps too (Module.sagittaMark).
  function mark(phase) { window.sagittaTest.phases[phase] = Math.round(performance.now()); }

  function setStatus(text) { $('status').textContent = text; }

  // Opens a scenario from text in the program (as File > Open); a bad one changes nothing and says why.
  function openScenario(text, where) {
    const why = call('sagitta_web_check_scenario', ['string'], [text]);
    if (why) throw new Error(where + ': ' + why);
    const name = where.replace(/[^A-Za-z0-9._-]/g, '_') || 'scenario.json';
    const failed = call('sagitta_web_gui_open', ['string', 'string'], [text, name]);
    if (failed) throw new Error(where + ': ' + failed);
    setStatus('Opened ' + where);
  }

  function download(name, blob) {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
  }

  function readFileAndOpen(file) {
    file.text().then((text) => {
      try { openScenario(text, file.name); } catch (e) { setStatus(e.message); }
    });
  }

  function wireUi() {
    $('open').addEventListener('click', () => $('open-file').click());
    $('open-file').addEventListener('change', () => {
      const f = $('open-file').files[0];
      if (f) readFileAndOpen(f);
      $('open-file').value = '';
    });
    $('save').addEventListener('click', () =>
      download('scenario.json', new Blob([currentScenarioText()], { type: 'application/json' })));
    $('screenshot').addEventListener('click', () => {
      $('canvas').toBlob((blob) => { if (blob) download('sagitta.png', blob); }, 'image/png');
    });
    $('share').addEventListener('click', () => {
      const url = location.href.split('#')[0] + '#scenario=' + encodeBase64Url(currentScenarioText());
      if (navigator.clipboard) navigator.clipboard.writeText(url).catch(() => {});
      history.replaceState(null, '', url);
      setStatus('Link copied');
    });
    document.addEventListener('dragover', (e) => { e.preventDefault(); document.body.classList.add('dragging'); });
    document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
    document.addEventListener('drop', (e) => {
      e.preventDefault();
      document.body.classList.remove('dragging');
      const f = e.dataTransfer && e.dataTransfer.files[0];
      if (f) readFileAndOpen(f);
    });
  }

  // The scenario in the URL, or '' when there is none; throws with the reason when it is bad.
  function scenarioFromUrl() {
    const m = /(?:^#|&)scenario=([^&]*)/.exec(location.hash);
    if (!m) return '';
    let text;
    try {
      text = decodeBase64Url(m[1]);
    } catch (e) {
      throw new Error('The scenario in this link cannot be read: ' + e.message + '.');
    }
    const why = call('sagitta_web_check_scenario', ['string'], [text]);
    if (why) throw new Error('The scenario in this link cannot be opened: ' + why);
    return text;
  }

  // The canvas keeps its picture after each frame so that a screenshot can read it (Emscripten's
  // GLFW does not ask for preserveDrawingBuffer itself).
  function preserveDrawingBuffer(canvas) {
    const getContext = canvas.getContext.bind(canvas);
    canvas.getContext = (type, attributes) =>
      getContext(type, Object.assign({}, attributes, { preserveDrawingBuffer: true }));
  }

  // Resolves at the program's first drawn frame; rejects when the program stops before it (an
  // uncaught error ends Emscripten's main loop, and the page would otherwise wait forever).
  function firstFrame() {
    return new Promise((resolve, reject) => {
      state.stopped = (message) => reject(new Error('Sagitta stopped before drawing: ' + message));
      const poll = () => (state.module._sagitta_web_gui_frames() > 0 ? resolve() : requestAnimationFrame(poll));
      poll();
    });
  }

  // An error that escapes the program (and so ends its frame loop) is said in the page, not only
  // in the console: before the first frame as the page's error, after it in the status line.
  window.addEventListener('error', (e) => {
    const message = e.message || String(e.error);
    if (state.stopped) state.stopped(message);
    else setStatus('Sagitta stopped: ' + message);
  });

  // The program compiled while it downloads (WebAssembly.instantiateStreaming: the server must
  // send .wasm as application/wasm, as Python's http.server and every current server do), with
  // the bytes counted for the progress bar on the way; without streaming (an old browser or a
  // server with another type), downloaded first and compiled after.
  async function instantiateProgram(imports, onBytes) {
    const response = await fetch('sagitta_web.wasm');
    if (!response.ok) throw new Error('sagitta_web.wasm could not be loaded (HTTP ' + response.status + ')');
    const type = response.headers.get('Content-Type') || '';
    if (WebAssembly.instantiateStreaming && response.body && type.startsWith('application/wasm')) {
      const total = Number(response.headers.get('Content-Length')) || 0;
      let received = 0;
      const counted = response.body.pipeThrough(new TransformStream({
        transform(chunk, controller) {
          received += chunk.length;
          onBytes(received, total);
          controller.enqueue(chunk);
        },
      }));
      const streamed = new Response(counted, { headers: { 'Content-Type': 'application/wasm' } });
      return (await WebAssembly.instantiateStreaming(streamed, imports)).instance;
    }
    const bytes = await readWithProgress(response, onBytes);
    return (await WebAssembly.instantiate(bytes, imports)).instance;
  }

  // True when WebGL 2 is drawn by the CPU (SwiftShader, llvmpipe): what the desktop program
  // reads from GL_RENDERER, which the browser answers with a generic name.
  function softwareRenderer(gl) {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /SwiftShader|llvmpipe|softpipe|Software/i.test(name);
  }

  async function start() {
    mark('script');
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) {
      showError('Sagitta needs WebGL 2, which this browser or its graphics driver does not provide: ' +
                'open the page in a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    const canvas = $('canvas');
    preserveDrawingBuffer(canvas);
    let wasmShare = 0, assetShare = 0;
    const update = () => setProgress(0.3 * wasmShare + 0.7 * assetShare);
    const assetsPromise = fetchWithProgress('sagitta-assets.bin', (got, total) => {
      assetShare = total ? got / total : 0.5;
      update();
    });
    const module = await createSagitta({
      canvas,
      locateFile: (p) => p,
      sagittaMark: mark,
      instantiateWasm: (imports, done) => {
        instantiateProgram(imports, (got, total) => { wasmShare = total ? got / total : 0.5; update(); })
          .then((instance) => { mark('program compiled'); done(instance); })
          .catch((e) => showError('Sagitta could not be loaded: ' + e.message));
        return {};
      },
    });
    state.module = module;
    mark('program ready');
    const assets = await assetsPromise;
    mark('assets fetched');
    const ptr = module._malloc(assets.length);
    module.HEAPU8.set(assets, ptr);
    const why = module.ccall('sagitta_web_load_assets', 'string', ['number', 'number'], [ptr, assets.length]);
    module._free(ptr);
    if (why) throw new Error(why);
    mark('assets read');
    setProgress(1);

    const linked = scenarioFromUrl();  // a bad link stops here with its sentence
    $('loading').hidden = true;
    canvas.hidden = false;
    $('toolbar').hidden = false;
    const panels = /(?:^#|&)panels=0(?:&|$)/.test(location.hash) ? 0 : 1;  // 0: the 3D view alone
    const setenv = (name, value) => module.ccall('sagitta_web_setenv', null, ['string', 'string'], [name, value]);
    if (/(?:^#|&)profile(?:&|$)/.test(location.hash)) setenv('SAGITTA_PROFILE', '1');  // docs/web.md
    // moving frames while the view moves on a software renderer (issue 16), as on the desktop:
    // the browser hides the renderer's name from the program, the page can ask for it
    const fluid = /(?:^#|&)fluid=([01])(?:&|$)/.exec(location.hash);
    setenv('SAGITTA_FLUID', fluid ? fluid[1] : softwareRenderer(gl) ? '1' : '0');
    // the program skips frames while nothing moves and no input comes (GuiApp::webFrame)
    for (const type of ['mousemove', 'mousedown', 'mouseup', 'wheel', 'keydown', 'keyup', 'touchstart',
                        'touchmove', 'touchend', 'resize', 'focus', 'blur']) {
      window.addEventListener(type, () => { module.sagittaInput = true; }, { capture: true, passive: true });
    }
    const failed = call('sagitta_web_start_gui', ['number'], [panels]);
    if (failed) throw new Error('Sagitta could not start: ' + failed);
    mark('program started');
    wireUi();
    if (linked) openScenario(linked, 'the link');
    await firstFrame();
    state.stopped = null;
    mark('first frame');
    window.sagittaTest.firstFrameProfile = window.sagittaTest.profile();
    window.sagittaTest.loadMs = performance.now();
    solve();
    canvas.focus();
  }

  // The browser tests' hook (tests/web): set a parameter key as `sagitta report --set` does, in
  // the running program (the 3D view and the panels follow), and get its report back.
  window.sagittaTest = {
    ready: null,
    loadMs: null,
    phases: {},
    setParameter(key, value) {
      window.sagittaTest.change(key, value);
      return solve();
    },
    // what a slider does: the value into the running program's document (the view and panels
    // follow at the next frame), without computing a report for the test (solve() builds a
    // skeleton and a model of its own: 60-120 ms that no slider spends)
    change(key, value) {
      const failed = call('sagitta_web_gui_set', ['string'], [key + '=' + value]);
      if (failed) throw new Error(failed);
    },
    // the same as setParameter: the key as `sagitta report --set` takes it, the report back
    set(key, value) { return window.sagittaTest.setParameter(key, value); },
    // Resolves when the program is at rest with its final frame drawn: the posture's animation
    // over, the full-quality frame after the moving ones sent and the frame loop idle
    // (sagitta_web_gui_settled), and that frame on the canvas: the browser's GL draws
    // asynchronously (SwiftShader takes about a second for a full-quality frame), and reading a
    // pixel of the canvas back waits for it; without that wait the next change's redraw was timed
    // with the tail of this frame in it. So a test waits exactly as long as the redraw takes
    // instead of sleeping. Resolves with { ms, frames } (the time waited, the frames drawn
    // meanwhile); rejects after timeoutMs.
    finish(timeoutMs = 60000) {
      const t0 = performance.now();
      const f0 = window.sagittaTest.frames();
      return new Promise((resolve, reject) => {
        const poll = () => {
          const ms = performance.now() - t0;
          if (state.module && state.module._sagitta_web_gui_settled()) {
            readCanvasPixel();
            resolve({ ms: performance.now() - t0, frames: window.sagittaTest.frames() - f0 });
          } else if (ms > timeoutMs) {
            reject(new Error('the view did not come to rest within ' + Math.round(ms) + ' ms'));
          } else {
            requestAnimationFrame(poll);
          }
        };
        poll();
      });
    },
    // reads a pixel of the canvas back: returns when what the program sent is drawn on it
    drawn() { readCanvasPixel(); },
    report() { return state.report; },
    scenario() { return currentScenarioText(); },
    frames() { return state.module ? state.module._sagitta_web_gui_frames() : 0; },
    // the last frame's phases in ms (index.html#profile; {} without it)
    profile() { return JSON.parse(call('sagitta_web_gui_profile', [], [])); },
    error() { return $('error').hidden ? '' : $('error').textContent; },
  };
  window.sagittaTest.ready = start().catch((e) => showError(e.message));
})();
