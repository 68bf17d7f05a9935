// Runs inside the explorer page, before the wasm: in embed mode (?embed=<dataset>) it shows
// only that dataset's card from the first paint, reports the page's height to the host page
// (for embed.js), and takes a theme the host page sends. The host's origin is not trusted for
// anything else: only a theme name from a fixed list is accepted.
(function () {
  "use strict";
  var HEIGHT = "s-2020-911:height", THEME = "s-2020-911:theme";
  var q = new URLSearchParams(location.search);
  var id = q.get("embed");
  if (!id || !/^[a-z0-9-]{1,40}$/.test(id)) return;
  var root = document.documentElement;
  // A link naming no dataset keeps the whole page until the explorer says so in words
  // (hiding every card would leave a blank frame).
  var card = document.getElementById(id);
  if (card && !card.matches(".card-list > .card")) card = null; // an id of the page, not a dataset's
  if (card) {
    root.classList.add("embedded");
    if (q.get("controls") === "0") root.classList.add("bare");
    card.classList.add("embed-target");
  } else {
    // early.js hid every card but this id's, which the page does not have.
    root.classList.remove("embedded", "bare");
    var rule = document.getElementById("embed-rule");
    if (rule) rule.remove();
  }

  var last = 0;
  function report() {
    var h = Math.ceil(root.getBoundingClientRect().height);
    if (h !== last && window.parent !== window) {
      last = h;
      window.parent.postMessage({ type: HEIGHT, height: h }, "*"); // carries nothing but a number
    }
  }
  if (window.ResizeObserver) new ResizeObserver(report).observe(root);
  window.addEventListener("load", report);
  report();

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source !== window.parent || !d || d.type !== THEME) return;
    if (["light", "dark", "projector"].indexOf(d.theme) < 0) return;
    var url = new URL(location.href);
    if (url.searchParams.get("theme") === d.theme) return;
    url.searchParams.set("theme", d.theme);
    history.replaceState(null, "", url);
    // The explorer re-reads its state from the URL on popstate (wasm/url.go); before the wasm
    // runs, it reads the URL when it starts.
    window.dispatchEvent(new PopStateEvent("popstate"));
  });
})();
