package main

// longtaskJS runs before the page's own scripts (with hookJS). It keeps every long task (a
// main-thread task over 50 ms, PerformanceObserver 'longtask') in window.__bench.longtasks as
// {s: startTime, d: duration}, so the benchmark can sum the blocking time and attribute each
// task to the start-up steps the wasm marks (performance.mark "explorer …", wasm/startup.go).
const longtaskJS = `(() => {
  const B = window.__bench;
  B.longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longtasks.push({ s: e.startTime, d: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) {}
})();`

// earlyClickJS clicks "Show 2020 targets" (#parity .targets-toggle) at first paint, as a reader
// who acts on what they see, and notes when the click's effect is on screen. The click is
// made in a setTimeout(0) queued from the first animation frame after first-contentful-paint
// in which the control exists (where an input between two frames lands); its effect is the
// parity chart that is shown (the layout laid out, shownChartJS) drawn without its targets
// (the prerender shows them); on screen is just after the first frame whose callback sees
// that (a setTimeout(0) queued there). window.__bench.click gets {at, dom, screen} in
// performance.now() time, or err.
const earlyClickJS = `(() => {
  const B = window.__bench;
  const C = B.click = { at: null, dom: null, screen: null, err: "" };
  const card = () => document.querySelector("#parity");
  const shownChart = ` + shownChartJS + `;
  // The layout on screen, not the first SVG in the card: the prerendered page's other layouts are hidden.
  const off = () => { const c = card(), svg = c && shownChart(c, false); return !!svg && !svg.querySelector(".target"); };
  const watch = () => {
    const mo = new MutationObserver(() => { if (C.dom === null && off()) C.dom = performance.now(); });
    mo.observe(document, { subtree: true, childList: true, attributes: true });
    const tick = () => {
      if (C.dom === null && off()) C.dom = performance.now();
      if (C.dom !== null) { mo.disconnect(); setTimeout(() => { C.screen = performance.now(); }, 0); return; }
      if (performance.now() - C.at > 120000) { mo.disconnect(); C.err = "no effect within 120 s"; return; }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
  const frame = () => {
    const c = card(), ctl = c && c.querySelector(".targets-toggle");
    if (!ctl) {
      if (performance.now() < 120000) requestAnimationFrame(frame); else C.err = "no #parity .targets-toggle";
      return;
    }
    setTimeout(() => {
      if (off()) { C.err = "targets already off"; return; }
      C.at = performance.now();
      ctl.click();
      watch();
    }, 0);
  };
  try {
    new PerformanceObserver((list, obs) => {
      if (list.getEntries().some((e) => e.name === "first-contentful-paint")) { obs.disconnect(); requestAnimationFrame(frame); }
    }).observe({ type: "paint", buffered: true });
  } catch (e) { C.err = String(e); }
})();`

// waitClickJS resolves when the early click's effect is on screen or failed, or after limitMs.
const waitClickJS = `new Promise((resolve) => {
  const start = performance.now();
  const poll = () => {
    const C = (window.__bench || {}).click;
    if (C && (C.screen !== null || C.err)) return resolve(true);
    if (performance.now() - start > %d) return resolve(false);
    setTimeout(poll, 20);
  };
  poll();
})`

// startupMetricsJS reads what a start-up load needs: the paint and ready times, the long
// tasks, the wasm's own marks and the early click.
const startupMetricsJS = `(() => {
  const B = window.__bench || {};
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const wasm = performance.getEntriesByType("resource").find((e) => /\.wasm(\?|$)/.test(e.name)) || {};
  const downloaded = ` + wasmDownloadedJS + `;
  const marks = performance.getEntriesByType("mark").filter((m) => m.name.startsWith("explorer"))
    .map((m) => ({ name: m.name, t: m.startTime }));
  const fatal = document.querySelector("#fatal");
  return {
    ready: B.ready ?? -1, chart: B.chart ?? -1, fcp: B.fcp ?? -1, lcp: B.lcp ?? -1,
    domContentLoaded: nav.domContentLoadedEventEnd ?? -1,
    wasmEnd: wasm.responseEnd ?? downloaded, wasmCached: wasm.transferSize === 0,
    longtasks: B.longtasks || [], marks, click: B.click || null,
    fatal: fatal ? fatal.innerText : "",
  };
})()`
