// Keeps the explorer for repeat and offline visits: registers the service worker (sw.js) once
// the explorer is running and quiet (at the latest 30 s after it is ready), and says so on
// the page when a newer version has been installed.
// Nothing happens from file:// or in the one-file edition (which does not carry this script;
// the check below is for a copy of the page saved by hand): a service worker needs a web
// origin, and the lone file has nothing to fetch.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!("serviceWorker" in navigator) || window.explorerSingleFile) return;
  if (location.protocol !== "https:" && location.protocol !== "http:") return;
  var words = {};
  try { words = JSON.parse(script.getAttribute("data-words") || "{}"); } catch (e) { words = {}; }
  var sw = navigator.serviceWorker;
  var lastCheck = Date.now();

  // notice shows "A newer version is available — Reload" in the page's current language (the
  // wasm keeps <html lang> in step with the language switch). An embed shows no notice: the
  // host page's reader did not open the explorer; it gets the new version on its next load.
  function notice(reg) {
    if (document.getElementById("sw-notice") || /[?&]embed=/.test(location.search)) return;
    var w = words[document.documentElement.lang] || words.en || {};
    var div = document.createElement("div");
    div.id = "sw-notice";
    div.className = "sw-notice";
    div.setAttribute("role", "status");
    var p = document.createElement("p");
    p.appendChild(document.createTextNode((w.newer || "A newer version is available.") + " "));
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "reload";
    btn.textContent = w.reload || "Reload";
    btn.addEventListener("click", function () {
      // The new worker takes over first, so the reload is served by the new build.
      if (reg.waiting) {
        sw.addEventListener("controllerchange", function () { location.reload(); });
        reg.waiting.postMessage("skip-waiting");
      } else {
        location.reload();
      }
    });
    p.appendChild(btn);
    // The status region goes in empty and gets its text a frame later: screen readers
    // announce a change to a live region they know, not a region that arrives with its text.
    document.body.appendChild(div);
    requestAnimationFrame(function () { div.appendChild(p); });
  }

  // watch says so once a new worker has installed while this page runs under an older one.
  // A first install (no controller yet) is not news to the reader.
  function watch(reg) {
    if (reg.waiting && sw.controller) notice(reg);
    reg.addEventListener("updatefound", function () {
      var next = reg.installing;
      if (!next) return;
      next.addEventListener("statechange", function () {
        if (next.state === "installed" && sw.controller) notice(reg);
      });
    });
    // A page left open looks for a new deploy when the reader comes back to it, at most
    // every half hour (opening the explorer looks anyway).
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState !== "visible" || Date.now() - lastCheck < 30 * 60 * 1000) return;
      lastCheck = Date.now();
      reg.update().catch(function () {});
    });
  }

  var html = document.documentElement;
  var registered = false, timer = 0, observer = null;
  function register() {
    if (registered) return;
    registered = true;
    clearTimeout(timer);
    if (observer) observer.disconnect();
    sw.register("sw.js", { scope: "./" }).then(watch).catch(function () {
      // No service worker (private mode, storage off, a host that does not serve sw.js): the
      // explorer works as before, from the network.
    });
  }

  // Register once the explorer is running and the reader has left it alone for a moment
  // (<html data-quiet="1">, set by wasm/quietload.go), so that the worker's downloads (the
  // wasm found in the HTTP cache, the rest revalidated) compete neither with the page's own
  // first load nor with the reader's first clicks. A reader who never pauses that long would
  // never get the offline copy, so it is registered at the latest registerAfterReady after
  // the explorer is running (data-ready): the first clicks, which the wait is for, are long
  // past by then.
  var registerAfterReady = 30 * 1000;
  function check() {
    if (html.getAttribute("data-quiet") === "1") {
      register();
    } else if (!timer && html.getAttribute("data-ready") === "1") {
      timer = setTimeout(register, registerAfterReady);
    }
  }
  check();
  if (!registered) {
    observer = new MutationObserver(check);
    observer.observe(html, { attributes: true, attributeFilter: ["data-quiet", "data-ready"] });
  }
})();
