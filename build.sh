#!/usr/bin/env bash
# One entry point for building, serving and testing the explorer.
#   ./build.sh build        build the site into dist/
#   ./build.sh serve [...]  build, then serve dist/ on http://127.0.0.1:8080/ (flags go to serve.go)
#   ./build.sh test         every check CI runs: format, vet, generated code, all tests with a browser
#   ./build.sh generate     regenerate the Vugu components' Go code
#   ./build.sh bench [...]  build, then measure the site and write docs/benchmarks.md (flags go to web/bench)
#   ./build.sh worker       build the Cloudflare Worker edition (docs/worker.md)
#   ./build.sh stress N     run ./build.sh test N times in a row (stopping at the first failure)
#                           while a busy loop per core keeps the machine loaded, as CI may be
set -euo pipefail
cd "$(dirname "$0")"

export CGO_ENABLED=0
export GOFLAGS="${GOFLAGS:-} -buildvcs=false"
DIST="${DIST:-dist}"

log() { printf '==> %s\n' "$*" >&2; }

build() {
  mkdir -p build
  # The wasm starts with the data as a Go literal (data/built): written from the CSV files here,
  # so a data edit never needs a step of its own.
  log "data: go generate ./data/built"
  go generate ./data/built
  log "compiling wasm"
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o build/app.wasm ./wasm
  log "building site into $DIST/"
  go run ./web/site -wasm build/app.wasm -wasm-exec "$(go env GOROOT)/lib/wasm/wasm_exec.js" \
    -vugu-dir "$(go list -m -f '{{.Dir}}' github.com/vugu/vugu)" -out "$DIST"
}

generate() {
  go generate ./web/ui ./web/chart
}

# check_generated fails when the committed Vugu output differs from what vugugen makes now.
check_generated() {
  local tmp; tmp=$(mktemp -d)
  cp web/ui/*_gen.go "$tmp/"
  generate
  local stale=0
  for f in web/ui/*_gen.go; do
    if ! cmp -s "$f" "$tmp/$(basename "$f")"; then
      echo "stale generated code: $f (run ./build.sh generate and commit)" >&2
      stale=1
    fi
  done
  [ "$(ls "$tmp" | wc -l)" = "$(ls web/ui/*_gen.go | wc -l)" ] || { echo "generated file set changed" >&2; stale=1; }
  rm -rf "$tmp"
  return $stale
}

# install_browser installs Debian's Chromium when it is missing: the browser tests need it.
install_browser() {
  if [ -x /usr/bin/chromium ]; then return; fi
  log "installing Debian's chromium (needed by the browser tests)"
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium
}

wasm_packages() {
  GOOS=js GOARCH=wasm go list -deps ./wasm | grep '^briefing'
}

test_all() {
  install_browser
  log "gofmt"
  local unformatted; unformatted=$(gofmt -l $(find . -name '*.go' -not -path './node_modules/*' -not -path './build/*'))
  if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted" >&2; exit 1; fi
  log "go vet (native)"
  go vet ./...
  log "go vet (GOOS=js GOARCH=wasm)"
  GOOS=js GOARCH=wasm go vet $(wasm_packages) ./wasm/worker ./web/images
  log "generated code is fresh"
  check_generated
  build
  log "npm packages: wrangler for the Worker test, axe-core for the accessibility test (pinned in their lock files)"
  npm ci --prefix wasm/worker --no-audit --no-fund
  npm ci --prefix web/e2e --no-audit --no-fund
  fuzz
  log "go test (browser and Worker tests required)"
  # The timeout is sized for a slow, busy machine (2 cores shared with other work): the
  # browser tests wait for conditions, so load makes them slower, never wrong.
  REQUIRE_BROWSER=1 REQUIRE_WORKER=1 DIST_DIR="$PWD/$DIST" go test -count=1 -timeout 45m ./...
}

# fuzz runs every parser's fuzz test briefly: URL state, data files, readers' CSV, request
# paths and ranges, and readers' files and links through to the rendered page. Each runs a
# number of inputs (about 2 s each on an idle machine) rather than a time: a time limit can
# expire inside Go's fuzzing engine on a busy machine and fail with "context deadline
# exceeded" though nothing was found. FUZZTIME (e.g. 30s) overrides it for all of them. A
# failure leaves its input in the package's testdata/fuzz for a regression test.
fuzz() {
  local target
  for target in "FuzzDecode ./web/state 50000x" "FuzzParse ./data 5000x" "FuzzParse ./data/upload 5000x" \
    "FuzzPath ./web/server 5000x" "FuzzRanges ./web/server 10000x" "FuzzReaderFile ./web/ui 500x" \
    "FuzzLink ./web/ui 300x"; do
    set -- $target
    log "fuzzing $1 in $2 for ${FUZZTIME:-$3}"
    go test -timeout 30m -run '^$' -fuzz "^$1\$" -fuzztime "${FUZZTIME:-$3}" "$2"
  done
}

# stress runs the whole of ./build.sh test $1 times in a row, stopping at the first failure,
# with one busy loop per core running all along: the suite must pass on a machine busy with
# other work, not only on an idle one. Each run's time is printed. The loops, and a run in
# progress (its own process group: go test, Chromium, wrangler), end with the script.
stress() {
  local runs="${1:-}" i start took=()
  if ! [[ "$runs" =~ ^[1-9][0-9]*$ ]]; then echo "usage: ./build.sh stress N (N runs of ./build.sh test)" >&2; exit 2; fi
  # Globals, not locals: the EXIT trap runs after this function has returned.
  loops=() run=""
  trap 'kill "${loops[@]}" 2>/dev/null; if [ -n "$run" ]; then kill -TERM -- "-$run" 2>/dev/null; fi; true' EXIT
  trap 'exit 130' INT TERM # bash runs a trap only between commands: runs are waited for below
  for ((i = 0; i < $(nproc); i++)); do
    sh -c 'while :; do :; done' &
    loops+=("$!")
  done
  log "stress: ${#loops[@]} busy loop(s) running (pids ${loops[*]}); $runs run(s) of ./build.sh test"
  for ((i = 1; i <= runs; i++)); do
    start=$SECONDS
    setsid "$PWD/build.sh" test &
    run=$!
    if ! wait "$run"; then
      run=""
      log "stress: run $i of $runs FAILED after $((SECONDS - start)) s (passed before it: ${took[*]:-none})"
      exit 1
    fi
    run=""
    took+=("$((SECONDS - start))s")
    log "stress: run $i of $runs passed in $((SECONDS - start)) s"
  done
  log "stress: all $runs run(s) passed under load: ${took[*]}"
}

bench() {
  install_browser
  build
  case " $* " in
    *" -lighthouse "*|*" --lighthouse "*|*" -lighthouse=true "*)
      log "npm package: Lighthouse for the mobile audit (pinned in web/bench/lighthouse)"
      npm ci --prefix web/bench/lighthouse --no-audit --no-fund ;;
  esac
  log "benchmarks: $DIST/ in headless Chromium, load test, go test -bench -> docs/benchmarks.md"
  go run ./web/bench -dist "$DIST" -out docs/benchmarks.md "$@"
}

# worker builds the Cloudflare Worker into wasm/worker/build/ (docs/worker.md): the site as
# Workers static assets with serve.go's headers, and the Go Worker drawing /charts/*.svg|png.
worker() {
  build
  local out=wasm/worker/build
  log "Workers assets into $out/assets/"
  go run ./wasm/worker -dist "$DIST" -assets "$out/assets"
  log "compiling the Worker into $out/worker/"
  go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o "$out/worker"
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$out/worker/app.wasm" ./wasm/worker
  log "Worker wasm: $(wc -c <"$out/worker/app.wasm") bytes, $(gzip -9c "$out/worker/app.wasm" | wc -c) gzip"
}

cmd="${1:-build}"
shift || true
case "$cmd" in
  build) build ;;
  serve) build; exec go run serve.go -dir "$DIST" "$@" ;;
  test) test_all ;;
  generate) generate ;;
  check-generated) check_generated ;;
  bench) bench "$@" ;;
  fuzz) fuzz ;;
  worker) worker ;;
  stress) stress "$@" ;;
  *) echo "usage: ./build.sh [build|serve|test|generate|bench|worker|stress N]" >&2; exit 2 ;;
esac
