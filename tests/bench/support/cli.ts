/**
 * The CLI as a person runs it: `node bin/unmn.mjs …` in a process of its own, on an .xlsx file. The
 * generated networks are written as files the way `unmn init` writes one (XlsxWorkbook and the setup
 * use case), then filled with the network's rows. Each run is timed from spawn to exit; its peak
 * memory (maximum resident set size) and CPU time come from GNU time, which watches from outside: a
 * preload inside the process (the fallback where /usr/bin/time is missing) makes V8 parse a large
 * file's XML two to three times slower, as any module loaded ahead of the CLI does. On shared cores
 * the CPU time says what the wall time would be without the other work.
 */
import { spawnSync } from 'node:child_process';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { setupWorkbook } from '../../../src/app/setup';
import type { Cell } from '../../../src/domain/cells';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { gridsOf, TODAY, type GeneratedNetwork } from './network';

export const ROOT = process.cwd();
/** Where the generated files go: build/ is not tracked. */
export const BENCH_DIR = path.join(ROOT, 'build', 'bench');
const BIN = path.join(ROOT, 'bin', 'unmn.mjs');
/** Writes peak memory (kB) and CPU time (µs) to file descriptor 3 as the process exits. */
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import{writeSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeSync(3,u.maxRSS+' '+(u.userCPUTime+u.systemCPUTime))});",
)}`;

export const CLI_RUNS = ['validate', 'check', 'report all', 'tick'] as const;
export type CliRun = (typeof CLI_RUNS)[number];

export interface CliMeasure {
  /** Wall time, spawn to exit. */
  readonly ms: number;
  readonly cpuMs: number;
  readonly rssMiB: number;
}

/** The network as `unmn init` would lay out its file, with every tab's rows written below the headers. */
export async function writeWorkbookFile(network: GeneratedNetwork, file: string): Promise<void> {
  const workbook = XlsxWorkbook.create();
  setupWorkbook(workbook, { profile: 'uzbekistan' });
  for (const [tab, grid] of Object.entries(gridsOf(network)))
    workbook.write(tab, 2, 1, (grid ?? []).slice(1) as Cell[][]);
  await mkdir(path.dirname(file), { recursive: true });
  await workbook.save(file);
}

const GNU_TIME = '/usr/bin/time';

function once(args: readonly string[], script = BIN): CliMeasure {
  const outside = existsSync(GNU_TIME);
  // GNU time writes "peak kB, user s, system s" to a file; the preload writes "kB µs" to the pipe on fd 3.
  const report = path.join(BENCH_DIR, 'time.txt');
  const command = outside
    ? [GNU_TIME, '-f', '%M %U %S', '-o', report, process.execPath, script, ...args]
    : [process.execPath, '--import', PRELOAD, script, ...args];
  const started = performance.now();
  const run = spawnSync(command[0]!, command.slice(1), {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  // Exit 1 is a command's answer (validate found problems, tick could not send); 2 and up mean it did not run.
  if (run.status === null || run.status > 1)
    throw new Error(
      `unmn ${args.join(' ')} exited with ${run.status ?? run.signal}: ${String(run.stderr).slice(0, 2000)}`,
    );
  // GNU time puts "Command exited with non-zero status 1" on a line of its own before them.
  const text = outside ? readFileSync(report, 'utf8') : String(run.output[3]);
  const numbers = (text.trim().split('\n').pop() ?? '').trim().split(/\s+/).map(Number);
  const [rss = NaN] = numbers;
  const cpuMs = outside ? ((numbers[1] ?? NaN) + (numbers[2] ?? NaN)) * 1000 : (numbers[1] ?? NaN) / 1000;
  return { ms, cpuMs, rssMiB: rss / 1024 };
}

/**
 * The floor of `unmn check` on the file (support/floor.ts: unzip and parse the sheets' XML), then the
 * check itself, alternately, the fastest of five each: both measured on the same machine at the same time.
 */
export async function measureCheckAndFloor(file: string): Promise<{ check: CliMeasure; floor: CliMeasure }> {
  const script = path.join(BENCH_DIR, 'floor.mjs');
  await build({
    entryPoints: [path.join(ROOT, 'tests/bench/support/floor.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'warning',
  });
  const checks: CliMeasure[] = [];
  const floors: CliMeasure[] = [];
  for (let i = 0; i < 5; i++) {
    floors.push(once([file], script));
    checks.push(once(['check', file, '--today', TODAY]));
  }
  const fastest = (runs: CliMeasure[]) => ({
    ...runs.reduce((a, b) => (b.ms < a.ms ? b : a)),
    rssMiB: Math.max(...runs.map((r) => r.rssMiB)),
  });
  return { check: fastest(checks), floor: fastest(floors) };
}

/**
 * The fastest of `times` runs, with the highest peak memory. Every run is made, however long: on
 * shared cores one slow run says more of the neighbours than of the command, and the targets of 5 s
 * are judged on the fastest.
 */
async function timed(args: readonly string[], before?: () => Promise<void>, times = 3): Promise<CliMeasure> {
  const runs: CliMeasure[] = [];
  do {
    await before?.();
    runs.push(once(args));
  } while (runs.length < times);
  const fastest = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  return { ...fastest, rssMiB: Math.max(...runs.map((r) => r.rssMiB)) };
}

/** `unmn check` on a file: the best of five, for the target on the example. */
export function measureCheck(file: string): Promise<CliMeasure> {
  return timed(['check', file, '--today', TODAY], undefined, 5);
}

/** Each CLI_RUNS command on the file; the tick on a fresh copy each time, since it saves what it did. */
export async function measureCli(file: string): Promise<Map<CliRun, CliMeasure>> {
  const scratch = path.join(path.dirname(file), `${path.basename(file, '.xlsx')}-out`);
  const copy = path.join(scratch, 'tick.xlsx');
  await mkdir(scratch, { recursive: true });
  const out = new Map<CliRun, CliMeasure>();
  out.set('validate', await timed(['validate', file]));
  out.set('check', await timed(['check', file, '--today', TODAY]));
  out.set('report all', await timed(['report', 'all', file, '--today', TODAY, '--out', scratch]));
  out.set(
    'tick',
    await timed(['tick', copy, '--today', TODAY, '--outbox', path.join(scratch, 'outbox')], async () => {
      await rm(path.join(scratch, 'outbox'), { recursive: true, force: true });
      await copyFile(file, copy);
    }),
  );
  return out;
}
