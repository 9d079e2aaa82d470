// Sagitta's page: loads the program (sagitta_web.wasm) and the baked assets with a progress bar,
// takes a scenario from the URL (#scenario=<base64url JSON>), a file picker or a dropped file,
// and saves the scenario as a download. window.sagittaTest is the hook the browser tests use.
'use strict';
(function () {
  const $ = (id) => document.getElementById(id);
  const state = { scenarioText: '', sets: new Map(), report: null, module: null };

  function showError(sentence) {
    $('loading').hidden = true;
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

  // The report for the current scenario and slider settings (the JSON `sagitta report` prints).
  function solve() {
    const sets = Array.from(state.sets, ([k, v]) => k + '=' + v).join('\n');
    const report = JSON.parse(call('sagitta_web_report', ['string', 'string'], [state.scenarioText, sets]));
    if (report.error) throw new Error(report.error);
    state.report = report;
    showMeasures(report);
    return report;
  }

  function showMeasures(r) {
    const rows = [
      ['Pelvic tilt (PT)', r.pelvic_tilt_deg, '°'], ['Sacral slope (SS)', r.sacral_slope_deg, '°'],
      ['Pelvic incidence (PI)', r.pelvic_incidence_deg, '°'], ['Lumbar lordosis (LL)', r.lumbar_lordosis_deg, '°'],
      ['PI − LL', r.pi_minus_ll_deg, '°'], ['Slip', r.slip.percent, ' %'],
    ];
    const t = document.createElement('table');
    for (const [name, v, unit] of rows) {
      const tr = t.insertRow();
      tr.insertCell().textContent = name;
      tr.insertCell().textContent = v.toFixed(1) + unit;
    }
    $('measures').replaceChildren(t);
  }

  function setStatus(text) { $('status').textContent = text; }

  // Opens a scenario from text; a bad one leaves the current scenario and says why.
  function openScenario(text, where) {
    const why = call('sagitta_web_check_scenario', ['string'], [text]);
    if (why) throw new Error(where + ': ' + why);
    state.scenarioText = text;
    state.sets.clear();
    const sc = JSON.parse(text);
    const hf = sc.muscles && sc.muscles.hip_flexors && sc.muscles.hip_flexors.tightness;
    $('hip-flexors').value = typeof hf === 'number' ? hf : 0;
    $('hip-flexors-value').textContent = Number($('hip-flexors').value).toFixed(2);
    solve();
    setStatus('Opened ' + where);
  }

  function currentScenarioText() {
    const sc = state.scenarioText ? JSON.parse(state.scenarioText) : { schema: 'sagitta.scenario', version: 1 };
    for (const [key, value] of state.sets) {
      const parts = key.split('.');
      let o = sc;
      for (const p of parts.slice(0, -1)) o = o[p] = (o[p] && typeof o[p] === 'object') ? o[p] : {};
      o[parts[parts.length - 1]] = value;
    }
    return JSON.stringify(sc, null, 2) + '\n';
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
    $('hip-flexors').addEventListener('input', () => {
      const v = Number($('hip-flexors').value);
      $('hip-flexors-value').textContent = v.toFixed(2);
      state.sets.set('muscles.hip_flexors.tightness', v);
      try { solve(); } catch (e) { setStatus(e.message); }
    });
    $('open').addEventListener('click', () => $('open-file').click());
    $('open-file').addEventListener('change', () => {
      const f = $('open-file').files[0];
      if (f) readFileAndOpen(f);
      $('open-file').value = '';
    });
    $('save').addEventListener('click', () =>
      download('scenario.json', new Blob([currentScenarioText()], { type: 'application/json' })));
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

  async function start() {
    const t0 = performance.now();
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) {
      showError('Sagitta needs WebGL 2, which this browser or its graphics driver does not provide: ' +
                'open the page in a current Chrome, Edge, Firefox or Safari.');
      return;
    }
    let wasmShare = 0, assetShare = 0;
    const update = () => setProgress(0.3 * wasmShare + 0.7 * assetShare);
    const assetsPromise = fetchWithProgress('sagitta-assets.bin', (got, total) => {
      assetShare = total ? got / total : 0.5;
      update();
    });
    const module = await createSagitta({
      locateFile: (p) => p,
      instantiateWasm: (imports, done) => {
        fetchWithProgress('sagitta_web.wasm', (got, total) => { wasmShare = total ? got / total : 0.5; update(); })
          .then((bytes) => WebAssembly.instantiate(bytes, imports))
          .then((r) => done(r.instance));
        return {};
      },
    });
    state.module = module;
    const assets = await assetsPromise;
    const ptr = module._malloc(assets.length);
    module.HEAPU8.set(assets, ptr);
    const why = module.ccall('sagitta_web_load_assets', 'string', ['number', 'number'], [ptr, assets.length]);
    module._free(ptr);
    if (why) throw new Error(why);
    setProgress(1);

    wireUi();
    state.scenarioText = scenarioFromUrl();
    if (state.scenarioText) openScenario(state.scenarioText, 'the link');
    else solve();
    $('loading').hidden = true;
    $('app').hidden = false;
    window.sagittaTest.loadMs = performance.now() - t0;
  }

  // The browser tests' hook (tests/web): set a parameter key as `sagitta report --set` does and
  // get the report back.
  window.sagittaTest = {
    ready: null,
    loadMs: null,
    setParameter(key, value) {
      state.sets.set(key, value);
      if (key === 'muscles.hip_flexors.tightness') {
        $('hip-flexors').value = value;
        $('hip-flexors-value').textContent = Number(value).toFixed(2);
      }
      return solve();
    },
    report() { return state.report; },
    error() { return $('error').hidden ? '' : $('error').textContent; },
  };
  window.sagittaTest.ready = start().catch((e) => showError(e.message));
})();
