import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tabLayout } from '../../src/app/layout';
import { noCheckYet, setupWorkbook } from '../../src/app/setup';
import { runComplianceCheck } from '../../src/app/check';
import type { Cell } from '../../src/domain/cells';
import { headerRow } from '../../src/domain/codec';
import { decodeNetwork } from '../../src/domain/network';
import { PROFILES } from '../../src/domain/profiles';
import { settingsRows } from '../../src/domain/settings';
import { ComplianceTable, MeetingsTable, MembersTable, SettingsTable, TABLES } from '../../src/domain/tables';
import { readGrids } from '../../src/app/network';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import type { WorkbookPort } from '../../src/ports';
import { MemoryWorkbook } from '../support/memory-workbook';
import { memoryPorts, networkWorkbook, OWNER, snapshot, writes } from '../support/network';

const NAMES = TABLES.map((t) => t.name);

function expectExactlyWorkbookMd(workbook: WorkbookPort, profile: keyof typeof PROFILES, networkName: string) {
  expect(workbook.tabNames()).toEqual(NAMES);
  for (const def of TABLES) {
    const grid = workbook.read(def.name) ?? [];
    if (def === ComplianceTable) {
      expect(grid, def.name).toEqual([[noCheckYet(), ...Array(7).fill('')], headerRow(def)]);
      continue;
    }
    expect(grid[0], def.name).toEqual(headerRow(def));
    if (def !== SettingsTable) expect(grid.length, def.name).toBe(1);
  }
  const settings = workbook.read(SettingsTable.name) ?? [];
  expect(settings.slice(1)).toEqual(settingsRows({ ...PROFILES[profile].defaults, networkName }));
  const network = decodeNetwork(readGrids(workbook));
  expect(network.allProblems).toEqual([]);
  expect(network.profile.id).toBe(profile);
  expect(network.settings.networkName).toBe(networkName);
}

function columnOf(grid: Cell[][], header: string): Cell[] {
  const at = (grid[0] ?? []).indexOf(header);
  expect(at, header).toBeGreaterThanOrEqual(0);
  return grid.map((row) => row[at] ?? '');
}

describe('setup on an empty workbook', () => {
  it('creates exactly the tabs, order, headers and layouts of WORKBOOK.md, with Settings from the profile', () => {
    const ports = memoryPorts();
    const report = setupWorkbook(ports, {
      profile: 'uzbekistan',
      networkName: 'UN Network on Migration in Uzbekistan (Tashkent)',
    });
    expectExactlyWorkbookMd(ports.workbook, 'uzbekistan', 'UN Network on Migration in Uzbekistan (Tashkent)');
    for (const def of TABLES.filter((t) => t !== ComplianceTable))
      expect(ports.workbook.layouts.get(def.name)).toEqual(tabLayout(def));
    expect(ports.workbook.styles.get('Compliance')?.frozenRows).toBe(2);
    expect(report.changes).toContain('added tab Settings');
    expect(report.changes).toContain('filled Settings from the Uzbekistan ToR profile (uzbekistan)');
    expect(report.changes.filter((l) => l.startsWith('added tab'))).toHaveLength(TABLES.length);
  });

  it('writes each header in one call and every setting in one more', () => {
    const workbook = new MemoryWorkbook();
    setupWorkbook(workbook, { profile: 'azerbaijan' });
    expect(workbook.calls.write).toBe(TABLES.length + 1);
  });

  it('uses the profile name and the custom profile when nothing is chosen', () => {
    const workbook = new MemoryWorkbook();
    setupWorkbook(workbook);
    expectExactlyWorkbookMd(workbook, 'custom', PROFILES.custom.defaults.networkName);
  });

  it('gives every dropdown its choices and every Yes/No column a checkbox', () => {
    const layout = tabLayout(MeetingsTable);
    const mode = layout.columns.find((c) => c.header === 'Mode');
    expect(mode).toMatchObject({ column: 4, kind: 'choice', choices: ['In person', 'Online', 'Hybrid'] });
    expect(tabLayout(MembersTable).columns.find((c) => c.header === 'Joined on')).toMatchObject({
      kind: 'date',
      width: 110,
    });
  });

  it('changes nothing the second time', () => {
    const ports = memoryPorts();
    setupWorkbook(ports, { profile: 'azerbaijan' });
    const before = snapshot(ports.workbook);
    const layouts = new Map(ports.workbook.layouts);
    const editors = new Map([...ports.protection.editors].map(([k, v]) => [k, [...v]]));
    for (const key of Object.keys(ports.workbook.calls)) delete ports.workbook.calls[key];
    const report = setupWorkbook(ports, { profile: 'uzbekistan', networkName: 'ignored on repair' });
    expect(writes(ports.workbook)).toBe(0);
    expect(snapshot(ports.workbook)).toEqual(before);
    expect(ports.workbook.layouts).toEqual(layouts);
    expect(new Map([...ports.protection.editors].map(([k, v]) => [k, [...v]]))).toEqual(editors);
    expect(report.changes).toEqual([]);
    expect(report.lines[0]).toBe('Nothing to repair');
  });
});

describe('repair', () => {
  function damagedWorkbook(): MemoryWorkbook {
    const workbook = networkWorkbook();
    const meetings = workbook.tabs.get('Meetings') as Cell[][];
    meetings.push([
      'M-2026-01',
      new Date(2026, 0, 20),
      'Regular',
      'Online',
      'Q1 meeting',
      '',
      '',
      '',
      '',
      'IOM, UNRC',
      'Held',
    ]);
    meetings.push([
      'M-2026-02',
      new Date(2026, 1, 20),
      'Regular',
      'Hybrid',
      'Q2 meeting',
      '',
      '',
      '',
      '',
      'IOM',
      'Planned',
    ]);
    const modeAt = (meetings[0] as Cell[]).indexOf('Mode');
    for (const row of meetings) row.splice(modeAt, 1);
    const members = workbook.tabs.get('Members') as Cell[][];
    const statusAt = (members[0] as Cell[]).indexOf('Status');
    (members[0] as Cell[])[statusAt] = '  status ';
    members.forEach((row, i) => {
      while (row.length < 8) row.push('');
      row.push(i === 0 ? 'Our notes' : `note ${i}`, i === 0 ? 'Budget code' : `=SUM(A${i}:A${i})`);
    });
    workbook.tabs.delete('Actions');
    workbook.addTab('Scratch', 3);
    workbook.write('Scratch', 1, 1, [['my own tab']]);
    return workbook;
  }

  it('puts back the tab and the column, fixes the header, and keeps every value and column of the user', () => {
    const ports = memoryPorts({ workbook: damagedWorkbook() });
    const before = snapshot(ports.workbook);
    const report = setupWorkbook(ports);
    const after = snapshot(ports.workbook);

    expect(ports.workbook.tabNames()).toEqual([
      'Settings',
      'Members',
      'Focal points',
      'Scratch',
      'Meetings',
      'Decisions',
      'Actions',
      'Workplan',
      'Working groups',
      'Consultations',
      'Answers',
      'Log',
      'Compliance',
    ]);
    expect(after.Actions).toEqual([headerRow(TABLES[5])]);
    expect(after.Scratch).toEqual(before.Scratch);

    const meetingsBefore = before.Meetings as Cell[][];
    const meetings = after.Meetings as Cell[][];
    const width = (meetingsBefore[0] as Cell[]).length;
    expect(meetings[0]?.[width]).toBe('Mode');
    meetingsBefore.forEach((row, r) => expect(meetings[r]?.slice(0, width)).toEqual(row));
    expect(meetings.slice(1).map((row) => row[width] ?? '')).toEqual(['', '']);
    expect(ports.workbook.layouts.get('Meetings')?.columns.find((c) => c.header === 'Mode')?.column).toBe(width + 1);

    const members = after.Members as Cell[][];
    expect(columnOf(members, 'Status')).toEqual(['Status', 'Active', 'Active', 'Active']);
    expect(columnOf(members, 'Our notes')).toEqual(['Our notes', 'note 1', 'note 2', 'note 3']);
    expect(columnOf(members, 'Budget code')).toEqual(['Budget code', '=SUM(A1:A1)', '=SUM(A2:A2)', '=SUM(A3:A3)']);
    expect(members.slice(1)).toEqual((before.Members as Cell[][]).slice(1));

    expect(report.changes).toEqual(
      expect.arrayContaining([
        'added tab Actions',
        'added column Mode to Meetings',
        "renamed header '  status ' to 'Status' in Members",
      ]),
    );
    expect(decodeNetwork(readGrids(ports.workbook)).allProblems).toEqual([]);

    for (const key of Object.keys(ports.workbook.calls)) delete ports.workbook.calls[key];
    expect(setupWorkbook(ports).changes).toEqual([]);
    expect(writes(ports.workbook)).toBe(0);
  });

  it('adds missing settings with the profile default and never overwrites a value the user set', () => {
    const workbook = networkWorkbook();
    const settings = workbook.tabs.get('Settings') as Cell[][];
    const editorsRow = settings.findIndex((row) => row[0] === 'Secretariat editors');
    settings.splice(editorsRow, 1);
    const cadence = settings.find((row) => row[0] === 'Meeting cadence (months)') as Cell[];
    cadence[1] = 4;
    const mailing = settings.find((row) => row[0] === 'Mailing list') as Cell[];
    mailing[1] = '';
    const ports = memoryPorts({ workbook });
    const report = setupWorkbook(ports, { profile: 'azerbaijan' });
    const after = ports.workbook.tabs.get('Settings') as Cell[][];
    expect(after.at(-1)).toEqual(['Secretariat editors', '']);
    expect(after.find((row) => row[0] === 'Meeting cadence (months)')).toEqual(['Meeting cadence (months)', 4]);
    expect(after.find((row) => row[0] === 'Mailing list')).toEqual(['Mailing list', '']);
    expect(report.changes.filter((l) => l.startsWith('added'))).toEqual([
      'added setting Secretariat editors to Settings (blank)',
    ]);
    expect(decodeNetwork(readGrids(ports.workbook)).profile.id).toBe('uzbekistan');
  });

  it('writes headers into an empty tab and leaves a tab with data under a blank row 1 alone', () => {
    const workbook = networkWorkbook();
    workbook.tabs.set('Decisions', []);
    workbook.tabs.set('Workplan', [[], ['W-2026-01', 2026, 'Labour migration study']]);
    const ports = memoryPorts({ workbook });
    const report = setupWorkbook(ports);
    expect(workbook.tabs.get('Decisions')?.[0]).toEqual(headerRow(TABLES[4]));
    expect(workbook.tabs.get('Workplan')).toEqual([[], ['W-2026-01', 2026, 'Labour migration study']]);
    expect(report.changes).toContain('added the headers of Decisions');
    expect(report.notes.join('\n')).toMatch(/Left Workplan alone: row 1 is blank/);
  });

  it('leaves malformed rows exactly as they are', () => {
    const workbook = networkWorkbook();
    workbook.tabs.get('Members')?.push(['WFP', 'World Food Programme', 'Boss', 'Maybe', 'last spring', '', 42, '=1+1']);
    workbook.tabs.get('Focal points')?.push(['', 'No agency', '', 'not-an-email', 'Sometimes', 'perhaps']);
    const before = snapshot(workbook);
    const report = setupWorkbook(memoryPorts({ workbook }));
    expect(snapshot(workbook)).toEqual(before);
    expect(report.changes.filter((l) => !l.includes('edit'))).toEqual([]);
  });

  it('leaves the Compliance tab as the last check wrote it: its summary above the header is no header to repair', () => {
    const workbook = networkWorkbook();
    runComplianceCheck(memoryPorts({ workbook }));
    const before = snapshot(workbook).Compliance;
    expect(before?.[1]).toEqual(headerRow(ComplianceTable));
    const report = setupWorkbook(memoryPorts({ workbook }));
    expect(snapshot(workbook).Compliance).toEqual(before);
    expect(report.changes.filter((l) => l.includes('Compliance') && !l.includes('edit'))).toEqual([]);
  });

  it('does not add a second tab beside one whose name differs only in case', () => {
    const workbook = networkWorkbook();
    const grid = workbook.tabs.get('Log') as Cell[][];
    workbook.tabs.delete('Log');
    workbook.addTab('log');
    workbook.tabs.set('log', grid);
    const report = setupWorkbook(memoryPorts({ workbook }));
    expect(workbook.tabNames().filter((t) => t.toLowerCase() === 'log')).toEqual(['log']);
    expect(report.notes).toContain(
      'The tab "log" should be named "Log": rename it and run Set up / repair workbook again.',
    );
  });
});

describe('protection by setup', () => {
  it('protects every tab for the Secretariat, the owner and the setup user, and describes the add-on tabs', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: 'akarimova@iom.int' });
    const report = setupWorkbook(ports);
    for (const def of TABLES) {
      expect([...(ports.protection.editors.get(def.name) ?? [])].sort()).toEqual([
        'akarimova@iom.int',
        'jberg@un.org',
        OWNER,
      ]);
    }
    expect(ports.protection.descriptions.get('Log')).toMatch(/^Written by the add-on/);
    expect(ports.protection.descriptions.get('Members')).toMatch(/^Secretariat only/);
    expect(report.changes[0]).toMatch(
      /^protected Settings, Members, .*Compliance: only the Secretariat can edit them$/,
    );
    expect(report.changes).toContain('jberg@un.org can now edit every protected tab');
  });

  it('says that protection applies in Google Sheets only when the ports have none', () => {
    const { protection: _, ...ports } = memoryPorts();
    const report = setupWorkbook(ports);
    expect(report.notes).toEqual(['Protection applies in Google Sheets only: no tab was protected.']);
  });
});

describe('over an xlsx file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unmn-setup-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates WORKBOOK.md in a new file, and a reopened file needs nothing', async () => {
    const file = join(dir, 'network.xlsx');
    const created = XlsxWorkbook.create();
    setupWorkbook(created, { profile: 'azerbaijan', networkName: 'UNNM Azerbaijan' });
    await created.save(file);
    const reopened = await XlsxWorkbook.open(file);
    expectExactlyWorkbookMd(reopened, 'azerbaijan', 'UNNM Azerbaijan');
    let calls = 0;
    const counting = new Proxy(reopened, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          if (['write', 'writeLinks', 'paint', 'clearFrom', 'addTab'].includes(String(key))) calls++;
          return value.apply(target, args);
        };
      },
    });
    expect(setupWorkbook(counting).lines[0]).toBe('Nothing to repair');
    expect(calls).toBe(0);
  });
});
