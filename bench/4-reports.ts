/**
 * The reports on the network of the compliance benchmark (bench/support/network.ts), for a member who
 * is not secretariat:
 * - the time of each builder alone (best of 3), on the decoded network at full size;
 * - each runReport over the Apps Script fake at a tenth of that size and at full size: its time and its
 *   SpreadsheetApp calls (one read per tab, a constant number of writes: the calls stay flat in the rows).
 */
import { runReport } from '../src/app/reports';
import { decodeNetwork } from '../src/domain/network';
import { REPORTS } from '../src/domain/reports';
import type { Cell } from '../src/domain/cells';
import { gasPorts } from '../src/gas/ports';
import { createGasFake } from '../tests/fakes/gas';
import { best, FULL, generate, TENTH, TODAY, type Size } from './support/network';
import { countCalls, type CallCounts } from './support/calls';

/** AG05's primary focal point: an ordinary member. */
const MEMBER = 'p.ag05@un.org';
const YEAR = 2026;

const started = performance.now();
const network = decodeNetwork(generate(FULL));
console.log(`Network: ${FULL.members} members, ${FULL.meetings} meetings, ${FULL.decisions} decisions, ${FULL.actions} actions, ${FULL.workplan} workplan rows`);
console.log('\nBuilders alone (best of 3, full size)');
for (const def of REPORTS) {
  const ms = best(() => def.build(network, { year: YEAR, today: TODAY }));
  console.log(`  ${def.name.padEnd(20)}${ms.toFixed(0).padStart(6)} ms`);
}

interface Run extends CallCounts {
  readonly ms: number;
}

/** Every report run twice (the second replaces the first's tab), the second run measured. */
function gasRuns(size: Size): Map<string, Run> {
  const fake = createGasFake({ owner: 'owner@un.org', activeUser: MEMBER, sheets: generate(size) as Record<string, Cell[][]> });
  const restore = fake.install();
  const out = new Map<string, Run>();
  try {
    for (const def of REPORTS) {
      runReport(gasPorts(), def.id, { year: YEAR });
      const t = performance.now();
      const run = fake.calls.during(() => runReport(gasPorts(), def.id, { year: YEAR }));
      out.set(def.id, { ms: performance.now() - t, ...countCalls(run) });
    }
  } finally {
    restore();
  }
  return out;
}

const small = gasRuns(TENTH);
const large = gasRuns(FULL);
const pad = (s: string | number, n: number) => String(s).padStart(n);
console.log('\nrunReport over the Apps Script fake, replacing the tab (time; SpreadsheetApp calls: reads, writes, all)');
console.log(`${'report'.padEnd(20)}${pad('tenth ms', 10)}${pad('full ms', 9)}${pad('reads', 12)}${pad('writes', 12)}${pad('all calls', 12)}`);
let flat = true;
for (const def of REPORTS) {
  const s = small.get(def.id)!;
  const l = large.get(def.id)!;
  flat &&= s.reads === l.reads && s.writes === l.writes && s.spreadsheet === l.spreadsheet;
  const both = (a: number, b: number) => pad(`${a} / ${b}`, 12);
  console.log(
    `${def.name.padEnd(20)}${pad(s.ms.toFixed(0), 10)}${pad(l.ms.toFixed(0), 9)}${both(s.reads, l.reads)}${both(s.writes, l.writes)}${both(s.spreadsheet, l.spreadsheet)}`,
  );
}
console.log(`flat: ${flat ? 'yes' : 'NO'} (calls at a tenth / at full size: one getValues per tab, the report written as one block, its look, colours and charts).`);
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
