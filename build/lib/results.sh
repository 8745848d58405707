# shellcheck shell=bash
# Lectura de resultados de pruebas para build/test.sh (se carga con `source`).
# Test result parsing for build/test.sh (sourced). Every function prints one line:
#   "<passed> <failed> <skipped> <found>"   (found=0 when no report/summary was found)
#
#   results_trx DIR            TRX de `dotnet test --logger trx` (suma de <Counters>)
#   results_vitest_json FILE   informe JSON de vitest (formato jest)
#   results_console LOG        resumen impreso por node --test (spec/tap), vitest o playwright
#
# results_trx_details DIR imprime una línea por TRX y los nombres de las pruebas fallidas.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

_results_node() {
  node - "$@" <<'JS'
const fs = require("fs");
const path = require("path");
const [mode, target] = process.argv.slice(2);
const out = (p, f, s, found) => console.log(`${p} ${f} ${s} ${found ? 1 : 0}`);
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[ -\/]*[@-~]/g, "").replace(/\r/g, "\n");
const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}="(\\d+)"`));
  return m ? Number(m[1]) : 0;
};
const listTrx = (dir) => {
  const res = [];
  const walk = (d) => {
    let entries = [];
    try { entries = fs.readdirSync(d, { withFileTypes: true }); } catch { return; }
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.toLowerCase().endsWith(".trx")) res.push(p);
    }
  };
  walk(dir);
  return res.sort();
};
const parseTrx = (file) => {
  const xml = fs.readFileSync(file, "utf8");
  const counters = xml.match(/<Counters\b[^>]*>/);
  const summary = xml.match(/<ResultSummary\b[^>]*\boutcome="([^"]*)"/);
  const r = { file, passed: 0, failed: 0, skipped: 0, outcome: summary ? summary[1] : "?", failedNames: [] };
  if (counters) {
    const c = counters[0];
    r.passed = attr(c, "passed");
    r.failed = attr(c, "failed") + attr(c, "error") + attr(c, "timeout") + attr(c, "aborted");
    r.skipped = Math.max(0, attr(c, "total") - attr(c, "executed")) || attr(c, "notExecuted");
  } else {
    r.failed = 1;
  }
  if (r.failed === 0 && /^(Failed|Error|Aborted|Timeout)$/i.test(r.outcome)) r.failed = 1;
  const unescape = (t) => t.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const m of xml.matchAll(/<UnitTestResult\b[^>]*?(?:\/>|>[\s\S]*?<\/UnitTestResult>)/g)) {
    const tag = m[0].match(/<UnitTestResult\b[^>]*>/)[0];
    const oc = (tag.match(/\boutcome="([^"]*)"/) || [])[1];
    if (oc && /^(Failed|Error|Timeout|Aborted)$/i.test(oc)) {
      const name = unescape((tag.match(/\btestName="([^"]*)"/) || [])[1] || "?");
      // The first lines of the failure, so a CI log that keeps only the summary still says why (a fuzzer's seed and request).
      const msg = unescape((m[0].match(/<Message>([\s\S]*?)<\/Message>/) || [])[1] || "").trim().split("\n").slice(0, 4).join(" | ").slice(0, 400);
      r.failedNames.push(msg ? `${name}\n          ${msg}` : name);
    }
  }
  return r;
};

try {
  if (mode === "trx" || mode === "trx-details") {
    const files = listTrx(target);
    const rs = files.map((f) => { try { return parseTrx(f); } catch { return { file: f, passed: 0, failed: 1, skipped: 0, outcome: "unreadable", failedNames: [] }; } });
    if (mode === "trx") {
      const sum = (k) => rs.reduce((a, r) => a + r[k], 0);
      out(sum("passed"), sum("failed"), sum("skipped"), files.length > 0);
    } else {
      for (const r of rs) {
        console.log(`    ${path.basename(r.file)}: passed=${r.passed} failed=${r.failed} skipped=${r.skipped} (${r.outcome})`);
        for (const n of r.failedNames.slice(0, 30)) console.log(`      ✗ ${n}`);
        if (r.failedNames.length > 30) console.log(`      … +${r.failedNames.length - 30}`);
      }
    }
  } else if (mode === "vitest-json") {
    const j = JSON.parse(fs.readFileSync(target, "utf8"));
    let failed = Number(j.numFailedTests || 0);
    const passed = Number(j.numPassedTests || 0);
    const skipped = Number(j.numPendingTests || 0) + Number(j.numTodoTests || 0);
    // Un archivo de pruebas que ni siquiera carga no cuenta pruebas fallidas: cuéntelo.
    const failedSuites = Number(j.numFailedTestSuites || 0);
    if (failed === 0 && failedSuites > 0) failed = failedSuites;
    if (failed === 0 && j.success === false) failed = 1;
    out(passed, failed, skipped, true);
  } else if (mode === "console") {
    const text = stripAnsi(fs.readFileSync(target, "utf8"));
    const lines = text.split("\n");
    const last = (re) => { let v = null; for (const l of lines) { const m = l.match(re); if (m) v = m; } return v; };
    // 1) node --test (spec: "ℹ pass 3", tap: "# pass 3")
    const np = last(/^\s*(?:ℹ|#|i)\s+pass\s+(\d+)\s*$/);
    const nf = last(/^\s*(?:ℹ|#|i)\s+fail\s+(\d+)\s*$/);
    if (np || nf) {
      const nc = last(/^\s*(?:ℹ|#|i)\s+cancelled\s+(\d+)\s*$/);
      const ns = last(/^\s*(?:ℹ|#|i)\s+skipped\s+(\d+)\s*$/);
      const nt = last(/^\s*(?:ℹ|#|i)\s+todo\s+(\d+)\s*$/);
      const n = (m) => (m ? Number(m[1]) : 0);
      out(n(np), n(nf) + n(nc), n(ns) + n(nt), true);
    } else {
      // 2) vitest: " Tests  10 passed | 1 failed | 2 skipped (13)"
      const vt = last(/^\s*Tests\s+(.*\d+\s+(?:passed|failed|skipped|todo).*)$/);
      const vf = last(/^\s*Test Files\s+(.*\d+\s+(?:passed|failed|skipped).*)$/);
      const count = (s, word) => { const m = s && s.match(new RegExp(`(\\d+)\\s+${word}`)); return m ? Number(m[1]) : 0; };
      if (vt || vf) {
        let failed = count(vt && vt[1], "failed");
        if (failed === 0) failed = count(vf && vf[1], "failed");
        out(count(vt && vt[1], "passed"), failed, count(vt && vt[1], "skipped") + count(vt && vt[1], "todo"), true);
      } else {
        // 3) playwright: "  10 passed (30.1s)", "  1 failed", "  2 flaky", "  1 skipped"
        let p = 0, f = 0, s = 0, found = false;
        for (const l of lines) {
          const m = l.match(/^\s*(\d+)\s+(passed|failed|flaky|skipped|did not run|interrupted)\b/);
          if (!m) continue;
          found = true;
          const k = Number(m[1]);
          if (m[2] === "passed" || m[2] === "flaky") p += k;
          else if (m[2] === "failed" || m[2] === "interrupted") f += k;
          else s += k;
        }
        out(p, f, s, found);
      }
    }
  } else {
    throw new Error("modo desconocido: " + mode);
  }
} catch (e) {
  if (mode === "trx-details") process.exit(0);
  out(0, 0, 0, false);
}
JS
}

results_trx() { _results_node trx "$1"; }
results_trx_details() { _results_node trx-details "$1"; }
results_vitest_json() {
  if [[ -s "$1" ]]; then _results_node vitest-json "$1"; else echo "0 0 0 0"; fi
}
results_console() {
  if [[ -s "$1" ]]; then _results_node console "$1"; else echo "0 0 0 0"; fi
}
