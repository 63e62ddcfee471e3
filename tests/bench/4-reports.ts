/**
 * Each report's builder alone (best of 3) on the decoded networks of tests/bench/support/network.ts at each
 * size. The SpreadsheetApp calls and time of the report commands over the Apps Script fake are in the
 * results table (6-results).
 */
import { decodeNetwork } from '../../src/domain/network';
import { REPORTS } from '../../src/domain/reports';
import { best, generate, gridsOf, SCALES, TODAY } from './support/network';

const YEAR = Number(TODAY.slice(0, 4));
const started = performance.now();
const pad = (s: string | number, n: number) => String(s).padStart(n);
const times = SCALES.map((scale) => {
  const network = decodeNetwork(gridsOf(generate(scale)));
  return REPORTS.map((def) => best(() => def.build(network, { year: YEAR, today: TODAY })));
});
console.log(`Report builders, ms (best of 3), for ${YEAR}`);
console.log(`${'report'.padEnd(20)}${SCALES.map((s) => pad(`${s}×`, 9)).join('')}`);
REPORTS.forEach((def, r) =>
  console.log(`${def.name.padEnd(20)}${times.map((t) => pad(t[r]!.toFixed(0), 9)).join('')}`),
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
