/**
 * The results of `npm run bench` as one table, printed last and written to bench/RESULTS.md under the
 * machine it ran on: each public command and trigger of the add-on over the Apps Script fake
 * (SpreadsheetApp calls and time), and each CLI command on an .xlsx file (time and peak memory), on
 * the generated networks of tests/bench/support/network.ts at 1×, 10×, 100× and 1,000× the example
 * workbook; whether the calls stay flat in the rows and the time grows no faster than the rows; and
 * the targets of issue 14 beside the numbers.
 */
import { execFileSync, execSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  BENCH_DIR,
  CLI_RUNS,
  measureCheck,
  measureCheckAndFloor,
  measureCli,
  ROOT,
  writeWorkbookFile,
  type CliMeasure,
  type CliRun,
} from './support/cli';
import { FAKE_RUNS, measureCommands, writesOf, type FakeRun, type Measured } from './support/commands';
import { generate, gridsOf, rowsOf, SCALES, SECRETARIAT, TODAY } from './support/network';
import { LogTable, TABLES } from '../../src/domain/tables';
import { runComplianceCheck } from '../../src/app/check';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';

/** Below this, a step's time is mostly the timer's and the fake's noise: it does not count for linearity. */
const NOISE_MS = 100;
/**
 * How much the time per row may grow from one size to the next (ten times the rows) before it counts as
 * faster than linear: one run's CPU time on shared cores varies by a third, and a step that grew with
 * the square of the rows would show 10.
 */
const SLACK = 1.5;
/** Six calls a tab of the contract: a read and the checks of its layout and protection. */
const SETUP_CALLS = 6 * TABLES.length;
const IDLE_TICK_CALLS = 15;
const CHECK_CALLS = 25;
const REPORT_CALLS = 30;
const CLI_MS = 15_000;
const CLI_TARGET_MS = 5_000;
const CHECK_MIB = 256;
const FLOOR_RATIO = 2;
const COLD_MS = 15;
const COLD_RUNS = 9;
const BUNDLE_KB = 250;
const CLI_MIB = 1024;
const EXAMPLE_CHECK_MS = 600;

const started = performance.now();
const loadAtStart = os.loadavg()[0] ?? 0;
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const secs = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

const rows: number[] = [];
const shapes: string[] = [];
const fake = new Map<FakeRun, Measured[]>();
const cli = new Map<CliRun, CliMeasure[]>();
// A first run warms the JIT up, so that 1× measures the commands rather than the compiler.
measureCommands(generate(1));
for (const scale of SCALES) {
  const t = performance.now();
  const network = generate(scale);
  rows.push(rowsOf(gridsOf(network)));
  shapes.push(
    `${int(scale)}×: ${int(rows.at(-1)!)} rows, ${network.members.length} members, ${yearsOf(network.settings.foundedOn)} years`,
  );
  for (const [run, m] of measureCommands(network)) fake.set(run, [...(fake.get(run) ?? []), m]);
  const file = path.join(BENCH_DIR, `network-${scale}x.xlsx`);
  await writeWorkbookFile(network, file);
  for (const [run, m] of await measureCli(file)) cli.set(run, [...(cli.get(run) ?? []), m]);
  console.log(`${shapes.at(-1)}: measured in ${secs(performance.now() - t)}`);
}
const example = await measureCheck(path.join(ROOT, 'examples', 'uzbekistan.xlsx'));
const floorRun = await measureCheckAndFloor(path.join(BENCH_DIR, `network-${SCALES.at(-1)!}x.xlsx`));
const cold = coldLoadMs();
const bundleKB = statSync(path.join(ROOT, 'dist', 'Code.js')).size / 1000;
const setups = setupCalls();

/**
 * The load of dist/Code.js in node:vm as each Apps Script execution begins: compiled and run in a
 * new context by a new process, so that nothing is cached; the median of COLD_RUNS.
 */
function coldLoadMs(): number {
  const probe =
    "const vm=require('node:vm');const code=require('node:fs').readFileSync(process.argv[1],'utf8');" +
    "const t=performance.now();vm.runInContext(code,vm.createContext({}),{filename:'Code.js'});" +
    'process.stdout.write(String(performance.now()-t))';
  const times = Array.from({ length: COLD_RUNS }, () =>
    Number(execFileSync(process.execPath, ['-e', probe, path.join(ROOT, 'dist', 'Code.js')]).toString()),
  ).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** Setup's calls on its second run over a fresh spreadsheet, and on the run after a check grew the full Log. */
function setupCalls(): { fresh: number; grown: number } {
  const run = <T>(fake: GasFake, fn: () => T) => {
    fake.nextExecution();
    return fake.calls.during(fn);
  };
  const within = <T>(fake: GasFake, fn: () => T): T => {
    const restore = fake.install();
    try {
      return fn();
    } finally {
      restore();
    }
  };
  const empty = createGasFake({ owner: 'owner@iom.int', activeUser: SECRETARIAT, sheets: {} });
  const fresh = within(empty, () => {
    run(empty, () => setupWorkbook(gasPorts()));
    return run(empty, () => setupWorkbook(gasPorts())).spreadsheet;
  });
  const sheets = gridsOf(generate(SCALES[0]!)) as Record<string, Cell[][]>;
  const full = createGasFake({ owner: 'owner@iom.int', activeUser: SECRETARIAT, sheets });
  const grown = within(full, () => {
    run(full, () => setupWorkbook(gasPorts()));
    const log = full.sheet(LogTable.name);
    log.maxRows = full.sheetValues(LogTable.name).length;
    run(full, () => runComplianceCheck(gasPorts()));
    return run(full, () => setupWorkbook(gasPorts())).spreadsheet;
  });
  return { fresh, grown };
}

function yearsOf(foundedOn: string | null): number {
  return Number(TODAY.slice(0, 4)) - Number((foundedOn ?? TODAY).slice(0, 4));
}

/** Calls the same at every size; or one more where the tab written must first grow past its last row. */
function flatness(runs: readonly Measured[]): string {
  const first = runs[0]!;
  const grows = (r: Measured) =>
    (r.byMethod['Sheet.insertRowsAfter'] ?? 0) - (first.byMethod['Sheet.insertRowsAfter'] ?? 0);
  if (runs.every((r) => r.spreadsheet === first.spreadsheet)) return 'yes';
  if (runs.every((r) => r.spreadsheet - first.spreadsheet === grows(r) && grows(r) <= 1))
    return 'yes (+1: grows the tab)';
  return 'NO';
}

/** Time per row at each size over the one before; linear or better when no step above the noise exceeds SLACK. */
function growth(times: readonly number[]): { ratios: string; linear: string } {
  const steps = times
    .slice(1)
    .map((t, i) => ({ ratio: t / rows[i + 1]! / (times[i]! / rows[i]!), counts: t >= NOISE_MS }));
  const linear = steps.every((s) => !s.counts || s.ratio <= SLACK);
  return { ratios: steps.map((s) => s.ratio.toFixed(2)).join(' · '), linear: linear ? 'yes' : 'NO' };
}

const most = (runs: readonly Measured[], key: 'spreadsheet' | 'writes') => Math.max(...runs.map((r) => r[key]));
/** Each target: what it asks, and '' when every size meets it, else what falls short. */
const FAKE_TARGETS: Partial<Record<FakeRun, { text: string; shortfall(runs: readonly Measured[]): string }>> = {
  'setupWorkbook (intact)': {
    text: `only reads, ≤ ${SETUP_CALLS} calls (6 a tab)`,
    shortfall: (runs) =>
      most(runs, 'writes') === 0 && most(runs, 'spreadsheet') <= SETUP_CALLS
        ? ''
        : `${most(runs, 'spreadsheet')} calls, ${most(runs, 'writes')} of them writes`,
  },
  runComplianceCheck: {
    text: `≤ ${CHECK_CALLS} calls`,
    shortfall: (runs) => (most(runs, 'spreadsheet') <= CHECK_CALLS ? '' : `${most(runs, 'spreadsheet')} calls`),
  },
  ...Object.fromEntries(
    FAKE_RUNS.filter((run) => run.startsWith('report')).map((run) => [
      run,
      {
        text: `≤ ${REPORT_CALLS} calls`,
        shortfall: (runs: readonly Measured[]) =>
          most(runs, 'spreadsheet') <= REPORT_CALLS ? '' : `${most(runs, 'spreadsheet')} calls`,
      },
    ]),
  ),
  'hourlyTick (idle)': {
    text: `≤ ${IDLE_TICK_CALLS} calls`,
    shortfall: (runs) => (most(runs, 'spreadsheet') <= IDLE_TICK_CALLS ? '' : `${most(runs, 'spreadsheet')} calls`),
  },
};

const cliCell = (m: CliMeasure) => `${secs(m.ms)} (cpu ${secs(m.cpuMs)}) · ${int(m.rssMiB)} MiB`;
const table: string[] = [
  `| command | ${SCALES.map((s, i) => `${int(s)}× (${int(rows[i]!)} rows)`).join(' | ')} | calls flat | CPU time per row, ×10 steps | time ≤ linear | target | met |`,
  `|---|${SCALES.map(() => '---:').join('|')}|---|---|---|---|---|`,
  `| **Apps Script**, over the fake: SpreadsheetApp calls · CPU time |${SCALES.map(() => ' |').join('')} | | | | |`,
];
for (const run of FAKE_RUNS) {
  const runs = fake.get(run)!;
  const { ratios, linear } = growth(runs.map((r) => r.cpuMs));
  const target = FAKE_TARGETS[run];
  const shortfall = target?.shortfall(runs);
  const met = shortfall === undefined ? '' : shortfall === '' ? 'yes' : `no: ${shortfall}`;
  table.push(
    `| ${run} | ${runs.map((r) => `${r.spreadsheet} · ${int(r.cpuMs)} ms`).join(' | ')} | ${flatness(runs)} | ${ratios} | ${linear} | ${target?.text ?? ''} | ${met} |`,
  );
}
table.push(
  `| **CLI**, \`node bin/unmn.mjs\`: wall time (CPU time) · peak memory |${SCALES.map(() => ' |').join('')} | | | | |`,
);
for (const run of CLI_RUNS) {
  const runs = cli.get(run)!;
  const { ratios, linear } = growth(runs.map((r) => r.cpuMs));
  const largest = runs.at(-1)!;
  const met =
    largest.ms < CLI_MS && largest.rssMiB < CLI_MIB ? 'yes' : `no: ${secs(largest.ms)}, ${int(largest.rssMiB)} MiB`;
  table.push(
    `| \`unmn ${run}\` | ${runs.map(cliCell).join(' | ')} | — | ${ratios} | ${linear} | < 15 s and < 1 GiB at 1,000× | ${met} |`,
  );
}
table.push(
  `| \`unmn check\` on examples/uzbekistan.xlsx | ${cliCell(example)} |${SCALES.slice(1)
    .map(() => ' |')
    .join('')} — | — | — | < 0.6 s | ${example.ms < EXAMPLE_CHECK_MS ? 'yes' : `no: ${secs(example.ms)}`} |`,
);

const atLargest = (run: CliRun) => cli.get(run)!.at(-1)!;
const ratio = floorRun.check.ms / floorRun.floor.ms;
const checkRuns = fake.get('runComplianceCheck')!;
const targets: [string, string, boolean][] = [
  [
    `\`runComplianceCheck\` ≤ ${CHECK_CALLS} SpreadsheetApp calls at every size`,
    `${Math.max(...checkRuns.map((r) => r.spreadsheet))} at most`,
    most(checkRuns, 'spreadsheet') <= CHECK_CALLS,
  ],
  [
    `\`setupWorkbook\` second run on a fresh spreadsheet ≤ 6 calls a tab (${SETUP_CALLS})`,
    String(setups.fresh),
    setups.fresh <= SETUP_CALLS,
  ],
  [
    `\`setupWorkbook\` after a check grew the full Log ≤ 6 calls a tab (${SETUP_CALLS})`,
    String(setups.grown),
    setups.grown <= SETUP_CALLS,
  ],
  [`cold load of dist/Code.js in node:vm ≤ ${COLD_MS} ms`, `${cold.toFixed(1)} ms`, cold <= COLD_MS],
  [`dist/Code.js ≤ ${BUNDLE_KB} KB`, `${bundleKB.toFixed(1)} KB`, bundleKB <= BUNDLE_KB],
  [
    `\`unmn check\` at 1,000× ≤ ${FLOOR_RATIO}× the parse floor of the same file`,
    `${secs(floorRun.check.ms)} over ${secs(floorRun.floor.ms)}: ${ratio.toFixed(2)}×`,
    ratio <= FLOOR_RATIO,
  ],
  [
    `\`unmn check\` at 1,000× peak memory ≤ ${CHECK_MIB} MiB`,
    `${int(floorRun.check.rssMiB)} MiB`,
    floorRun.check.rssMiB <= CHECK_MIB,
  ],
  ...CLI_RUNS.map((run): [string, string, boolean] => [
    `\`unmn ${run}\` at 1,000× ≤ ${secs(CLI_TARGET_MS)}`,
    secs(atLargest(run).ms),
    atLargest(run).ms <= CLI_TARGET_MS,
  ]),
];
const targetTable = [
  '| target (issue 20) | measured | met |',
  '|---|---|---|',
  ...targets.map(([what, value, met]) => `| ${what} | ${value} | ${met ? 'pass' : '**fail**'} |`),
];

const largest = (run: FakeRun) => fake.get(run)!.at(-1)!;
const tickCalls = (run: Measured) =>
  `${run.sent} messages in ${run.spreadsheet} calls: ${run.reads} reads, ${run.writes} writes, ${run.byMethod['SpreadsheetApp.flush'] ?? 0} flushes`;
const methods = (entries: [string, number][]) => entries.map(([m, n]) => `${m} ${n}`).join(', ');
/** An intact workbook needs no write: then the sentence says so rather than list none. */
const setupWrites = (run: Measured) => {
  const writes = writesOf(run);
  return writes.length === 0 ? 'none of them a write' : `the writes ${methods(writes)}`;
};
const commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
const dirty = execSync('git status --porcelain -- src', { cwd: ROOT }).toString().trim() !== '';
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
const text = [
  '# Benchmark results',
  '',
  `\`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}${dirty ? ' with changes to src/' : ''}: ${cpu}, ` +
    `${os.availableParallelism()} cores, ${int(os.totalmem() / 2 ** 30)} GiB memory, Node ${process.version}, ${os.type()} ${os.release()}. ` +
    `Load average (1 min) ${loadAtStart.toFixed(1)} at the start and ${(os.loadavg()[0] ?? 0).toFixed(1)} at the end: ` +
    'where it is above the cores, other work shared them and the wall times are upper bounds (the CPU times of the CLI less so).',
  '',
  `Networks of tests/bench/support/network.ts, each tab that grows with the years keeping its share of the example's rows: ${shapes.join('; ')}.`,
  '',
  ...targetTable,
  '',
  ...table,
  '',
  '- **Calls**: every call into SpreadsheetApp and the objects it hands out (spreadsheet, sheets, ranges, protections, the UI), as tests/fakes/gas.ts counts them. ' +
    'In Sheets each is a round trip of tens of milliseconds, so they, not the fake\'s time, say what a command costs there. "Writes" are the calls that change the spreadsheet.',
  '- **Runs**: by the secretariat, each with its own ports, on a clock fixed at ' +
    `${TODAY}. Set up runs once to bring layout and protection in line, then again on the intact workbook (measured); the check and each report run twice and the second, replacing its tab, is measured; ` +
    `the decision is recorded through the sidebar's RPC; the circulation confirms the two meetings whose minutes are due. The first tick of the day sends ${largest('hourlyTick (with work)').sent} messages at every size ` +
    "(minutes to the members and the RCO, an agenda and a minutes reminder, three agencies' action reminders); the tick right after it has nothing to do.",
  '- **Time**: CPU time of the process, which the other work on shared cores leaves be (the wall time of a command over the fake grows with the load). ' +
    `**Time per row**: CPU time ÷ rows at each size over the same at the size before; linear or better when no step whose larger time is at least ${NOISE_MS} ms exceeds ${SLACK}. ` +
    'The targets of the CLI are on its wall time.',
  '- **CLI**: `report all` writes HTML and CSV files; `tick` runs on a fresh copy of the file each time (it saves what it did) with its messages as .eml files. ' +
    'Each command runs three times (five for the example, and five alternating with the parse floor for the ratio), and the fastest counts; the peak memory is the highest.',
  `- **Where setup's calls go** on the intact workbook at 1,000×: ${largest('setupWorkbook (intact)').spreadsheet} calls, ${setupWrites(largest('setupWorkbook (intact)'))}.`,
  `- **Where the ticks' calls go** at 1,000×: with work, ${tickCalls(largest('hourlyTick (with work)'))}; idle, every service call: ` +
    `${methods(Object.entries(largest('hourlyTick (idle)').byMethod).sort((a, b) => b[1] - a[1]))}.`,
  '',
  `The whole table took ${secs(performance.now() - started)}; the files are in build/bench/.`,
  '',
].join('\n');
await writeFile(path.join(ROOT, 'bench', 'RESULTS.md'), text);
console.log(`\n${text}`);
