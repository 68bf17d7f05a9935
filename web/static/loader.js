// Loads the explorer's WebAssembly with a progress indicator, and turns any failure or Go
// panic into a visible banner instead of a blank or frozen page.
(function () {
  "use strict";
  if (typeof document === "undefined") { // this file, started by itself as a Web Worker: helper()
    helping();
    return;
  }
  var script = document.currentScript;
  var wasmURL = script.getAttribute("data-wasm");
  var rawSize = parseInt(script.getAttribute("data-size"), 10) || 0;
  var loader = document.getElementById("loader");
  var bar = loader && loader.querySelector(".loader-bar span");
  var text = loader && loader.querySelector(".loader-text");
  var stderr = "";
  // rehearsalWait caps, in ms, how long the page waits for the worker's rehearsal once the
  // module is compiled (see rehearsed). The rehearsal takes 0.5–1.5 s here at full speed and
  // so perhaps 2–6 s on a phone four times slower; meanwhile the prerendered page is there to
  // read and early.js keeps what the reader does. The cap only guards against a worker that
  // never answers.
  var rehearsalWait = 10000;
  var rehearsal = null; // the worker of rehearsed(), until the explorer is ready and it is over
  var rehearsalOver = false; // the worker's rehearsal has ended, both its acts (wasm/rehearse.go)
  var ready = false; // explorerReady has run
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
    endRehearsal();
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
    ready = true;
    if (!rehearsal || rehearsalOver) {
      endRehearsal();
      return;
    }
    // The rehearsal's second act waits for this: run during the take-over, its compiling
    // contended with the page's own for the module the two threads share (wasm/rehearse.go).
    rehearsal.postMessage({ goOn: true });
    setTimeout(endRehearsal, rehearsalWait); // a cap
  };

  // endRehearsal ends the worker of rehearsed(), with its Go instance and memory.
  function endRehearsal() {
    if (rehearsal) rehearsal.terminate();
    rehearsal = null;
  }

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

  // readAll reads a response body to its end, giving each part to each; it resolves when the
  // body is read, and rejects when reading fails.
  function readAll(body, each) {
    var reader = body.getReader();
    return (function next() {
      return reader.read().then(function (r) {
        if (r.done) return;
        each(r.value);
        return next();
      });
    })();
  }

  // count reads a copy of the wasm's response (Response.clone) and reports the bytes received
  // so far, for the progress bar, while the browser streams the original to the compiler.
  function count(copy, report) {
    if (!copy.body || !copy.body.getReader) return;
    var got = 0;
    readAll(copy.body, function (part) {
      got += part.byteLength;
      report(got);
    }).catch(function () {});
  }

  // helping is this script's part as the Web Worker of helper(): it fetches the wasm's bytes
  // for downloaded(), then runs the Go program once on the module it is given for rehearsed();
  // finding no page, the program rehearses the take-over and returns (wasm/rehearse.go).
  function helping() {
    self.onmessage = function (e) {
      var m = e.data || {};
      if (m.fetch) fetchBytes(m.fetch);
      if (m.module) rehearse(m.module, m.exec);
      if (m.goOn) goOn();
    };
  }

  function fetchBytes(url) {
    fetch(url).then(function (resp) {
      if (!resp.ok || !resp.body) throw new Error("HTTP " + resp.status);
      var parts = [], got = 0, told = 0;
      return readAll(resp.body, function (part) {
        parts.push(part);
        got += part.byteLength;
        if (got - told >= 65536) { // a message per 64 KB at most: each is a task for the page
          told = got;
          postMessage({ got: got });
        }
      }).then(function () {
        var all = new Uint8Array(got), at = 0;
        for (var i = 0; i < parts.length; i++) {
          all.set(parts[i], at);
          at += parts[i].byteLength;
        }
        postMessage({ got: got });
        postMessage({ bytes: all.buffer }, [all.buffer]);
      });
    }).catch(function (err) {
      postMessage({ failed: String(err && err.message || err) });
    });
  }

  // The rehearsal's second act (wasm/rehearse.go), and whether the page has asked for it: it
  // may, when the first act is late (rehearsalWait), before the act is ready.
  var secondAct = null, goOnAsked = false;
  function goOn() {
    goOnAsked = true;
    var next = secondAct;
    secondAct = null;
    if (next) next();
  }

  function rehearse(mod, exec) {
    new Promise(function (resolve) {
      importScripts(exec); // Go's wasm_exec.js, as the page has it
      var go = new Go();
      // The program calls this when the take-over's part is over, and goes on with what the
      // page runs after it (wasm/rehearse.go) when it is called back: once the page's controls
      // work (explorerReady).
      self.explorerRehearsed = function (next) {
        secondAct = next;
        postMessage({ rehearsed: true });
        if (goOnAsked) goOn();
      };
      resolve(WebAssembly.instantiate(mod, go.importObject).then(function (inst) { return go.run(inst); }));
    }).then(function () {
      postMessage({ rehearsed: true, over: true });
    }, function (err) {
      postMessage({ failed: String(err && err.message || err) });
    });
  }

  // countingResponse wraps a response so progress is reported while the wasm compiles: for the
  // one-file edition, whose wasm is a stream made in script anyway.
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
    var worker = helper();
    var mod = worker ? downloaded(worker).then(function (bytes) { return WebAssembly.compile(bytes); }, function () {
      // The worker could not fetch (or could not start at all): no rehearsal from it either,
      // which would only be waited for.
      worker.terminate();
      worker = null;
      return compiled();
    }) : compiled();
    return mod.then(function (m) { return worker ? rehearsed(worker, m) : m; }).then(function (m) {
      return WebAssembly.instantiate(m, go.importObject).then(function (inst) { return { instance: inst }; });
    });
  }

  // compiled downloads and compiles the wasm on the page's own thread (when there is no helper
  // worker, or it failed). The browser is given the fetched response itself, not a stream made
  // from it in script, which would run script for every part; progress is counted on a copy.
  function compiled() {
    return fetch(wasmURL).then(function (resp) {
      if (!resp.ok) throw new Error(word("loadError").replace("%s", wasmURL).replace("%s", String(resp.status)));
      count(resp.clone(), progress);
      // A server that sends the wrong Content-Type makes streaming fail: fall back to bytes,
      // fetched again (from the HTTP cache, as a rule) rather than kept in a second copy of
      // the response that would hold the whole wasm unread on every load.
      function fromBytes() {
        return fetch(wasmURL).then(function (again) { return again.arrayBuffer(); })
          .then(function (b) { return WebAssembly.compile(b); });
      }
      if (WebAssembly.compileStreaming) return WebAssembly.compileStreaming(resp).catch(fromBytes);
      return resp.arrayBuffer().then(function (b) { return WebAssembly.compile(b); });
    });
  }

  // helper starts this script as a Web Worker (its side: helping, below), or returns null
  // where there can be none (file://, the one-file edition, an old browser). The worker keeps
  // two things off the page's thread, which has to stay free for the reader:
  //   - downloading the wasm (downloaded): the page's thread then neither receives nor counts
  //     its 6 MB, nor decodes them as they come, as a streaming compile does (measured at
  //     ~65 ms at full CPU speed, one long task on a fast network; docs/startup.md);
  //   - compiling the start-up code (rehearsed).
  // The page compiles the module itself, from the bytes, in the background (WebAssembly.compile):
  // a module compiled in a worker was compiled by Chromium 156 with its optimising tier for
  // every function at once, on every core, which slowed the page's take-over about threefold.
  function helper() {
    var exec = document.querySelector('script[src*="wasm_exec.js"]');
    if (!window.Worker || !script.src || !exec || location.protocol === "file:") return null;
    try {
      var worker = new Worker(script.src);
      worker.exec = exec.src;
      return worker;
    } catch (e) {
      return null;
    }
  }

  // downloaded resolves with the wasm's bytes, fetched by the worker (and transferred, not
  // copied), reporting progress on the way; it rejects when the worker cannot fetch them.
  function downloaded(worker) {
    return new Promise(function (resolve, reject) {
      worker.onmessage = function (e) {
        var m = e.data || {};
        if (typeof m.got === "number") progress(m.got);
        else if (m.bytes) {
          performance.mark("explorer wasm downloaded"); // the page has no resource entry for it
          resolve(m.bytes);
        }
        else reject(new Error(m.failed || "no bytes"));
      };
      worker.onerror = function (e) {
        e.preventDefault();
        reject(new Error("worker"));
      };
      worker.postMessage({ fetch: new URL(wasmURL, location.href).href });
    });
  }

  // rehearsed hands the module to the worker, which runs the Go program on it once without a
  // page (wasm/rehearse.go): V8 compiles each wasm function the first time it is called, on the
  // thread that calls it, and the compiled code belongs to the module, shared by the worker's
  // instance and the page's. So the Go runtime's start and the take-over's build and charts are
  // compiled in the worker, not in the page's first long tasks. It resolves with the module
  // when the rehearsal is over (whatever its outcome), or after rehearsalWait ms at most: a
  // slow rehearsal must not hold the page back.
  function rehearsed(worker, mod) {
    return new Promise(function (resolve) {
      var timer = 0, over = false;
      function done(e) {
        if (e && e.data && (e.data.over || e.data.failed)) finish();
        if (over) return;
        over = true;
        clearTimeout(timer);
        performance.mark("explorer rehearsed");
        // The worker ends once the explorer is ready (explorerReady) and the rehearsal's second
        // act is over, or when the explorer has failed; not here: ended before the page's
        // instance has run, its compiled code was not the page's to use (measured: the page's
        // thread compiled the start-up code again).
        rehearsal = worker;
        resolve(mod);
      }
      // finish notes that the worker has nothing more to do (both acts over, or failed).
      function finish() {
        if (rehearsalOver) return;
        rehearsalOver = true;
        performance.mark("explorer rehearsal over");
        if (ready) endRehearsal();
      }
      worker.onmessage = done;
      worker.onerror = function (e) {
        e.preventDefault();
        finish();
        done();
      };
      timer = setTimeout(done, rehearsalWait);
      worker.postMessage({ module: mod, exec: worker.exec });
    });
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
    // The collector is off until the controls work (wasm/main.go turns it on then): on wasm
    // its work fills the time the program gives back to the browser, so a collection, or the
    // sweeping after one, during Go's start or the take-over kept the take-over's pauses
    // from handing the thread back (docs/startup.md).
    go.env.GOGC = "off";
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
