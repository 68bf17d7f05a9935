// Keeps what a reader does on the prerendered page before the wasm has taken it over.
//
// Until <html data-ready="1"> (set by wasm/main.go once Vugu has adopted the page), the
// controls have no handlers: a click was lost, and a checkbox flipped, then flipped back when
// Vugu rendered its state. This script, loaded in <head> so it runs before anything can be
// clicked, catches those events in the capture phase, stops the default where it would
// change a control's state (a checkbox's tick), marks the control as pending and records the
// event. When the wasm is ready it replays the events, in order, as DOM events on the same
// controls: they then go through Vugu's own listeners and the same Go handlers as a live click,
// so there is no second code path to keep in step with the UI. The replay runs in the
// microtask right after the take-over, before the browser paints again, so nothing is seen to
// flip back; each replayed event is handled and rendered by Go before dispatchEvent returns
// (Go's wasm runtime runs every woken goroutine before it hands control back), so a later
// event finds the page its predecessors made.
(function () {
  "use strict";
  var html = document.documentElement;
  if (html.hasAttribute("data-ready")) return;

  // The controls Vugu gives handlers to (web/ui/*.vugu), by the event that drives them.
  var CLICK = ".view-chart, .view-table, .values-toggle, .targets-toggle, button.sort, .present, " +
    ".embed-toggle, .dl-csv, .dl-json, .dl-svg, .dl-png";
  var CHANGE = ".variant-select, .lang-select, .theme-select, .kf-theme";
  var INPUT = ".kf-search";
  // Presentation keys (ui.Root.Key); they only mean something once Present is pending.
  var KEYS = ["ArrowRight", " ", "PageDown", "ArrowDown", "Enter", "ArrowLeft", "PageUp", "ArrowUp",
    "Backspace", "Home", "End", "b", "B", ".", "Escape"];
  var PENDING = "early-pending";

  var queue = [];  // {type, el, sel, host, index, value, key} in the order they happened
  var marked = []; // controls showing the pending state
  var presenting = false;
  var status = null;
  var done = false;

  function matching(t, sel) {
    return t && t.closest ? t.closest(sel) : null;
  }

  // where remembers how to find a control again should the take-over have replaced it: the
  // nearest ancestor with an id (a card) and its place among that card's like controls.
  function where(el, sel) {
    var host = el.parentElement && el.parentElement.closest("[id]");
    var all = (host || document).querySelectorAll(sel);
    return { sel: sel, host: host ? host.id : "", index: Array.prototype.indexOf.call(all, el) };
  }

  function find(item) {
    if (item.el.isConnected) return item.el;
    var host = item.host ? document.getElementById(item.host) : document;
    return host ? host.querySelectorAll(item.sel)[item.index] || null : null;
  }

  function record(type, el, sel, extra) {
    var item = where(el, sel);
    item.type = type;
    item.el = el;
    for (var k in extra) item[k] = extra[k];
    queue.push(item);
    el.setAttribute("aria-busy", "true");
    el.classList.add(PENDING);
    marked.push(el);
    announce();
  }

  // announce says once, politely, that the page is working on it, in the page's language.
  function announce() {
    if (status || !document.body) return;
    var mount = document.getElementById("vugu_mount_point") || html;
    status = document.createElement("p");
    status.className = "sr-only early-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    document.body.appendChild(status);
    // Set after insertion: a live region announces changes, not its first content.
    setTimeout(function () {
      if (!done) status.textContent = /^fr/i.test(mount.lang || html.lang) ? "En cours…" : "Working…";
    }, 50);
  }

  function onClick(e) {
    var el = matching(e.target, CLICK);
    if (done || !el || el.disabled) return;
    // A checkbox's tick would be undone by the take-over's render, then redone by the replay.
    if (el.type === "checkbox") e.preventDefault();
    if (el.matches(".present")) presenting = true;
    record("click", el, CLICK);
  }

  function onChange(e) {
    var el = matching(e.target, CHANGE);
    if (done || !el) return;
    record("change", el, CHANGE, { value: el.value });
  }

  function onInput(e) {
    var el = matching(e.target, INPUT);
    if (done || !el) return;
    var last = queue[queue.length - 1];
    if (last && last.type === "input" && last.el === el) {
      last.value = el.value; // typing: only the latest text matters
      return;
    }
    record("input", el, INPUT, { value: el.value });
  }

  function inField(t) {
    return t && (/^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName) || t.isContentEditable);
  }

  function onKey(e) {
    if (done || !presenting || e.ctrlKey || e.metaKey || e.altKey || inField(e.target)) return;
    if (KEYS.indexOf(e.key) < 0) return;
    e.preventDefault(); // as the live handler does: no scrolling under the slides
    queue.push({ type: "key", key: e.key });
    announce();
  }

  function replay(item) {
    if (item.type === "key") {
      var t = document.activeElement && !inField(document.activeElement) ? document.activeElement : document.body;
      t.dispatchEvent(new KeyboardEvent("keydown", { key: item.key, bubbles: true, cancelable: true }));
      return;
    }
    var el = find(item);
    if (!el || el.disabled) return;
    if (item.type === "click") {
      el.click();
      return;
    }
    el.value = item.value;
    el.dispatchEvent(new Event(item.type, { bubbles: true }));
  }

  function finish(ok) {
    done = true;
    observer.disconnect();
    window.removeEventListener("click", onClick, true);
    window.removeEventListener("change", onChange, true);
    window.removeEventListener("input", onInput, true);
    window.removeEventListener("keydown", onKey, true);
    var items = queue;
    queue = [];
    try {
      if (ok) items.forEach(replay);
    } finally {
      marked.forEach(function (el) {
        el.removeAttribute("aria-busy");
        el.classList.remove(PENDING);
      });
      marked = [];
      if (status) status.textContent = "";
    }
  }

  window.addEventListener("click", onClick, true);
  window.addEventListener("change", onChange, true);
  window.addEventListener("input", onInput, true);
  window.addEventListener("keydown", onKey, true);
  var observer = new MutationObserver(function () {
    if (html.hasAttribute("data-ready")) finish(true);
    else if (html.hasAttribute("data-failed")) finish(false);
  });
  observer.observe(html, { attributes: true, attributeFilter: ["data-ready", "data-failed"] });
})();

// An embed (?embed=<dataset>) shows its one card from the very first paint. The page is long
// (every chart in every layout) and the browser may paint before frame.js, at the end of the
// body, has run: the other cards would show and then vanish, moving the card up the frame. So
// the rule that hides them is set here, in <head>, by the card's id; frame.js takes it back
// when the page has no such card (and the explorer then says so).
(function () {
  "use strict";
  var q = new URLSearchParams(location.search);
  var id = q.get("embed");
  if (!id || !/^[a-z0-9-]{1,40}$/.test(id)) return;
  var root = document.documentElement;
  root.classList.add("embedded");
  if (q.get("controls") === "0") root.classList.add("bare");
  var rule = document.createElement("style");
  rule.id = "embed-rule";
  rule.textContent = 'html.embedded .app:not(.embed) .card-list > .card:not([id="' + id + '"]) { display: none; }';
  document.head.appendChild(rule);
})();
