/**
 * runReport over the example workbook in memory: every report for a member who is not secretariat, and
 * the two reports the secretariat emails, whose Log rows quiet the rules that ask for them.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/app/network';
import { reportCommand } from '../../src/app/report-command';
import { runReport } from '../../src/app/reports';
import { REPORTS } from '../../src/domain/reports';
import { checkNetwork } from '../../src/domain/rules';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import type { Cell, Email, Ports } from '../../src/ports';
import { EXAMPLE_FILE, EXAMPLE_MEMBER, EXAMPLE_SECRETARIAT, EXAMPLE_TODAY, exampleGrids } from '../support/example';
import { MemoryWorkbook } from '../support/memory-workbook';
import { memoryPorts } from '../support/ports';

let grids: Record<string, Cell[][]>;
beforeEach(async () => {
  grids ??= await exampleGrids();
});

interface Harness {
  ports: Ports;
  workbook: MemoryWorkbook;
  sent: Email[];
  toasts: string[];
  alerts: string[];
}

function harness(
  email: string,
  options: { today?: string; tabs?: Record<string, Cell[][]>; failSend?: boolean } = {},
): Harness {
  const today = options.today ?? EXAMPLE_TODAY;
  const workbook = new MemoryWorkbook(options.tabs ?? grids);
  const base = memoryPorts({ workbook, email, owner: 'owner@un.org', today, time: '10:15:00' });
  const failing = {
    remainingQuota: () => 100,
    send: () => {
      throw new Error('Service invoked too many times for one day: email.');
    },
  };
  const ports: Ports = options.failSend ? { ...base, mailer: failing } : base;
  const {
    sent,
    ui: { toasts, alerts },
  } = base;
  return { ports, workbook, sent, toasts, alerts };
}

const DATA_TABS = [
  'Settings',
  'Members',
  'Focal points',
  'Meetings',
  'Decisions',
  'Actions',
  'Workplan',
  'Working groups',
  'Log',
  'Compliance',
];

function dataTabs(workbook: MemoryWorkbook): string {
  return JSON.stringify(DATA_TABS.map((t) => workbook.tabs.get(t)));
}

/** The example with a setting changed (a row of Settings' Value replaced, or added). */
function withSetting(name: string, value: Cell): Record<string, Cell[][]> {
  const settings = grids.Settings!.map((r) => [...r]);
  const row = settings.find((r) => r[0] === name);
  if (row) row[1] = value;
  else settings.push([name, value]);
  return { ...grids, Settings: settings };
}

describe('runReport for a member who is not secretariat', () => {
  it('writes each report to its own tab, touches no data tab, and a second run replaces the tab', () => {
    const { ports, workbook, sent } = harness(EXAMPLE_MEMBER);
    const before = dataTabs(workbook);
    for (const def of REPORTS) {
      const run = runReport(ports, def.id);
      expect(run.tab).toBe(def.tab);
      expect(workbook.tabs.get(def.tab)![0]![0]).toBe(
        `${run.report.title} — UN Network on Migration in Uzbekistan — 23 November 2026`,
      );
    }
    const first = REPORTS.map((def) => JSON.stringify(workbook.tabs.get(def.tab)));
    for (const def of REPORTS) runReport(ports, def.id);
    expect(REPORTS.map((def) => JSON.stringify(workbook.tabs.get(def.tab)))).toEqual(first);
    expect(dataTabs(workbook)).toBe(before);
    expect(workbook.tabNames().filter((t) => t.startsWith('Report: '))).toEqual([
      'Report: Member list',
      'Report: Action tracker',
      'Report: Workplan progress',
      'Report: GCM summary',
      'Report: Annual review',
    ]);
    expect(sent).toEqual([]);
  });

  it('does the same over an .xlsx copy (the playground), which keeps the tabs once saved', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'unmn-reports-'));
    try {
      const workbook = await XlsxWorkbook.open(EXAMPLE_FILE);
      const { ports } = harness(EXAMPLE_MEMBER);
      const before = DATA_TABS.map((t) => workbook.read(t));
      for (const def of REPORTS) runReport({ ...ports, workbook }, def.id);
      await workbook.save(path.join(dir, 'network.xlsx'));
      const saved = await XlsxWorkbook.open(path.join(dir, 'network.xlsx'));
      expect(DATA_TABS.map((t) => saved.read(t))).toEqual(before);
      expect(saved.tabNames().slice(-REPORTS.length)).toEqual(REPORTS.map((r) => r.tab));
      expect(saved.read('Report: Action tracker')?.[5]?.slice(0, 2)).toEqual(['A-2026-004', 'OHCHR']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads each tab once and writes in a constant number of calls', () => {
    const { ports, workbook } = harness(EXAMPLE_MEMBER);
    runReport(ports, 'workplan-progress', { year: 2026 });
    // Four tables, one link column (ID) in the key actions only.
    expect(workbook.calls).toEqual({
      read: 11,
      hasTab: 1,
      addTab: 1,
      write: 1,
      writeLinks: 1,
      style: 1,
      paint: 1,
      chart: 1,
    });
    expect(workbook.charts.get('Report: Workplan progress')).toHaveLength(2);
  });

  it('reports on the year asked, the current year by default', () => {
    const { ports } = harness(EXAMPLE_MEMBER);
    expect(runReport(ports, 'annual-review').report.title).toBe('Annual review 2026');
    expect(runReport(ports, 'annual-review', { year: 2025 }).report.title).toBe('Annual review 2025');
  });

  it('writes the member list but does not email it, and says why', () => {
    const { ports, workbook, sent, alerts } = harness(EXAMPLE_MEMBER);
    const log = JSON.stringify(workbook.tabs.get('Log'));
    const run = runReport(ports, 'member-list', { send: true });
    expect(run.sentTo).toEqual([]);
    expect(sent).toEqual([]);
    expect(JSON.stringify(workbook.tabs.get('Log'))).toBe(log);
    expect(workbook.tabs.has('Report: Member list')).toBe(true);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(
      /^Report: Member list is up to date, but the report was not emailed\. Only the Secretariat can email the member list: /,
    );
  });

  it('refuses an unknown report by naming the ones there are', () => {
    const { ports } = harness(EXAMPLE_MEMBER);
    expect(() => runReport(ports, 'budget')).toThrow(
      'There is no report "budget": the reports are member-list, action-tracker, workplan-progress, gcm-summary and annual-review.',
    );
  });
});

describe('runReport for the Secretariat, emailing the two reports the ToRs ask to share', () => {
  it('emails the member list to the mailing list, records it, and members.list-shared goes quiet', () => {
    const tabs = withSetting('Member list sharing interval (months)', 6);
    const { ports, workbook, sent, toasts } = harness(EXAMPLE_SECRETARIAT, { tabs });
    const rule = () =>
      checkNetwork(readNetwork(workbook).network, EXAMPLE_TODAY).filter((f) => f.rule === 'members.list-shared');
    expect(rule().map((f) => f.message)).toEqual([
      'The member list has never been shared: the Log has no "Member list shared" row with Outcome Sent (it is due every 6 months)',
    ]);
    const run = runReport(ports, 'member-list', { send: true });
    expect(run.sentTo).toEqual(['migration.uz@one.un.org']);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toEqual(['migration.uz@one.un.org']);
    expect(sent[0]!.subject).toBe('Member list — UN Network on Migration in Uzbekistan');
    expect(sent[0]!.html).toContain(
      '<td style="border:1px solid #dadce0;padding:4px 8px;vertical-align:top">dkarimova@iom.int</td>',
    );
    expect(sent[0]!.text).toContain('IOM | Dilnoza Karimova | Programme Coordinator | dkarimova@iom.int | Primary');
    const log = workbook.tabs.get('Log')!;
    expect(log[log.length - 1]).toEqual([
      `${EXAMPLE_TODAY}T10:15:00`,
      EXAMPLE_SECRETARIAT,
      'Member list shared',
      '',
      'migration.uz@one.un.org',
      'Sent',
      'Member list',
    ]);
    expect(rule()).toEqual([]);
    expect(toasts).toEqual([
      "Report: Member list is up to date and went to migration.uz@one.un.org (the members' mailing list); the Log records it.",
    ]);
  });

  it('emails the workplan report to the UNCT and, as the Uzbekistan ToR asks, the RCO archive; records it, and workplan.reported goes quiet', () => {
    // Six months after the mid-year report of 15 July 2026, the next one is late.
    const today = '2027-02-01';
    const { ports, workbook, sent } = harness(EXAMPLE_SECRETARIAT, { today });
    const rule = () => checkNetwork(readNetwork(workbook).network, today).filter((f) => f.rule === 'workplan.reported');
    expect(rule().map((f) => f.message)).toEqual([
      'The last workplan report went to the UNCT on 15 July 2026; the next was due by 15 January 2027 (every 6 months)',
    ]);
    runReport(ports, 'workplan-progress', { year: 2026, send: true });
    expect(sent.map((e) => [e.to, e.subject])).toEqual([
      [
        ['unct-uzbekistan@un.org', 'rco-uzbekistan@un.org'],
        'Workplan progress 2026 — UN Network on Migration in Uzbekistan',
      ],
    ]);
    expect(sent[0]!.text).toContain(
      'W-2026-04 | Reintegration support for returning migrant women | 300 returning women receive counselling and small business grants | UNWOMEN | IOM, UNDP | 1 April 2026 | 31 December 2026 | USD 180,000 | USD 150,000 | USD 30,000 | On track | 70% | 212 returning women counselled and 64 small business grants awarded. | Outcome 3: Social protection for all',
    );
    expect(sent[0]!.text).toContain(
      'COVER NOTE\nThe Network asks the UN Country Team to help close the funding gap of the reintegration and data mapping actions',
    );
    expect(sent[0]!.html).toContain(
      '<h3 style="margin:18px 0 6px">Cover note</h3><p>The Network asks the UN Country Team',
    );
    const log = workbook.tabs.get('Log')!;
    expect(log[log.length - 1]).toEqual([
      `${today}T10:15:00`,
      EXAMPLE_SECRETARIAT,
      'Workplan report sent',
      '2026',
      'unct-uzbekistan@un.org, rco-uzbekistan@un.org',
      'Sent',
      'Workplan progress 2026',
    ]);
    expect(rule()).toEqual([]);
  });

  it('sends nothing and says so when Settings give no address', () => {
    const { ports, sent, alerts, workbook } = harness(EXAMPLE_SECRETARIAT, {
      tabs: withSetting('UNCT reporting email', ''),
    });
    const log = workbook.tabs.get('Log')!.length;
    runReport(ports, 'workplan-progress', { send: true });
    expect(sent).toEqual([]);
    expect(workbook.tabs.get('Log')).toHaveLength(log);
    expect(alerts).toEqual([
      'Report: Workplan progress is up to date, but the report was not emailed. Settings give no address for the UN Country Team (UNCT reporting email): fill in the setting, then run this again.',
    ]);
  });

  it('claims the message with a Sending row before it goes, and confirms it after', () => {
    const { ports, workbook, sent } = harness(EXAMPLE_SECRETARIAT);
    const rows = workbook.tabs.get('Log')!.length;
    let logWhenSent: string[] = [];
    const send = ports.mailer.send.bind(ports.mailer);
    ports.mailer.send = (email) => {
      logWhenSent = workbook.tabs
        .get('Log')!
        .slice(rows)
        .map((r) => String(r[5]));
      send(email);
    };
    runReport(ports, 'member-list', { send: true });
    expect(sent).toHaveLength(1);
    expect(logWhenSent).toEqual(['Sending']);
    expect(
      workbook.tabs
        .get('Log')!
        .slice(rows)
        .map((r) => String(r[5])),
    ).toEqual(['Sending', 'Sent']);
  });

  it('records a send that fails as Failed, and lets the error through', () => {
    const { ports, workbook } = harness(EXAMPLE_SECRETARIAT, { failSend: true });
    expect(() => runReport(ports, 'member-list', { send: true })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    const log = workbook.tabs.get('Log')!;
    expect(log[log.length - 1]!.slice(2, 6)).toEqual(['Member list shared', '', 'migration.uz@one.un.org', 'Failed']);
  });

  it('escapes sheet text in the email', () => {
    const members = grids.Members!.map((r) => [...r]);
    members[3]![1] = '<script>alert("x")</script> & Co';
    const { ports, sent } = harness(EXAMPLE_SECRETARIAT, { tabs: { ...grids, Members: members } });
    runReport(ports, 'member-list', { send: true });
    expect(sent[0]!.html).not.toContain('<script>');
    expect(sent[0]!.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
  });
});

describe('the report commands of the menu', () => {
  const command = (answers: (string | null)[], id: string, send = false) => {
    const workbook = new MemoryWorkbook(grids);
    const ports = memoryPorts({ workbook, email: EXAMPLE_SECRETARIAT, today: EXAMPLE_TODAY, answers });
    reportCommand(id, { send })(ports);
    return { ports, workbook, title: () => String(workbook.tabs.get(REPORTS.find((r) => r.id === id)!.tab)?.[0]?.[0]) };
  };

  it('asks the GCM pack for its first day, blank meaning since the last GCM review', () => {
    const blank = command([''], 'gcm-summary');
    expect(blank.ports.ui.prompts).toEqual([
      'From which day (YYYY-MM-DD) to today? Leave it blank for the days since the last GCM review, from 1 April 2026.',
    ]);
    expect(blank.title()).toMatch(/^GCM review pack, 1 April to 23 November 2026 — /);
    expect(command(['2025-07-01'], 'gcm-summary').title()).toMatch(
      /^GCM review pack, 1 July 2025 to 23 November 2026 — /,
    );
    const wrong = command(['2027-01-01'], 'gcm-summary');
    expect(wrong.ports.ui.alerts).toEqual([
      '"2027-01-01" is not a day as YYYY-MM-DD up to today: nothing was written.',
    ]);
    expect(wrong.workbook.tabs.has('Report: GCM summary')).toBe(false);
  });

  it('asks for a cover note before emailing the workplan report, blank meaning the one in Settings', () => {
    const typed = command(['2026', 'Please fund the data map.'], 'workplan-progress', true);
    expect(typed.ports.ui.prompts[1]).toBe(
      'A cover note to the UN Country Team: what the Network asks of it. Leave it blank for the UNCT cover note of Settings.',
    );
    expect(typed.ports.sent[0]!.text).toContain('COVER NOTE\nPlease fund the data map.\n');
    const blank = command(['2026', ''], 'workplan-progress', true);
    expect(blank.ports.sent[0]!.text).toContain('COVER NOTE\nThe Network asks the UN Country Team');
    expect(command(['2026', null], 'workplan-progress', true).ports.sent).toEqual([]);
  });
});
