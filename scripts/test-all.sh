#!/usr/bin/env bash
# Installs what the tests need and runs every check: lint, type-check, unit and integration tests
# (Vitest) and browser tests (Playwright on Debian's chromium). Ends with one line: N passed, M failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 FORCE_COLOR=0

# Debian packages the tests use: the browser, and real Kafka clients written by others.
debian_packages=(chromium kcat python3-confluent-kafka python3-kafka golang-go golang-github-segmentio-kafka-go-dev golang-github-shopify-sarama-dev burrow zookeeper docker-compose)
missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages the tests need: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { echo "apt-get install failed for: ${missing[*]}"; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "The tests need these Debian packages: ${missing[*]}"
    echo "Install them with: sudo apt-get install -y ${missing[*]}"
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi || { echo "0 passed, 1 failed"; exit 1; }

results=$(mktemp -d)
passed=0 failed=0 skipped=0
check() { # name, command...: a check that counts as one test
  local name=$1; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: $name"; fi
}

check lint npm run --silent lint
check typecheck npm run --silent typecheck
echo "== build broker, gateway and console"
npx turbo run build --filter=@brook/web --filter=@brook/broker --filter=@brook/gateway --output-logs=errors-only || { failed=$((failed + 1)); echo "FAILED: build"; }

echo "== unit and integration tests (vitest)"
npx vitest run --reporter=default --reporter=json --outputFile.json="$results/vitest.json"
echo "== browser tests (playwright)"
PLAYWRIGHT_JSON_OUTPUT_NAME="$results/playwright.json" npx playwright test --reporter=list,json

counts=$(node -e '
  const fs = require("fs");
  const read = (f) => { try { return JSON.parse(fs.readFileSync(f, "utf8")); } catch { return null; } };
  const v = read(process.argv[1]), p = read(process.argv[2]);
  let passed = 0, failed = 0, skipped = 0;
  if (v) { passed += v.numPassedTests; failed += v.numFailedTests + (v.numTotalTestSuites && v.success === false && v.numFailedTests === 0 ? 1 : 0); skipped += v.numPendingTests + v.numTodoTests; } else failed += 1;
  if (p) { passed += p.stats.expected + p.stats.flaky; failed += p.stats.unexpected + (p.errors?.length ? 1 : 0); skipped += p.stats.skipped; } else failed += 1;
  console.log(passed, failed, skipped);
' "$results/vitest.json" "$results/playwright.json")
read -r vp vf vs <<<"$counts"
passed=$((passed + vp)) failed=$((failed + vf)) skipped=$((skipped + vs))
rm -rf "$results"
echo
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
