package main

// shownChartJS is a JavaScript function (root, inView) giving the first chart SVG in a card
// under root (the document or a card) that the browser lays out, inside the viewport when
// inView, or null. Not simply the first chart SVG: the prerendered page holds each chart at
// every one of view.Widths and its CSS container queries (style.css) hide all but the one
// that fits its box, so the first SVG (the 240 px layout) has no box at all on a wide screen
// until the wasm's take-over removes the other layouts. hookJS and earlyClickJS share it.
const shownChartJS = `((root, inView) => {
  for (const svg of root.querySelectorAll(".card .chart svg")) {
    const r = svg.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 &&
      (!inView || (r.top < innerHeight && r.bottom > 0 && r.left < innerWidth && r.right > 0))) return svg;
  }
  return null;
})`

// wasmDownloadedJS is a JavaScript expression: when the page received the wasm's bytes from
// its loader's worker (the page's "explorer wasm downloaded" mark), or -1. Fetched by a
// worker, the wasm has no resource entry in the page; metricsJS and startupMetricsJS read
// this instead.
const wasmDownloadedJS = `((got) => got ? got.startTime : -1)(performance.getEntriesByName("explorer wasm downloaded")[0])`

// hookJS runs in every new document before the page's own scripts (Page.addScriptToEvaluateOnNewDocument,
// which the page's Content-Security-Policy does not apply to). It records, in window.__bench:
//   - ready/failed: performance.now() when <html> gets data-ready="1" (the wasm has taken over) or
//     data-failed, from a MutationObserver on the document;
//   - chart: performance.now() in the first animation frame in which a chart's SVG is laid out
//     inside the viewport (the prerendered SVG counts);
//   - fp/fcp/lcp: first-paint, first-contentful-paint and largest-contentful-paint from PerformanceObserver;
//   - inst: the WebAssembly instance, by wrapping WebAssembly.instantiate(Streaming), so that
//     the Go program's linear memory (exports.mem) can be read.
const hookJS = `(() => {
  const B = window.__bench = { ready: null, failed: null, chart: null, chartWhere: "", fp: null, fcp: null, lcp: null, lcpWhat: "", inst: null };
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const orig = WebAssembly[name];
    if (typeof orig !== "function") continue;
    WebAssembly[name] = function (...args) {
      return orig.apply(this, args).then((r) => { B.inst = (r && r.instance) || r; return r; });
    };
  }
  const mo = new MutationObserver(() => {
    const de = document.documentElement;
    if (!de) return;
    if (B.ready === null && de.getAttribute("data-ready") === "1") B.ready = performance.now();
    if (B.failed === null && de.hasAttribute("data-failed")) B.failed = performance.now();
    if (B.ready !== null || B.failed !== null) mo.disconnect();
  });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready", "data-failed"] });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === "first-paint") B.fp = e.startTime;
        if (e.name === "first-contentful-paint") B.fcp = e.startTime;
      }
    }).observe({ type: "paint", buffered: true });
  } catch (e) {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        B.lcp = e.startTime;
        const el = e.element;
        B.lcpWhat = el ? el.tagName.toLowerCase() + (el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : "") : "";
      }
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch (e) {}
  const shownChart = ` + shownChartJS + `;
  const tick = () => {
    const svg = shownChart(document, true);
    if (svg) {
      B.chart = performance.now();
      const card = svg.closest(".card");
      B.chartWhere = card && card.id ? "#" + card.id : "";
      return;
    }
    if (performance.now() < 120000) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`

// waitReadyJS resolves when the page reported data-ready or data-failed, or after limitMs.
const waitReadyJS = `new Promise((resolve) => {
  const start = performance.now();
  const poll = () => {
    const B = window.__bench;
    if (B && (B.ready !== null || B.failed !== null)) return resolve(true);
    if (performance.now() - start > %d) return resolve(false);
    setTimeout(poll, 10);
  };
  poll();
})`

// settleJS waits ms milliseconds in the page.
const settleJS = `new Promise((resolve) => setTimeout(() => resolve(true), %d))`

// metricsJS reads the load figures after the page is ready.
const metricsJS = `(() => {
  const B = window.__bench || {};
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const wasm = performance.getEntriesByType("resource").find((e) => /\.wasm(\?|$)/.test(e.name)) || {};
  const downloaded = ` + wasmDownloadedJS + `;
  let mem = 0;
  try { mem = B.inst.exports.mem.buffer.byteLength; } catch (e) {}
  const fatal = document.querySelector("#fatal");
  return {
    ready: B.ready ?? -1, failed: B.failed ?? -1, chart: B.chart ?? -1, chartWhere: B.chartWhere || "",
    fp: B.fp ?? -1, fcp: B.fcp ?? -1, lcp: B.lcp ?? -1, lcpWhat: B.lcpWhat || "",
    domContentLoaded: nav.domContentLoadedEventEnd ?? -1, load: nav.loadEventEnd ?? -1,
    wasmStart: wasm.startTime ?? -1, wasmEnd: wasm.responseEnd ?? downloaded,
    wasmMem: mem, jsHeap: (performance.memory && performance.memory.usedJSHeapSize) || 0,
    fatal: fatal ? fatal.innerText : "",
  };
})()`

// memoryJS reads the wasm linear memory and the JS heap.
const memoryJS = `(() => {
  const B = window.__bench || {};
  let mem = 0;
  try { mem = B.inst.exports.mem.buffer.byteLength; } catch (e) {}
  return { wasmMem: mem, jsHeap: (performance.memory && performance.memory.usedJSHeapSize) || 0 };
})()`

// scrollJS brings a card to the top of the viewport and waits two frames, as a reader would
// scroll to a control before using it.
const scrollJS = `new Promise((resolve) => {
  const card = document.querySelector(%q);
  if (!card) return resolve(false);
  card.scrollIntoView({ block: "start" });
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(true), 50)));
})`

// actJS changes one control and measures it in the page. It first lets a few animation frames
// pass (to learn the frame interval), then, from a setTimeout(0) queued in a frame callback, so
// just after a frame as an input event between two frames, notes t0 = performance.now() and
// dispatches the click (or sets the select's value and dispatches change); syncMs is how long
// that dispatch ran (the event handlers, synchronously). A MutationObserver
// on the card notes when the card reaches the expected state (domMs); a requestAnimationFrame
// loop finds the first frame whose callback sees that state, and a setTimeout(0) queued there
// runs just after that frame: t1 (ms = t1 − t0). frames counts frame intervals from the start of
// the last frame before the click to the moment the DOM reached the new state, rounded up: 1
// means the change was ready before the next frame began, i.e. it is shown in the very next
// frame. (Not from rAF timestamps: a frame delayed by a busy main thread keeps the timestamp
// of its vsync.)
// It never waits longer than the timeout. Arguments: card selector, control selector, "click"
// or "select", select value, expected state, timeout in ms.
const actJS = `((cardSel, ctrlSel, kind, value, want, timeoutMs) => new Promise((resolve) => {
  const card = document.querySelector(cardSel);
  if (!card) return resolve({ ok: false, err: "no " + cardSel });
  const ctrl = card.querySelector(ctrlSel);
  if (!ctrl) return resolve({ ok: false, err: "no " + cardSel + " " + ctrlSel });
  const figure = () => (card.querySelector("figure") || card).innerHTML;
  const before = figure();
  const wanted = {
    "targets-off": () => !card.querySelector(".chart.only svg .target"),
    "targets-on": () => !!card.querySelector(".chart.only svg .target"),
    "table": () => !!card.querySelector("table.data") && !card.querySelector(".chart.only svg"),
    "chart": () => !!card.querySelector(".chart.only svg") && !card.querySelector("table.data"),
    "changed": () => figure() !== before,
  }[want];
  if (!wanted) return resolve({ ok: false, err: "unknown state " + want });
  if (wanted()) return resolve({ ok: false, err: "already in state " + want });
  let t0 = 0, tm = null, syncMs = 0, lastTs = 0, finished = false, scheduled = false;
  const stamps = [];
  const check = () => { if (t0 && tm === null && wanted()) tm = performance.now(); };
  const mo = new MutationObserver(check);
  const interval = () => {
    const d = [];
    for (let i = 1; i < stamps.length; i++) d.push(stamps[i] - stamps[i - 1]);
    d.sort((a, b) => a - b);
    return d.length ? d[d.length >> 1] : 1000 / 60;
  };
  const finish = (res) => {
    if (finished) return;
    finished = true;
    mo.disconnect();
    clearTimeout(timer);
    resolve(res);
  };
  const dispatch = () => {
    if (finished) return;
    mo.observe(card, { subtree: true, childList: true, attributes: true, characterData: true });
    t0 = performance.now();
    if (kind === "select") {
      ctrl.value = value;
      ctrl.dispatchEvent(new Event("change", { bubbles: true }));
    } else {
      ctrl.click();
    }
    syncMs = performance.now() - t0;
    check();
  };
  const tick = (ts) => {
    if (finished) return;
    if (!t0) {
      lastTs = ts;
      stamps.push(ts);
      if (stamps.length >= 5 && !scheduled) {
        scheduled = true;
        setTimeout(dispatch, 0);
      }
      requestAnimationFrame(tick);
      return;
    }
    check();
    if (tm === null) {
      requestAnimationFrame(tick);
      return;
    }
    const iv = interval();
    const frames = Math.max(1, Math.ceil((tm - lastTs) / iv));
    // The render's steps, as the page measured them (User Timing, wasm/main.go), and the
    // background work (wasm/warm.go) that overlapped the change.
    const measures = (name) => performance.getEntriesByName("explorer " + name, "measure");
    const within = (name) => measures(name).filter((e) => e.startTime >= t0 && e.startTime <= tm);
    const step = (name) => within(name).reduce((sum, e) => sum + e.duration, 0);
    const overlap = (name) => measures(name)
      .reduce((sum, e) => sum + Math.max(0, Math.min(e.startTime + e.duration, tm) - Math.max(e.startTime, t0)), 0);
    const builds = within("build"), renders = within("render");
    const last = renders[renders.length - 1];
    const steps = {
      buildMs: step("build"), renderMs: step("render"), blocksMs: step("blocks"),
      preMs: builds.length ? builds[0].startTime - t0 : -1,
      postMs: last ? tm - (last.startTime + last.duration) : -1,
      warmMs: overlap("warm"), gcMs: overlap("gc"),
      warmEnd: measures("warm").reduce((m, e) => Math.max(m, e.startTime + e.duration - t0), -1e9),
    };
    setTimeout(() => finish({ ok: true, ms: performance.now() - t0, domMs: tm - t0, syncMs, frames, interval: iv, ...steps }), 0);
  };
  const timer = setTimeout(() => finish({ ok: false, err: "no change within " + timeoutMs + " ms" }), timeoutMs);
  requestAnimationFrame(tick);
}))(%q, %q, %q, %q, %q, %d)`
