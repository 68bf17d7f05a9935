// embed.js — for pages that embed the S/2020/911 explorer in an iframe:
//   <iframe src=".../index.html?embed=fatalities" data-s2020911-embed title="..." style="width:100%;border:0"></iframe>
//   <script src=".../embed.js" async></script>
// Each embedded page posts its height; this script sizes its iframe to match, so the chart is
// never squashed or cut off. data-theme="light|dark" on the iframe passes the host page's
// theme in ("auto" follows the reader's system). Messages are matched to their iframe by
// source window and checked for type and range; nothing else from them is used.
(function () {
  "use strict";
  var HEIGHT = "s-2020-911:height", THEME = "s-2020-911:theme";
  var SELECTOR = "iframe[data-s2020911-embed]";

  function frames() { return document.querySelectorAll(SELECTOR); }

  function themeOf(f) {
    var t = f.getAttribute("data-theme");
    if (t === "auto") t = window.matchMedia && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
    return t === "light" || t === "dark" || t === "projector" ? t : "";
  }

  function sendTheme(f) {
    var t = themeOf(f);
    if (t && f.contentWindow) f.contentWindow.postMessage({ type: THEME, theme: t }, "*");
  }

  window.addEventListener("message", function (e) {
    var d = e.data;
    if (!d || d.type !== HEIGHT || typeof d.height !== "number" || !isFinite(d.height)) return;
    var h = Math.max(80, Math.min(20000, Math.ceil(d.height)));
    var fs = frames();
    for (var i = 0; i < fs.length; i++) {
      if (fs[i].contentWindow === e.source) {
        fs[i].style.height = h + "px";
        if (!fs[i].hasAttribute("data-themed")) { fs[i].setAttribute("data-themed", ""); sendTheme(fs[i]); }
      }
    }
  });

  var fs = frames();
  for (var i = 0; i < fs.length; i++) {
    fs[i].addEventListener("load", function (e) { sendTheme(e.target); });
    sendTheme(fs[i]);
  }
})();
