// Loads the explorer's WebAssembly with a progress indicator, and turns any failure or Go
// panic into a visible banner instead of a blank or frozen page.
(function () {
  "use strict";
  var script = document.currentScript;
  var wasmURL = script.getAttribute("data-wasm");
  var rawSize = parseInt(script.getAttribute("data-size"), 10) || 0;
  var loader = document.getElementById("loader");
  var bar = loader && loader.querySelector(".loader-bar span");
  var text = loader && loader.querySelector(".loader-text");
  var stderr = "";
  var words = pickWords();

  // pickWords returns the loader's texts in the page's language, chosen as the wasm chooses
  // it (wasm/url.go): a lang= in the address wins, else the browser's first language we have.
  // The build puts the texts of both languages in data-words (web/site/lang.go).
  function pickWords() {
    var all = {};
    try { all = JSON.parse(script.getAttribute("data-words") || "{}"); } catch (e) { all = {}; }
    var lang = "en";
    var search = location.search;
    if (search.indexOf("lang=") >= 0) {
      var m = search.match(/[?&]lang=([^&#]*)/g);
      var last = m ? decodeURIComponent(m[m.length - 1].replace(/^[?&]lang=/, "")) : "";
      lang = base(last) === "fr" ? "fr" : "en";
    } else {
      var langs = navigator.languages || [navigator.language || ""];
      for (var i = 0; i < langs.length; i++) {
        var b = base(langs[i]);
        if (b === "en" || b === "fr") { lang = b; break; }
      }
    }
    return all[lang] || all.en || {};
  }

  function base(tag) { return String(tag || "").trim().split("-")[0].toLowerCase(); }

  function word(key) { return words[key] || ""; }

  function mb(n) { return (n / 1048576).toFixed(1).replace(".", word("decimal") || ".") + "\u00a0" + word("mb"); }

  function progress(got) {
    if (!loader) return;
    loader.hidden = false;
    var pct = rawSize ? Math.min(100, Math.round(100 * got / rawSize)) : 0;
    if (bar) bar.style.width = pct + "%";
    if (text) text.textContent = word("loading") + " " + mb(got) + (rawSize ? " " + word("of") + " " + mb(rawSize) : "");
  }

  // explorerFail is also called from Go (wasm/main.go) with the error text.
  window.explorerFail = function (msg) {
    if (loader) loader.hidden = true;
    var old = document.getElementById("fatal");
    if (old) old.remove();
    var div = document.createElement("div");
    div.id = "fatal";
    div.className = "banner fatal";
    div.setAttribute("role", "alert");
    var p = document.createElement("p");
    var strong = document.createElement("strong");
    strong.textContent = word("stopped");
    p.appendChild(strong);
    p.appendChild(document.createTextNode(" " + word("hint") + " "));
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "reload";
    btn.textContent = word("reload");
    btn.addEventListener("click", function () { location.reload(); });
    p.appendChild(btn);
    var pre = document.createElement("pre");
    pre.className = "error-text";
    pre.textContent = String(msg || word("unknown"));
    div.appendChild(p);
    div.appendChild(pre);
    document.body.insertBefore(div, document.body.firstChild);
    document.documentElement.setAttribute("data-failed", "1");
  };

  window.explorerReady = function () {
    if (loader) loader.hidden = true;
  };

  // Keep what the Go runtime writes to stderr: a panic's message and stack end up there.
  function captureStderr() {
    var fs = globalThis.fs;
    if (!fs || !fs.writeSync) return;
    var orig = fs.writeSync.bind(fs);
    var dec = new TextDecoder();
    fs.writeSync = function (fd, buf) {
      if (fd === 2) stderr = (stderr + dec.decode(buf)).slice(-8000);
      return orig(fd, buf);
    };
  }

  // countingResponse wraps a fetch response so progress is reported while the wasm compiles.
  function countingResponse(resp) {
    if (!resp.body || !window.ReadableStream) return resp;
    var got = 0;
    var reader = resp.body.getReader();
    var stream = new ReadableStream({
      pull: function (ctrl) {
        return reader.read().then(function (r) {
          if (r.done) { ctrl.close(); return; }
          got += r.value.byteLength;
          progress(got);
          ctrl.enqueue(r.value);
        });
      }
    });
    return new Response(stream, { headers: { "Content-Type": "application/wasm" } });
  }

  // The one-file edition (web/site/singlefile.go) carries the wasm in the page, gzip-compressed
  // and base64-encoded in <script type="application/octet-stream" id="explorer-wasm"
  // data-encoding="gzip">: it is decompressed here instead of fetched, so the file runs with no
  // network. Progress counts the decompressed bytes against data-size.
  function embeddedResponse(el) {
    if (el.getAttribute("data-encoding") !== "gzip") throw new Error("the embedded wasm has an unknown encoding");
    if (!window.DecompressionStream || !window.Blob || !window.Response) {
      throw new Error(word("noUnpack"));
    }
    var b64 = el.textContent;
    var bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(b64.trim());
    } else {
      var bin = atob(b64.replace(/\s+/g, ""));
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    el.textContent = ""; // the page need not keep the 2 MB of text
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return countingResponse(new Response(stream, { headers: { "Content-Type": "application/wasm" } }));
  }

  function instantiate(go) {
    var embedded = document.getElementById("explorer-wasm");
    if (embedded) {
      return Promise.resolve(embedded).then(embeddedResponse).then(function (resp) {
        if (WebAssembly.instantiateStreaming) return WebAssembly.instantiateStreaming(resp, go.importObject);
        return resp.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      });
    }
    var fetched = fetch(wasmURL).then(function (resp) {
      if (!resp.ok) throw new Error(word("loadError").replace("%s", wasmURL).replace("%s", String(resp.status)));
      return resp;
    });
    if (WebAssembly.instantiateStreaming) {
      return fetched.then(function (resp) {
        var copy = resp.clone();
        // A server that sends the wrong Content-Type makes streaming fail: fall back to bytes.
        return WebAssembly.instantiateStreaming(countingResponse(resp), go.importObject)
          .catch(function () { return copy.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); }); });
      });
    }
    return fetched.then(function (r) { return r.arrayBuffer(); })
      .then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
  }

  // Vugu installs its DOM helper with window.eval, which the Content-Security-Policy forbids.
  // The page already loaded that helper from vugu-render.js (see web/site/vugu.go), and the
  // script returns at once when it is installed, so its eval is answered without evaluating.
  function guardEval() {
    var realEval = window.eval;
    window.eval = function (src) {
      if (window.vuguRender && typeof src === "string" && src.indexOf("(function(){if(window.vuguRender)return;") === 0) return undefined;
      return realEval(src);
    };
  }

  function start() {
    if (!window.WebAssembly || !window.Go) {
      window.explorerFail(word("noWasm"));
      return;
    }
    captureStderr();
    guardEval();
    var go = new Go();
    progress(0);
    instantiate(go).then(function (result) {
      return go.run(result.instance);
    }).then(function () {
      // The Go program only returns when it has failed; keep the reason it gave, if any.
      if (!document.getElementById("fatal")) window.explorerFail(stderr || word("exited"));
    }).catch(function (err) {
      window.explorerFail((stderr ? stderr + "\n" : "") + String(err && err.message || err));
    });
  }

  start();
})();
