/**
 * Every public command and trigger of the add-on over the Apps Script fake, on one generated network:
 * as Apps Script runs them, each with its own ports (src/gas/ports.ts) on a clock fixed at TODAY, by
 * the secretariat. What each costs in SpreadsheetApp calls (the fake counts them) and in time.
 *
 * One spreadsheet for the menu commands and RPCs, in the order a secretariat would use them: set up
 * (the first run brings the layout and protection in line; the second, on an intact workbook, is the
 * one measured), the compliance check, each report run a second time (replacing its tab), a decision
 * recorded, the due minutes circulated. A second spreadsheet for the hourly trigger: the first tick of
 * the day sends what is due, the next one finds nothing left to do.
 */
import { commands, type CommandId } from '../../../src/app/commands';
import { RPC_HANDLERS } from '../../../src/app/rpc';
import { hourlyTick } from '../../../src/app/tick';
import { addDays } from '../../../src/domain/dates';
import type { DecisionInput } from '../../../src/domain/rpc';
import { REPORTS } from '../../../src/domain/reports';
import { gasPorts } from '../../../src/gas/ports';
import type { Clock, Ports } from '../../../src/ports';
import { createGasFake, type GasFake, type Value } from '../../fakes/gas';
import { countCalls, isWrite, type CallCounts } from './calls';
import { gridsOf, SECRETARIAT, TODAY, type GeneratedNetwork } from './network';

export interface Measured extends CallCounts {
  readonly ms: number;
  /** This process's CPU time during the run: unlike the wall time, the other work on shared cores leaves it be. */
  readonly cpuMs: number;
  readonly sent: number;
  readonly byMethod: Readonly<Record<string, number>>;
}

/** The report commands of the menu, in REPORTS order: one per report. */
const REPORT_COMMANDS = REPORTS.map((def) => {
  const id = (Object.keys(commands()) as CommandId[]).find(
    (k) => k.startsWith('report') && commands()[k].label === def.name,
  );
  if (id === undefined) throw new Error(`No menu command runs the ${def.name} report`);
  return id;
});

/** The rows of the results table, in order. */
export const FAKE_RUNS = [
  'setupWorkbook (intact)',
  'runComplianceCheck',
  'recordDecision (RPC)',
  'confirmCirculation (RPC, 2 meetings due)',
  'hourlyTick (with work)',
  'hourlyTick (idle)',
  ...REPORT_COMMANDS,
] as const;
export type FakeRun = (typeof FAKE_RUNS)[number];

const clock: Clock = { today: () => TODAY, now: () => `${TODAY}T10:17:00` };
const ports = (): Ports => ({ ...gasPorts(), clock });

function spreadsheetOf(network: GeneratedNetwork): GasFake {
  const sheets = gridsOf(network);
  const fake = createGasFake({
    owner: 'owner@un.org',
    activeUser: SECRETARIAT,
    sheets: sheets as Record<string, Value[][]>,
  });
  // A tab in Sheets keeps empty rows below its data (1,000 in a new one): an append does not grow it.
  for (const name of Object.keys(sheets)) fake.sheet(name).maxRows += 1000;
  return fake;
}

function measure(fake: GasFake, fn: () => unknown): Measured {
  // scripts/bench.mjs exposes the collector: each run pays for its own garbage only.
  globalThis.gc?.();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const run = fake.calls.during(fn);
  const { user, system } = process.cpuUsage(cpu);
  const ms = performance.now() - started;
  return {
    ...countCalls(run),
    ms,
    cpuMs: (user + system) / 1000,
    sent: run.byMethod['MailApp.sendEmail'] ?? 0,
    byMethod: run.byMethod,
  };
}

/** A decision as the sidebar sends it: adopted at no meeting with every active member consulted, and one follow-up action. */
function decisionInput(network: GeneratedNetwork): DecisionInput {
  const active = network.members
    .filter((m) => m.status === 'Active' && (m.leftOn === null || m.leftOn > TODAY))
    .map((m) => m.agency);
  return {
    date: TODAY,
    meeting: '',
    kind: 'General',
    title: 'A joint position on the rights of returning migrant workers',
    decision: 'The members agree a joint position, drafted by UNDP, for the national consultation.',
    subject: '',
    consulted: active,
    objections: [],
    outcome: 'Adopted',
    stateRelevant: false,
    stateConsultedOn: '',
    gcmObjectives: [6, 21],
    actions: [{ id: '', action: 'Draft the joint position', owner: 'UNDP', due: addDays(TODAY, 30) }],
    // The secretariat has read the ToR guidance (the decision's evidence) and records it anyway.
    confirmed: true,
  };
}

function within<T>(fake: GasFake, fn: () => T): T {
  const restore = fake.install();
  try {
    return fn();
  } finally {
    restore();
  }
}

/** The menu commands and RPCs, in the order of the module's comment, on one spreadsheet. */
function menuRuns(network: GeneratedNetwork): [FakeRun, Measured][] {
  const fake = spreadsheetOf(network);
  const out: [FakeRun, Measured][] = [];
  within(fake, () => {
    commands().setupWorkbook.run(ports());
    out.push(['setupWorkbook (intact)', measure(fake, () => commands().setupWorkbook.run(ports()))]);
    // As each report: the first run after setup gives the Compliance tab its look, the runs after it only write.
    commands().runComplianceCheck.run(ports());
    out.push(['runComplianceCheck', measure(fake, () => commands().runComplianceCheck.run(ports()))]);
    for (const id of REPORT_COMMANDS) {
      commands()[id].run(ports());
      out.push([id, measure(fake, () => commands()[id].run(ports()))]);
    }
    const recorded = measure(fake, () => {
      const result = RPC_HANDLERS.recordDecision(ports(), decisionInput(network));
      if (!result.ok)
        throw new Error(
          `recordDecision refused the bench's decision: ${result.errors.map((e) => e.message).join('; ')}`,
        );
    });
    out.push(['recordDecision (RPC)', recorded]);
    const circulated = measure(fake, () => RPC_HANDLERS.confirmCirculation(ports(), { meetings: network.minutesDue }));
    if (circulated.sent === 0)
      throw new Error('confirmCirculation sent nothing: the generated network has no minutes due');
    out.push(['confirmCirculation (RPC, 2 meetings due)', circulated]);
  });
  return out;
}

/** The first tick of the day, then the next one, on a spreadsheet of their own. */
function tickRuns(network: GeneratedNetwork): [FakeRun, Measured][] {
  const fake = spreadsheetOf(network);
  return within(fake, () => {
    const work = measure(fake, () => hourlyTick(ports()));
    const idle = measure(fake, () => hourlyTick(ports()));
    if (work.sent === 0 || idle.sent !== 0)
      throw new Error(`the ticks did not find the work expected: ${work.sent} then ${idle.sent} messages sent`);
    return [
      ['hourlyTick (with work)', work],
      ['hourlyTick (idle)', idle],
    ];
  });
}

/**
 * Every run of FAKE_RUNS on this network. Throws when a run did not do what it is measured for. Each
 * spreadsheet is let go before the next is made, so that neither's garbage weighs on the other's time.
 */
export function measureCommands(network: GeneratedNetwork): Map<FakeRun, Measured> {
  const runs = new Map([...menuRuns(network), ...tickRuns(network)]);
  return new Map(FAKE_RUNS.map((run) => [run, runs.get(run)!]));
}

/** The calls of a run that change the spreadsheet, by method, most first. */
export function writesOf(run: Measured): [string, number][] {
  return Object.entries(run.byMethod)
    .filter(([m]) => isWrite(m))
    .sort((a, b) => b[1] - a[1]);
}
