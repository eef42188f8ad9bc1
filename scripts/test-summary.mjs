// Prints one closing line for the whole test run, from the unit (vitest), end-to-end (Playwright,
// Chromium) and Firefox end-to-end (vitest + puppeteer-core) JSON reports:
// "tests: N passed, N failed, N skipped (Firefox end-to-end: N passed)".
import { readFileSync, existsSync } from 'node:fs';

let passed = 0, failed = 0, skipped = 0;
function vitestReport(file) {
  if (!existsSync(file)) return null;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  const counts = { passed: r.numPassedTests ?? 0, failed: r.numFailedTests ?? 0, skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0) };
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  return counts;
}
vitestReport('test-results/unit.json');
const e2e = 'test-results/e2e.json';
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats ?? {};
  passed += s.expected ?? 0;
  failed += (s.unexpected ?? 0) + (s.flaky ?? 0);
  skipped += s.skipped ?? 0;
}
const firefox = vitestReport('test-results/firefox.json');
const ffPart = firefox
  ? ` (Firefox end-to-end: ${firefox.passed} passed${firefox.failed ? `, ${firefox.failed} failed` : ''}${firefox.skipped ? `, ${firefox.skipped} skipped` : ''})`
  : ' (Firefox end-to-end: not run)';
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped${ffPart}`);
process.exitCode = failed ? 1 : 0;
