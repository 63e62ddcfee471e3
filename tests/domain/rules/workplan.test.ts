import { describe, expect, it } from 'vitest';
import { azerbaijan, check, refs, uzbekistan } from './support';

describe('workplan.exists', () => {
  it('warns when the current year has no rows', () => {
    expect(check(uzbekistan(), '2027-01-01', 'workplan.exists')).toMatchObject([
      { ref: '2027', row: null, severity: 'warning', sheet: 'Workplan' },
    ]);
    expect(check(uzbekistan(), '2026-12-31', 'workplan.exists')).toEqual([]);
  });
});

describe('workplan.fields', () => {
  it('reports missing key action, lead agency, Start and End, and End before Start', () => {
    const spec = uzbekistan();
    spec.workplan.push({
      id: 'W-2026-02',
      year: 2026,
      start: '2026-05-01',
      end: '2026-04-30',
      budgetUsd: 0,
      gcmObjectives: [2],
    });
    spec.workplan.push({
      id: 'W-2026-03',
      year: 2026,
      keyAction: 'Training',
      leadAgency: 'UNDP',
      budgetUsd: 5,
      gcmObjectives: [2],
    });
    const found = check(spec, undefined, 'workplan.fields');
    expect(refs(found)).toEqual(['workplan.fields:W-2026-02', 'workplan.fields:W-2026-03']);
    expect(found[0]!.message).toBe(
      'W-2026-02 (2026) has no Key action, no Lead agency and End 30 April 2026 is before Start 1 May 2026',
    );
    expect(found[1]!.message).toContain('has no Start and no End');
    expect(found[0]!.clause).toContain(
      '"the UNMN may develop (costed) annual work plans (AWPs), with key actions, responsible participating agency(-ies) and timeframes"',
    );
  });

  it('reports a lead agency that is not a member of the network', () => {
    const spec = uzbekistan();
    spec.workplan[0]!.leadAgency = 'UNXX';
    const found = check(spec, undefined, 'workplan.fields');
    expect(refs(found)).toEqual([`workplan.fields:${spec.workplan[0]!.id}`]);
    expect(found[0]!.message).toContain('a Lead agency, UNXX, that is not a member');
    spec.workplan[0]!.leadAgency = 'undp';
    expect(check(spec, undefined, 'workplan.fields')).toEqual([]);
  });

  it('asks for a budget only where the workplan must be costed', () => {
    const uz = uzbekistan();
    uz.workplan[0]!.budgetUsd = null;
    const [f] = check(uz, undefined, 'workplan.fields');
    expect(f).toMatchObject({ ref: 'W-2026-01', severity: 'warning' });
    expect(f!.message).toBe(
      'W-2026-01 (2026, "Labour migration study") has no Budget (USD); the ToR asks for costed work plans',
    );
    const az = azerbaijan();
    az.workplan[0]!.budgetUsd = null;
    expect(check(az, undefined, 'workplan.fields')).toEqual([]);
    az.settings.workplanMustBeCosted = true;
    expect(check(az, undefined, 'workplan.fields')[0]!.clause).toBe(
      'Network settings: "Workplan must be costed" = Yes',
    );
  });
});

describe('workplan.endorsed', () => {
  it('asks for an adopted endorsement of each year up to the current one, not of a year not yet begun', () => {
    const spec = uzbekistan();
    spec.workplan.push({
      id: 'W-2025-01',
      year: 2025,
      keyAction: 'Baseline',
      leadAgency: 'IOM',
      start: '2025-12-01',
      end: '2025-12-31',
      budgetUsd: 1,
      gcmObjectives: [1],
      status: 'Completed',
    });
    spec.workplan.push({
      id: 'W-2027-01',
      year: 2027,
      keyAction: 'Next',
      leadAgency: 'IOM',
      start: '2027-01-01',
      end: '2027-12-31',
      budgetUsd: 1,
      gcmObjectives: [1],
    });
    const found = check(spec, undefined, 'workplan.endorsed');
    expect(found).toMatchObject([{ ref: '2025', row: 3, severity: 'error' }]);
    expect(found[0]!.clause).toBe(
      'Uzbekistan ToR, Role and Organizational Arrangements: "The AWPs shall be endorsed by the UNMN members"',
    );
    spec.decisions[1]!.outcome = 'Pending';
    expect(check(spec, undefined, 'workplan.endorsed').find((f) => f.ref === '2026')!.message).toBe(
      'The 2026 workplan is not endorsed: its endorsement, D-2026-02, is Pending, not Adopted; the ToR asks the members to endorse each annual work plan, and it was due by 31 March 2026',
    );
  });

  it("gives the current year's plan until day 90 of the year as a note, naming the meeting that could endorse it", () => {
    const spec = uzbekistan();
    spec.decisions.splice(1, 1);
    spec.meetings.push({ id: 'M-2026-03', date: '2026-04-20', kind: 'Regular', status: 'Planned' });
    const day90 = check(spec, '2026-03-31', 'workplan.endorsed');
    expect(day90).toMatchObject([{ ref: '2026', severity: 'info' }]);
    expect(day90[0]!.message).toBe(
      'The 2026 workplan is not endorsed yet (no decision of Kind Workplan endorsement with Subject 2026 is Adopted); the ToR asks the members to endorse it, and it is due by 31 March 2026. The first meeting planned, M-2026-03, is on 20 April 2026, after that day.',
    );
    expect(check(spec, '2026-04-01', 'workplan.endorsed')).toMatchObject([{ ref: '2026', severity: 'error' }]);
    spec.settings.workplanEndorsementDueDays = 120;
    expect(check(spec, '2026-04-30', 'workplan.endorsed')).toMatchObject([{ severity: 'info' }]);
    expect(check(spec, '2026-05-01', 'workplan.endorsed')).toMatchObject([{ severity: 'error' }]);
  });

  it('lets a plan entered in December wait for the February meeting that will endorse it', () => {
    const spec = uzbekistan();
    spec.workplan.push({
      id: 'W-2027-01',
      year: 2027,
      keyAction: 'Next',
      leadAgency: 'IOM',
      start: '2027-01-01',
      end: '2027-12-31',
      budgetUsd: 1,
      gcmObjectives: [1],
    });
    spec.meetings.push({ id: 'M-2027-01', date: '2027-02-10', kind: 'Regular', status: 'Planned' });
    expect(check(spec, '2026-12-15', 'workplan.endorsed')).toEqual([]);
    expect(check(spec, '2027-01-05', 'workplan.endorsed')).toMatchObject([{ ref: '2027', severity: 'info' }]);
  });

  it('is silent under the Azerbaijan ToR', () => {
    const spec = azerbaijan();
    spec.decisions.splice(1, 1);
    expect(check(spec, undefined, 'workplan.endorsed')).toEqual([]);
  });
});

describe('workplan.reported', () => {
  it('warns when no report went to the UNCT within the interval, counting from the first Start when none went', () => {
    const spec = uzbekistan();
    expect(check(spec, '2026-11-02', 'workplan.reported')).toEqual([]);
    expect(check(spec, '2026-11-03', 'workplan.reported')).toMatchObject([
      { ref: null, sheet: 'Log', row: 2, severity: 'warning' },
    ]);
    spec.log = [];
    expect(check(spec, '2026-07-01', 'workplan.reported')).toEqual([]);
    const [f] = check(spec, '2026-07-02', 'workplan.reported');
    expect(f).toMatchObject({ ref: null, row: null });
    expect(f!.message).toContain('since the workplan started on 1 January 2026; the first was due by 1 July 2026');
  });

  it('is silent under the Azerbaijan ToR and when the interval is left blank', () => {
    const az = azerbaijan();
    az.log = [];
    expect(check(az, '2030-01-01', 'workplan.reported')).toEqual([]);
    const uz = uzbekistan();
    uz.settings.workplanReportingMonths = null;
    expect(check(uz, '2030-01-01', 'workplan.reported')).toEqual([]);
  });
});

describe('workplan.overdue', () => {
  it('warns about a row past its End that is neither Completed nor Dropped', () => {
    const spec = uzbekistan();
    expect(check(spec, '2026-12-31', 'workplan.overdue')).toEqual([]);
    expect(check(spec, '2027-01-01', 'workplan.overdue')).toMatchObject([{ ref: 'W-2026-01', severity: 'warning' }]);
    spec.workplan[0]!.status = 'Dropped';
    expect(check(spec, '2027-01-01', 'workplan.overdue')).toEqual([]);
  });
});

describe('workplan.gcm', () => {
  it('notes a row with no GCM objective', () => {
    const spec = uzbekistan();
    spec.workplan[0]!.gcmObjectives = [];
    expect(check(spec, undefined, 'workplan.gcm')).toMatchObject([{ ref: 'W-2026-01', severity: 'info' }]);
  });
});

describe('groups.members', () => {
  it('reports agencies in a group that are not members of the network', () => {
    const spec = uzbekistan();
    spec.groups[0]!.members = ['IOM', 'SMS', 'undp'];
    const found = check(spec, undefined, 'groups');
    expect(found).toMatchObject([
      { rule: 'groups.members', ref: 'WG-01', severity: 'error', sheet: 'Working groups', row: 2 },
    ]);
    expect(found[0]!.fix).toContain("Move SMS to WG-01's External partners");
    expect(refs(check(spec, undefined, 'data.reference'))).toEqual(['data.reference:WG-01']);
  });
});

describe('groups.established', () => {
  it('warns about a group that names no establishing decision, or one that does not exist', () => {
    const spec = uzbekistan();
    spec.groups[0]!.establishedBy = '';
    expect(check(spec, undefined, 'groups.established')).toMatchObject([{ ref: 'WG-01', severity: 'warning' }]);
    spec.groups[0]!.establishedBy = 'D-2020-99';
    expect(check(spec, undefined, 'groups.established')).toMatchObject([{ ref: 'WG-01', severity: 'warning', row: 2 }]);
    expect(refs(check(spec, undefined, 'data.reference'))).toEqual(['data.reference:WG-01']);
    spec.groups[0]!.establishedBy = spec.decisions[0]!.id;
    expect(check(spec, undefined, 'groups.established')).toEqual([]);
  });
});
