/**
 * dist/Code.js leaves the modules that only some executions run to project files of their own
 * (scripts/lazy-modules.mjs), read when first used: every execution parses Code.js, and only those
 * that check, report or send read the rest. Each execution here is one load of the bundle over the
 * fake, counting the files it reads.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { gridsOf, uzbekistan } from '../domain/rules/support';
import { onFixedDay } from '../support/gas-day';
import { EXAMPLE_MEMBER, exampleGrids } from '../support/example';
import { SECRETARIAT, emailNetwork } from '../sim/network';

const ROOT = join(__dirname, '..', '..');
const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

/** The lazy files: the folder each holds but for the modules Code.js keeps, and others named (scripts/build.mjs). */
const LAZY: Record<string, { folder?: string; keep?: string[]; modules?: string[] }> = {
  'Module-rules': { folder: 'src/domain/rules/', keep: ['edition.ts', 'finding.ts'] },
  'Module-email': {
    folder: 'src/domain/email/',
    keep: ['due.ts', 'ledger.ts', 'preview.ts', 'reminders.ts', 'render.ts'],
  },
  'Module-reports': { folder: 'src/domain/reports/', keep: ['report.ts'], modules: ['src/app/reports.ts'] },
  'Module-setup': { modules: ['src/app/setup.ts', 'src/app/layout.ts', 'src/app/setup-command.ts'] },
};

/**
 * What every execution parses, in bytes: Code.js as a whole, whatever the lazy files hold. The cold
 * load's budget (issue 20: 15 ms in node:vm) counted as code rather than timed: 236 KB before the
 * rules, the emails, the reports and the setup were left to files of their own, 156 KB after.
 */
const CODE_KB = 165;

let code = '';
beforeAll(() => {
  code = bundleCode();
});

/** One execution: the bundle loaded over the fake, with the project files it reads, in order. */
function execution(fake: GasFake): { script: Script; reads: string[] } {
  const reads: string[] = [];
  const html = fake.globals.HtmlService;
  const counted = Object.create(html, {
    createHtmlOutputFromFile: { value: (name: string) => (reads.push(name), html.createHtmlOutputFromFile(name)) },
  }) as typeof html;
  return { script: loadBundle(code, { ...fake, globals: { ...fake.globals, HtmlService: counted } }), reads };
}

const lazyReads = (reads: readonly string[]) => reads.filter((name) => name in LAZY);

describe('the modules Code.js reads when first used', () => {
  it('are not in Code.js, which stays within the budget of what every execution parses', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(CODE_KB * 1024);
    const { sources } = JSON.parse(readFileSync(join(ROOT, 'build', 'Code.js.map'), 'utf8')) as { sources: string[] };
    const inCode = sources.map((s) => s.replace(/^(\.\.\/)+/, ''));
    for (const [file, { folder, keep = [], modules = [] }] of Object.entries(LAZY)) {
      if (folder !== undefined)
        expect(
          inCode
            .filter((s) => s.startsWith(folder))
            .map((s) => s.slice(folder.length))
            .sort(),
          file,
        ).toEqual(keep);
      for (const module of modules) expect(inCode, file).not.toContain(module);
      expect(readFileSync(join(ROOT, 'dist', `${file}.html`), 'utf8'), file).toMatch(
        new RegExp(`return __modules;\\n//# sourceURL=${file}\\.html\\n$`),
      );
    }
  });

  it('are read by no load of Code.js, and the English menu needs none', () => {
    const fake = createGasFake({ authMode: 'NONE' });
    const { script, reads } = execution(fake);
    expect(reads).toEqual([]);
    script.onOpen!({ authMode: 'NONE' });
    expect(reads).toEqual([]);
    expect(fake.ui.menus).toHaveLength(1);
  });

  it('give the compliance check its rules, read once however often it runs', () => {
    const spec = uzbekistan();
    spec.decisions[0]!.consulted = ['IOM'];
    const fake = installed(
      createGasFake({ owner: 'owner@un.org', activeUser: 'akarimova@iom.int', sheets: gridsOf(spec) }),
    );
    const { script, reads } = execution(fake);
    script.runComplianceCheck!();
    script.runComplianceCheck!();
    expect(lazyReads(reads)).toEqual(['Module-rules']);
    const values = fake.sheetValues('Compliance');
    expect(values.slice(2).map((row) => row.slice(0, 5))).toEqual([
      ['error', 'decisions.consensus', 'Decisions', 2, 'D-2026-01'],
    ]);
    expect(fake.ui.dialogs.filter((d) => d.kind === 'alert')).toEqual([]);
  });

  it('give setup its own file, read once, and nothing else', () => {
    const fake = createGasFake();
    const { script, reads } = execution(fake);
    script.setupWorkbook!();
    script.setupWorkbook!();
    expect(lazyReads(reads)).toEqual(['Module-setup']);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Members', 'Meetings', 'Decisions', 'Log']));
  });

  it('give the decision sidebar the ToR guidance only when it records an adopted decision', () => {
    const fake = installed(
      createGasFake({ owner: 'owner@un.org', activeUser: 'akarimova@iom.int', sheets: gridsOf(uzbekistan()) }),
    );
    const { script, reads } = execution(fake);
    const decision = {
      date: '2026-04-05',
      meeting: 'M-2026-02',
      kind: 'General',
      title: 'Adopt the communication plan',
      decision: 'The network adopts the communication plan as circulated.',
      subject: '',
      consulted: ['IOM'],
      objections: [],
      stateRelevant: false,
      stateConsultedOn: '',
      gcmObjectives: [],
    };
    expect(script.recordDecision!({ ...decision, outcome: 'Pending' })).toMatchObject({ ok: true });
    expect(lazyReads(reads)).toEqual([]);
    const refused = script.recordDecision!({ ...decision, outcome: 'Adopted' });
    expect(JSON.stringify(refused)).toContain('the ToR check would report decisions.consensus');
    expect(lazyReads(reads)).toEqual(['Module-rules']);
  });

  it('give a report its builders, and the annual review the rules too, each read once', async () => {
    const grids = await exampleGrids();
    const fake = createGasFake({ owner: 'owner@un.org', activeUser: EXAMPLE_MEMBER, sheets: grids });
    const { script, reads } = execution(fake);
    script.reportMemberList!();
    script.reportMemberList!();
    expect(lazyReads(reads)).toEqual(['Module-reports']);
    fake.ui.answer({ button: 'OK', text: '2026' });
    script.reportAnnualReview!();
    expect(lazyReads(reads)).toEqual(['Module-reports', 'Module-rules']);
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(['Report: Member list', 'Report: Annual review']));
    expect(fake.ui.dialogs.filter((d) => d.kind === 'alert')).toEqual([]);
  });

  it('give the hourly tick the messages it sends, read once, and the decision sidebar none', () => {
    const fake = installed(
      createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(emailNetwork()) }),
    );
    const sidebar = execution(fake);
    sidebar.script.getDecisionSidebarData!();
    expect(lazyReads(sidebar.reads)).toEqual([]);
    const tick = execution(fake);
    tick.script.hourlyTick!();
    expect(lazyReads(tick.reads)).toEqual(['Module-email']);
    expect(fake.sentMail.length).toBeGreaterThan(1);
    expect(fake.sentMail[0]!.subject).toMatch(/minutes/i);
  });

  it('leave an hourly tick with nothing to send reading none', () => {
    const fake = installed(
      createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(emailNetwork()) }),
    );
    const ticks = Array.from({ length: 4 }, () => {
      fake.nextExecution();
      const { script, reads } = execution(fake);
      const sent = fake.sentMail.length;
      script.hourlyTick!();
      return { reads: lazyReads(reads), sent: fake.sentMail.length - sent };
    });
    expect(ticks[0]!.reads).toEqual(['Module-email']);
    expect(ticks[0]!.sent).toBeGreaterThan(0);
    expect(ticks.at(-1)).toEqual({ reads: [], sent: 0 });
  });
});
