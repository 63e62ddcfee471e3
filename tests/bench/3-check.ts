/**
 * The compliance check's own work on the generated networks of tests/bench/support/network.ts: decoding the
 * tabs and running every rule (best of 3; goal under 1 s at every size), and how many findings each
 * rule has at each size, to show that every rule has work. The SpreadsheetApp calls and time of
 * runComplianceCheck over the Apps Script fake are in the results table (6-results).
 */
import { decodeNetwork } from '../../src/domain/network';
import { checkNetwork, type Finding } from '../../src/domain/rules';
import { RULE_IDS } from '../../src/domain/rules/ids';
import { best, generate, gridsOf, rowsOf, SCALES, TODAY } from './support/network';

const GOAL_MS = 1000;
const started = performance.now();
const pad = (s: string | number, n: number) => String(s).padStart(n);
const sizes = SCALES.map((scale) => {
  const grids = gridsOf(generate(scale));
  const network = decodeNetwork(grids);
  let findings: Finding[] = [];
  const decodeMs = best(() => decodeNetwork(grids));
  const checkMs = best(() => {
    findings = checkNetwork(network, TODAY);
  });
  return { scale, rows: rowsOf(grids), decodeMs, checkMs, findings };
});

console.log(`${'size'.padEnd(8)}${pad('rows', 9)}${pad('decode ms', 11)}${pad('check ms', 10)}${pad('findings', 10)}`);
for (const s of sizes)
  console.log(
    `${`${s.scale}×`.padEnd(8)}${pad(s.rows, 9)}${pad(s.decodeMs.toFixed(0), 11)}${pad(s.checkMs.toFixed(0), 10)}${pad(s.findings.length, 10)}`,
  );
const slowest = Math.max(...sizes.map((s) => s.checkMs));
console.log(
  `checkNetwork: at most ${slowest.toFixed(0)} ms (best of 3; goal < ${GOAL_MS} ms) ${slowest < GOAL_MS ? 'ok' : 'OVER'}`,
);

console.log('\nFindings per rule');
console.log(`${'rule'.padEnd(30)}${sizes.map((s) => pad(`${s.scale}×`, 8)).join('')}`);
for (const rule of RULE_IDS)
  console.log(
    `${rule.padEnd(30)}${sizes.map((s) => pad(s.findings.filter((f) => f.rule === rule).length, 8)).join('')}`,
  );
const idle = RULE_IDS.filter((rule) => sizes.some((s) => !s.findings.some((f) => f.rule === rule)));
console.log(
  `Rules without findings at some size: ${idle.join(', ') || 'none'}. (workplan.exists can fire only when the current year has no workplan at all.)`,
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
