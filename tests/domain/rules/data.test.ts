import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/domain/cells';
import { headerRow } from '../../../src/domain/codec';
import { decodeNetwork } from '../../../src/domain/network';
import { checkNetwork, RULES } from '../../../src/domain/rules';
import { settingColumns } from '../../../src/domain/settings';
import { TABLES } from '../../../src/domain/tables';
import { check, gridsOf, refs, TODAY, uzbekistan } from './support';

describe('data.invalid', () => {
  it('turns each unreadable cell into a finding naming tab, row and column, with the expected form in the fix', () => {
    const grids = gridsOf(uzbekistan());
    grids.Meetings[2]![1] = 'soon';
    grids.Settings.push(['Meeting cadence (months)', 'quarterly']);
    const found = checkNetwork(decodeNetwork(grids), TODAY).filter((f) => f.rule === 'data.invalid');
    expect(found).toHaveLength(2);
    const meeting = found.find((f) => f.sheet === 'Meetings')!;
    expect(meeting).toMatchObject({ severity: 'error', row: 3, ref: 'M-2026-02' });
    expect(meeting.message).toBe('Meetings, row 3, column Date: "soon" is not a date');
    expect(meeting.fix).toBe(
      'Correct Date in row 3 of Meetings: it should hold a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)',
    );
    expect(found.find((f) => f.sheet === 'Settings')!.message).toContain(
      'Settings, row 5, column Value: Meeting cadence (months)',
    );
  });

  it('leaves a row it cannot read to data.invalid alone: nothing that names that row is reported', () => {
    const grids = gridsOf(uzbekistan());
    grids.Meetings[1]![1] = 'soon'; // M-2026-01, the meeting both decisions name
    grids.Members[3]![3] = 'Busy'; // UNDP: owner, attendee, consulted, partner and working group member
    const found = checkNetwork(decodeNetwork(grids), TODAY);
    expect(found.map((f) => `${f.rule}:${f.sheet}:${f.row}:${f.ref}`)).toEqual([
      'data.invalid:Members:4:UNDP',
      // The quarter M-2026-01 stood in is empty as far as the check can read, and it says why.
      'meetings.cadence:Meetings:null:2026-Q1',
      'data.invalid:Meetings:2:M-2026-01',
    ]);
    expect(found[1]!.message).toContain('Meetings has 1 row that the add-on cannot read');
  });

  it('reports a missing tab and a missing column, with ref null', () => {
    const grids: Record<string, Cell[][] | null> = gridsOf(uzbekistan());
    grids['Working groups'] = null;
    grids.Actions = [
      headerRow(TABLES[5]).filter((h) => h !== 'Owner'),
      ...grids.Actions!.slice(1).map((r) => r.filter((_, i) => i !== 3)),
    ];
    const found = checkNetwork(decodeNetwork(grids), TODAY).filter((f) => f.rule === 'data.invalid');
    expect(found.map((f) => [f.sheet, f.row, f.ref, f.message])).toEqual([
      ['Actions', 1, null, 'Actions, row 1, column Owner: The Actions tab has no column Owner'],
      ['Working groups', null, null, 'Working groups: The workbook has no Working groups tab'],
    ]);
    expect(found[1]!.fix).toBe('Add a tab named "Working groups" (Set up / repair workbook adds it)');
  });
});

describe('data.duplicate-id', () => {
  it('reports a repeated ID or agency on the later row, case and spaces ignored', () => {
    const spec = uzbekistan();
    spec.meetings.push({ ...spec.meetings[0]!, id: ' m-2026-01' });
    spec.members.push({ agency: 'undp', status: 'Pending' });
    const found = check(spec, undefined, 'data.duplicate-id');
    expect(found.map((f) => [f.sheet, f.row, f.ref])).toEqual([
      ['Members', 5, 'undp'],
      ['Meetings', 4, 'm-2026-01'],
    ]);
    expect(found[1]!.message).toBe('Meetings row 4 repeats the ID m-2026-01 of row 2');
  });
});

describe('data.reference', () => {
  it('reports agency codes that are not in Members in every agency column, and IDs that point nowhere', () => {
    const spec = uzbekistan();
    spec.focalPoints[0]!.agency = 'IMO';
    spec.meetings[0]!.chairedBy = ['IOM', 'RC'];
    spec.meetings[0]!.attendees = ['iom', 'UNRC', 'UNDP', 'WFP'];
    spec.decisions[0]!.consulted = ['IOM', 'UNRC', 'UNDP', 'UNEP'];
    spec.decisions[0]!.objections = ['FAO'];
    spec.decisions[0]!.outcome = 'Not adopted';
    spec.decisions.push({
      id: 'D-2026-03',
      date: '2026-02-01',
      kind: 'Admission',
      subject: 'UNHCR',
      outcome: 'Pending',
      meeting: 'M-2099-01',
    });
    spec.actions[0]!.source = 'D-2099-01';
    spec.workplan[0]!.leadAgency = 'ILO';
    spec.workplan[0]!.partnerAgencies = ['UNDP', 'UNODC'];
    spec.groups[0]!.leadAgency = 'WHO';
    const found = check(spec, undefined, 'data.reference');
    expect(found.map((f) => `${f.sheet}:${f.ref}:${f.message.split(': ')[0]}`)).toEqual([
      'Focal points:IMO:Focal points row 2 (IMO), Agency',
      'Meetings:M-2026-01:Meetings row 2 (M-2026-01), Chaired by',
      'Meetings:M-2026-01:Meetings row 2 (M-2026-01), Attendees',
      'Decisions:D-2026-01:Decisions row 2 (D-2026-01), Consulted',
      'Decisions:D-2026-01:Decisions row 2 (D-2026-01), Objections',
      'Decisions:D-2026-03:Decisions row 4 (D-2026-03), Subject',
      'Decisions:D-2026-03:Decisions row 4 (D-2026-03), Meeting',
      'Actions:A-2026-001:Actions row 2 (A-2026-001), Source',
      'Workplan:W-2026-01:Workplan row 2 (W-2026-01), Lead agency',
      'Workplan:W-2026-01:Workplan row 2 (W-2026-01), Partner agencies',
      'Working groups:WG-01:Working groups row 2 (WG-01), Lead agency',
    ]);
    expect(found[1]!.message).toBe('Meetings row 2 (M-2026-01), Chaired by: "RC" is not an agency in Members');
    expect(found[7]!.message).toContain('"D-2099-01" is not a decision or meeting ID');
  });

  it('does not flood agency references when the Members tab itself is missing', () => {
    const grids: Record<string, Cell[][] | null> = gridsOf(uzbekistan());
    grids.Members = null;
    const found = checkNetwork(decodeNetwork(grids), TODAY);
    expect(found.filter((f) => f.rule === 'data.reference' || f.rule === 'groups.members')).toEqual([]);
    expect(refs(found.filter((f) => f.rule === 'data.invalid'))).toEqual(['data.invalid:-']);
  });
});

const GARBAGE: Cell[] = [
  '??',
  -1,
  true,
  new Date(Number.NaN),
  '=HYPERLINK("x")',
  '2026-02-30',
  '💥',
  1e308,
  '  ',
  'D-',
  '@x',
  'Yes, No',
];

describe('a workbook with garbage in every column of every tab', () => {
  it('completes, every rule runs, and data.invalid names tab, row and column', () => {
    const grids: Record<string, Cell[][]> = {};
    for (const def of TABLES) {
      const header = headerRow(def);
      grids[def.name] = [header, ...GARBAGE.map((_, r) => header.map((__, c) => GARBAGE[(r + c) % GARBAGE.length]!))];
    }
    grids.Settings = [
      ['Setting', 'Value'],
      ...Object.values(settingColumns()).map((c, i) => [c.header, GARBAGE[i % GARBAGE.length]!]),
    ];
    const network = decodeNetwork(grids);
    const found = checkNetwork(network, TODAY);
    expect(found.filter((f) => f.message.includes('stopped on something'))).toEqual([]);
    const invalid = found.filter((f) => f.rule === 'data.invalid');
    expect(invalid.length).toBe(network.allProblems.length);
    expect(invalid.length).toBeGreaterThan(100);
    for (const f of invalid) {
      expect(f.message).toMatch(new RegExp(`^${f.sheet}, row ${f.row}, column [^:]+: `));
    }
    for (const def of TABLES.filter((t) => t.name !== 'Settings' && t.name !== 'Compliance')) {
      expect(invalid.some((f) => f.sheet === def.name)).toBe(true);
    }
  });

  it('keeps going when a rule throws, with one internal finding in its place', () => {
    const boom = {
      id: 'members.roles' as const,
      sheet: 'Members' as const,
      needs: [],
      run: () => {
        throw new Error('odd record');
      },
    };
    const found = checkNetwork(decodeNetwork(gridsOf(uzbekistan())), '2027-01-01', [
      boom,
      ...RULES.filter((r) => r.id !== boom.id),
    ]);
    expect(found.find((f) => f.rule === 'members.roles')).toMatchObject({ severity: 'error', row: null, ref: null });
    expect(found.find((f) => f.rule === 'members.roles')!.message).toContain('odd record');
    expect(found.some((f) => f.rule === 'workplan.exists')).toBe(true);
  });

  it("leaves a rule silent when a tab it reads is missing, rather than report absences that are only the tab's", () => {
    const grids: Record<string, Cell[][] | null> = gridsOf(uzbekistan());
    grids.Members = null;
    grids.Meetings = null;
    grids.Log = [];
    const found = checkNetwork(decodeNetwork(grids), '2027-06-01');
    expect(
      found.filter((f) => /^(members|meetings|decisions\.consensus|actions\.owner|workplan\.reported)/.test(f.rule)),
    ).toEqual([]);
    expect([...new Set(found.filter((f) => f.rule === 'data.invalid').map((f) => f.sheet))]).toEqual([
      'Members',
      'Meetings',
      'Log',
    ]);
    expect(found.some((f) => f.rule === 'workplan.exists')).toBe(true);
  });
});

describe('data.invalid: a header that is not in row 1', () => {
  it('is one finding naming the row it went to, not one per column', () => {
    const grids = gridsOf(uzbekistan());
    grids.Log = [['Log of the UN Network on Migration in Uzbekistan'], ...grids.Log];
    const found = checkNetwork(decodeNetwork(grids), TODAY).filter((f) => f.rule === 'data.invalid');
    expect(found.map((f) => [f.sheet, f.row, f.message])).toEqual([
      ['Log', 2, "Log, row 2: The Log tab's header is in row 2, not row 1, so the add-on cannot read the tab"],
    ]);
    grids.Log = [[], ...grids.Log.slice(1)];
    expect(
      checkNetwork(decodeNetwork(grids), TODAY)
        .filter((f) => f.rule === 'data.invalid')
        .map((f) => f.row),
    ).toEqual([2]);
  });
});
