/**
 * Each rule the second edition added or changed, at its boundary and on both sides of it, through
 * checkNetwork and through `unmn check --json` on an .xlsx of the same records: the two must agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../../src/domain/cells';
import { checkNetwork, type Finding } from '../../../src/domain/rules';
import { main } from '../../../src/node/cli';
import type { CliIo } from '../../../src/node/terminal';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { azerbaijan, gridsOf, networkOf, uzbekistan, type Spec } from '../../domain/rules/support';

const plain = (t: string) => t;
const dir = mkdtempSync(path.join(tmpdir(), 'unmn-boundaries-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cliFindings(file: string, today: string): Promise<Finding[]> {
  const out: string[] = [];
  const io: CliIo = {
    out: (l) => out.push(l),
    err: () => undefined,
    isTTY: false,
    color: { red: plain, yellow: plain, green: plain, bold: plain, dim: plain },
    progress: () => undefined,
  };
  expect(await main(['check', file, '--today', today, '--json'], io), 'the check ran').toBeLessThan(2);
  return JSON.parse(out.join('\n')) as Finding[];
}

async function xlsxOf(spec: Spec, name: string, extra: Record<string, Cell[][]> = {}): Promise<string> {
  const workbook = XlsxWorkbook.create();
  for (const [tab, grid] of Object.entries({ ...gridsOf(spec), ...extra })) {
    workbook.addTab(tab);
    workbook.write(tab, 1, 1, grid);
  }
  const file = path.join(dir, `${name}.xlsx`);
  await workbook.save(file);
  return file;
}

type MeetingSpec = Spec['meetings'][number];
const held = (id: string, date: string, more: MeetingSpec = {}): MeetingSpec => ({
  id,
  date,
  kind: 'Regular',
  mode: 'Online',
  status: 'Held',
  attendees: ['IOM', 'UNRC', 'UNDP'],
  agendaCirculatedOn: '2000-01-01',
  minutesLink: 'https://x',
  minutesApprovedOn: date,
  ...more,
});

interface Case {
  readonly rule: string;
  readonly spec: () => Spec;
  /** Each side of the boundary: the day of the check and the findings of the rule, as `severity ref`. */
  readonly sides: readonly (readonly [string, readonly string[]])[];
}

const CASES: Record<string, Case> = {
  'the last day of a quarter and the first of the next': {
    rule: 'meetings.cadence',
    spec: () => ({
      ...uzbekistan(),
      meetings: [held('M-1', '2026-01-10'), { id: 'M-2', date: '2026-06-20', kind: 'Regular', status: 'Planned' }],
    }),
    sides: [
      ['2026-06-30', ['warning 2026-Q2']],
      ['2026-07-01', ['error 2026-Q2', 'warning 2026-Q3']],
    ],
  },
  'the founding quarter and the next': {
    rule: 'meetings.cadence',
    spec: () => ({
      ...uzbekistan(),
      settings: { torProfile: 'uzbekistan', foundedOn: '2025-11-15', rcoArchiveEmail: 'rco@un.org' },
      meetings: [],
    }),
    sides: [
      ['2025-12-31', []],
      ['2026-01-01', ['warning 2026-Q1']],
    ],
  },
  'the founding year and the next, for the annual meeting': {
    rule: 'meetings.annual',
    spec: () => {
      const spec = azerbaijan();
      spec.settings.foundedOn = '2024-11-01';
      spec.meetings = spec.meetings.filter((m) => m.kind !== 'Annual');
      return spec;
    },
    sides: [
      ['2024-12-31', []],
      ['2025-01-01', ['warning 2025']],
      ['2026-01-01', ['error 2025', 'warning 2026']],
    ],
  },
  'day 90 and day 91 of the year, for the endorsement': {
    rule: 'workplan.endorsed',
    spec: () => {
      const spec = uzbekistan();
      spec.decisions.splice(1, 1);
      return spec;
    },
    sides: [
      ['2026-03-31', ['info 2026']],
      ['2026-04-01', ['error 2026']],
    ],
  },
  'a member that attended the meeting and one that did not': {
    rule: 'decisions.evidence',
    spec: () => {
      const spec = uzbekistan();
      spec.meetings[1]!.attendees = ['IOM', 'UNRC'];
      spec.decisions.push({
        id: 'D-2026-03',
        date: '2026-04-05',
        meeting: 'M-2026-02',
        kind: 'Joint statement',
        consulted: ['IOM', 'UNRC'],
        outcome: 'Adopted',
      });
      spec.decisions.push({
        id: 'D-2026-04',
        date: '2026-04-05',
        meeting: 'M-2026-02',
        kind: 'Joint statement',
        consulted: ['IOM', 'UNRC', 'UNDP'],
        outcome: 'Adopted',
      });
      return spec;
    },
    sides: [['2026-06-15', ['warning D-2026-04']]],
  },
  'a planned meeting on its day and the day after': {
    rule: 'meetings.status',
    spec: () => ({
      ...uzbekistan(),
      meetings: [...uzbekistan().meetings, { id: 'M-2026-03', date: '2026-06-14', kind: 'Regular', status: 'Planned' }],
    }),
    sides: [
      ['2026-06-14', []],
      ['2026-06-15', ['warning M-2026-03']],
    ],
  },
  'draft minutes on the last day for their approval and the day after': {
    rule: 'meetings.minutes-approved',
    spec: () => ({
      ...uzbekistan(),
      meetings: [...uzbekistan().meetings, held('M-2026-03', '2026-05-01', { minutesApprovedOn: null })],
    }),
    sides: [
      ['2026-05-29', []],
      ['2026-05-30', ['warning M-2026-03']],
    ],
  },
  'a consultation on its deadline and the day after': {
    rule: 'consultations.overdue',
    spec: () => ({
      ...uzbekistan(),
      consultations: [
        {
          id: 'C-2026-01',
          openedOn: '2026-05-04',
          deadline: '2026-05-12',
          kind: 'No objection',
          title: 'Statement',
          status: 'Open',
        },
      ],
    }),
    sides: [
      ['2026-05-12', []],
      ['2026-05-13', ['warning C-2026-01']],
    ],
  },
  'an ad hoc group on its last day and the day after': {
    rule: 'groups.ended',
    spec: () => ({
      ...uzbekistan(),
      groups: [
        {
          id: 'WG-01',
          name: 'Task team',
          kind: 'Ad hoc',
          leadAgency: 'IOM',
          members: ['IOM'],
          establishedBy: 'D-2026-01',
          endsOn: '2026-06-14',
        },
      ],
    }),
    sides: [
      ['2026-06-14', []],
      ['2026-06-15', ['info WG-01']],
    ],
  },
  'a Public meeting without and with its Disclosure decision': {
    rule: 'meetings.disclosure',
    spec: () => {
      const spec = azerbaijan();
      spec.meetings[1]!.confidentiality = 'Public';
      return spec;
    },
    sides: [['2026-06-15', ['warning M-2026-02']]],
  },
  'an Annual meeting with a member absent and no stakeholders': {
    rule: 'meetings.annual-membership',
    spec: () => ({
      ...azerbaijan(),
      meetings: [
        ...azerbaijan().meetings,
        held('M-2026-04', '2026-05-20', { kind: 'Annual', attendees: ['IOM', 'UNRC'] }),
      ],
    }),
    sides: [['2026-06-15', ['warning M-2026-04', 'info M-2026-04']]],
  },
  'the RCO archive required with its address blank': {
    rule: 'meetings.rco-archive',
    spec: () => ({
      ...uzbekistan(),
      settings: { torProfile: 'uzbekistan', foundedOn: '2025-12-01', rcoArchiveEmail: null },
    }),
    sides: [['2026-06-15', ['error -']]],
  },
  'a member joined under open membership without a decision': {
    rule: 'members.admission',
    spec: () => {
      const spec = azerbaijan();
      spec.members.push({ agency: 'UNHCR', roles: ['Member'], status: 'Active', joinedOn: '2026-03-01' });
      spec.focalPoints.push({
        agency: 'UNHCR',
        name: 'Ana Diaz',
        email: 'diaz@unhcr.org',
        kind: 'Primary',
        active: true,
      });
      return spec;
    },
    sides: [['2026-06-15', ['info UNHCR']]],
  },
  'a Co-chair held under the code RCO': {
    rule: 'members.roles',
    spec: () => {
      const spec = uzbekistan();
      spec.members[1]!.agency = 'RCO';
      spec.focalPoints[1]!.agency = 'RCO';
      return spec;
    },
    sides: [['2026-06-15', []]],
  },
  'a workplan row without a Budget': {
    rule: 'workplan.fields',
    spec: () => {
      const spec = uzbekistan();
      spec.workplan[0]!.budgetUsd = null;
      return spec;
    },
    sides: [['2026-06-15', ['warning W-2026-01']]],
  },
};

const shown = (findings: readonly Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.ref ?? '-'}`);

describe('the second edition at its boundaries, through checkNetwork and unmn check --json', () => {
  it.each(Object.entries(CASES))('%s', async (name, { rule, spec, sides }) => {
    const file = await xlsxOf(spec(), name.replace(/\W+/g, '-'));
    for (const [today, expected] of sides) {
      expect(shown(checkNetwork(networkOf(spec()), today), rule), `checkNetwork on ${today}`).toEqual(expected);
      expect(shown(await cliFindings(file, today), rule), `unmn check --json on ${today}`).toEqual(expected);
    }
  });
});
