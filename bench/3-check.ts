/**
 * The compliance check on a generated network of 50 members, 10 years of quarterly meetings, 5,000
 * decisions, 50,000 actions and 2,000 workplan rows:
 * - the time of checkNetwork alone (best of 3; goal under 1 s), with the decoding timed apart;
 * - the SpreadsheetApp calls of runComplianceCheck over the Apps Script fake at a tenth of that size
 *   and at full size: one read per tab and a constant number of writes, whatever the rows.
 */
import { runComplianceCheck } from '../src/app/check';
import type { Cell } from '../src/domain/cells';
import { headerRow } from '../src/domain/codec';
import { decodeNetwork } from '../src/domain/network';
import { checkNetwork, countBySeverity, describeCounts } from '../src/domain/rules';
import { ComplianceTable } from '../src/domain/tables';
import { gasPorts } from '../src/gas/ports';
import { createGasFake } from '../tests/fakes/gas';
import { best, FULL, generate, SECRETARIAT, TENTH, TODAY, type Size } from './support/network';
import { countCalls, type CallCounts } from './support/calls';

const started = performance.now();
const grids = generate(FULL);
const network = decodeNetwork(grids);
const decodeMs = best(() => decodeNetwork(grids));
let findings = checkNetwork(network, TODAY);
const checkMs = best(() => {
  findings = checkNetwork(network, TODAY);
});
console.log(`Network: ${FULL.members} members, ${FULL.meetings} meetings, ${FULL.decisions} decisions, ${FULL.actions} actions, ${FULL.workplan} workplan rows`);
console.log(`findings: ${findings.length} (${describeCounts(countBySeverity(findings))})`);
console.log(`decodeNetwork: ${decodeMs.toFixed(0)} ms (best of 3)`);
console.log(`checkNetwork:  ${checkMs.toFixed(0)} ms (best of 3; goal < 1000 ms) ${checkMs < 1000 ? 'ok' : 'OVER'}`);

interface GasRun extends CallCounts {
  readonly findings: number;
}

function gasRun(size: Size): GasRun {
  // An earlier, longer run's findings are on the tab at both sizes, so each run clears the rest alike.
  const earlier = Array.from({ length: 3_000 }, (_, i): Cell[] => ['warning', 'earlier.run', 'Actions', i + 2, '', 'stale', '', '']);
  const sheets: Record<string, Cell[][]> = { ...(generate(size) as Record<string, Cell[][]>), Compliance: [headerRow(ComplianceTable), ...earlier] };
  const fake = createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets });
  const restore = fake.install();
  try {
    const run = fake.calls.during(() => runComplianceCheck(gasPorts()));
    return { findings: run.result.findings.length, ...countCalls(run) };
  } finally {
    restore();
  }
}

const small = gasRun(TENTH);
const large = gasRun(FULL);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('\nrunComplianceCheck over the Apps Script fake (SpreadsheetApp calls)');
console.log(`${'size'.padEnd(40)}${pad('findings', 9)}${pad('reads', 7)}${pad('writes', 8)}${pad('other calls', 13)}`);
for (const [label, r] of [
  ['a tenth (500 decisions, 5,000 actions)', small],
  ['full (5,000 decisions, 50,000 actions)', large],
] as const) {
  console.log(`${label.padEnd(40)}${pad(r.findings, 9)}${pad(r.reads, 7)}${pad(r.writes, 8)}${pad(r.spreadsheet - r.reads - r.writes, 13)}`);
}
const flat = small.reads === large.reads && small.writes === large.writes && small.spreadsheet === large.spreadsheet;
console.log(
  `flat: ${flat ? 'yes' : 'NO'} (one getValues per tab; writes: the Compliance tab through the writer of result tabs (its block, links, look and colours), the Log row).`,
);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
