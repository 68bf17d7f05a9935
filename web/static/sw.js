// The explorer's service worker: a repeat visit loads the page, the wasm and the assets from
// the browser's cache, with no network, and a new deploy reaches readers on their next load.
// The build (web/site/offline.go) writes the site's file list with each file's content hash
// where the placeholder below is, so every deploy changes this file byte for byte and the
// browser installs the new worker beside the old one.
//
//   - install: every listed file, fetched and checked against its hash (a file that does not
//     match, say from a deploy half done, fails the install: it is tried again later), into a
//     cache named after this build;
//   - activate (once no page uses the old worker, or when a reader accepts the page's notice):
//     the other builds' caches are deleted;
//   - fetch: files whose address names their content (app.<hash>.wasm, style.css?v=<hash>)
//     from any of the explorer's caches first; the page itself and the few files the page
//     asks for by a plain name (the font, the data) from the network first, falling back to
//     this build's cache when there is no network. The page the network gives then asks for
//     the files of its own build by their hashed names: never old and new files together.
"use strict";

var BUILD = /*build*/ {"version": "dev", "files": []};

var PREFIX = "s2020911-explorer-";
var CACHE = PREFIX + BUILD.version;
var scope = new URL(self.registration.scope);

// byPath: a listed file by its path in the site (no query), for the network-first files.
var byPath = {};
BUILD.files.forEach(function (f) { byPath[f.url.split("?")[0]] = f; });

function hex(buf) {
  var b = new Uint8Array(buf), s = "";
  for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? "0" : "") + b[i].toString(16);
  return s;
}

// precache fetches one file, revalidating what the HTTP cache holds (so an unchanged wasm is a
// 304, not a second download), and checks its bytes against the build's list.
function precache(cache, f) {
  var url = new URL(f.url, scope).href;
  return fetch(url, { cache: "no-cache", credentials: "same-origin" }).then(function (resp) {
    if (!resp.ok) throw new Error(f.url + ": HTTP " + resp.status);
    return resp.arrayBuffer().then(function (body) {
      return crypto.subtle.digest("SHA-256", body).then(function (sum) {
        if (hex(sum).slice(0, f.sha256.length) !== f.sha256) throw new Error(f.url + ": not the content this build lists");
        // A host that redirects (index.html to its folder, say) gives a response that cannot
        // answer a navigation: keep the bytes and headers only.
        return cache.put(url, new Response(body, { status: 200, headers: resp.headers }));
      });
    });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return Promise.all(BUILD.files.map(function (f) { return precache(cache, f); }));
  }).catch(function (err) {
    // Leave no half-filled cache behind: the next update check tries again from scratch.
    return caches.delete(CACHE).then(function () { throw err; });
  }));
});

// activate deletes the other builds' caches, and takes the pages in scope: on a first visit
// the page that registered the worker (its files are this build's), after a deploy only the
// pages that reload for it.
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf(PREFIX) === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

// The page's notice asks a waiting worker to take over when the reader chooses to reload.
self.addEventListener("message", function (event) {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// pagePath is the page a navigation asks for, as the server would answer it (serve.go gives
// index.fr.html for index.html?lang=fr; the last lang= counts).
function pagePath(url) {
  var path = url.pathname.slice(scope.pathname.length);
  if (path === "" || path === "index.html") {
    var langs = url.searchParams.getAll("lang");
    var last = langs.length ? langs[langs.length - 1].trim().toLowerCase().split("-")[0] : "";
    return last === "fr" ? "index.fr.html" : "index.html";
  }
  return path;
}

function fromThisBuild(path) {
  return caches.open(CACHE).then(function (cache) {
    return cache.match(new URL(path, scope).href);
  });
}

// networkFirst answers from the network, and from this build's cache when the network fails.
// A navigation is fetched as it is (its request cannot be copied with options; the page is
// sent with no-cache anyway); other files revalidate what the HTTP cache holds.
function networkFirst(request, path) {
  var fetched = request.mode === "navigate" ? fetch(request) : fetch(request, { cache: "no-cache" });
  return fetched.catch(function (err) {
    return fromThisBuild(path).then(function (hit) {
      if (hit) return hit;
      throw err;
    });
  });
}

self.addEventListener("fetch", function (event) {
  var req = event.request;
  if (req.method !== "GET") return;
  var url = new URL(req.url);
  if (url.origin !== scope.origin || url.pathname.indexOf(scope.pathname) !== 0) return;
  if (req.mode === "navigate") {
    event.respondWith(networkFirst(req, pagePath(url)));
    return;
  }
  var path = url.pathname.slice(scope.pathname.length);
  var f = byPath[path];
  if (!f) return; // not the explorer's page files (chart images, the one-file edition): as usual
  if (url.search === "" && !f.immutable) {
    event.respondWith(networkFirst(req, path));
    return;
  }
  // A content-addressed name: whichever build's cache has it holds the right bytes.
  event.respondWith(caches.match(req.url).then(function (hit) {
    return hit || fetch(req);
  }));
});
