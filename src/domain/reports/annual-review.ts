/**
 * The annual review: what the annual network meeting looks back on for one year. Meetings held against
 * what the ToR's cadence and annual meeting require, attendance by agency, the external participants
 * met, the working groups and their output, the decisions adopted and whom they consulted, the
 * register of every decision's text, joint statements, written consultations and who answered them,
 * the fate of the action points due, workplan delivery and funding, the compliance check as of today,
 * and the emerging challenges and recommendations the secretariat writes.
 */
import type { Located } from '../codec';
import { askedAgencies, latestAnswers } from '../consultations';
import { yearOf, type IsoDay } from '../dates';
import { longDay } from '../email/render';
import { t } from '../i18n';
import type { Network } from '../network';
import { checkNetwork } from '../rules';
import { SEVERITY_LABELS, SEVERITY_ORDER } from '../rules/finding';
import { buildContext, type RuleContext } from '../rules/context';
import { requiredConsultees } from '../rules/consensus';
import { WORKPLAN_STATUSES, type Meeting, type WorkingGroup, type WorkplanRow } from '../tables';
import { keyOf } from '../words';
import { isOverdue } from './action-tracker';
import { funding, groupBy, networkName, rowLink, share, workplanOf } from './figures';
import { sections, type Report, type ReportCell, type ReportOptions, type ReportTable } from './report';

const NETWORK_MEETINGS: readonly Meeting['kind'][] = ['Regular', 'Annual', 'Extraordinary'];

const inYear = (day: IsoDay | null, year: number) => day !== null && yearOf(day) === year;

/** The cadence's calendar periods of `year` that began on or after the founding: the meetings the ToR asks for. */
function periodsRequired(founded: IsoDay | null, year: number, cadence: number): number {
  if (12 % cadence !== 0) return 0;
  let n = 0;
  for (let month = 1; month <= 12; month += cadence)
    if (founded === null || `${year}-${String(month).padStart(2, '0')}-01` >= founded) n++;
  return n;
}

/** After the founding year, as meetings.annual counts (no annual meeting is asked of the founding year). */
function annualRequired(founded: IsoDay | null, year: number): boolean {
  return founded === null || yearOf(founded) < year;
}

function meetingsTable(network: Network, held: readonly Located<Meeting>[], year: number): ReportTable {
  const { meetingCadenceMonths: cadence, annualMeetingRequired, foundedOn } = network.settings;
  const count = (kinds: readonly Meeting['kind'][]) => held.filter((m) => kinds.includes(m.kind)).length;
  return {
    id: 'meetings',
    title: t('reports.annual.meetings.title', { year }),
    columns: [
      { header: t('reports.col.meetings'), kind: 'text', width: 240 },
      { header: t('reports.col.held'), kind: 'count' },
      { header: t('reports.col.required'), kind: 'count' },
    ],
    rows: [
      [
        t('reports.annual.meetings.regular-and-annual'),
        count(['Regular', 'Annual']),
        cadence === null ? null : periodsRequired(foundedOn, year, cadence),
      ],
      [
        t('reports.annual.meetings.annual'),
        count(['Annual']),
        annualMeetingRequired === true && annualRequired(foundedOn, year) ? 1 : null,
      ],
      [t('reports.annual.meetings.extraordinary'), count(['Extraordinary']), null],
      [t('reports.annual.meetings.working-group'), count(['Working group']), null],
    ],
    totals: [t('reports.total'), held.length, null],
    note:
      cadence === null
        ? t('reports.annual.meetings.note-none')
        : annualMeetingRequired === true
          ? t('reports.annual.meetings.note-annual', { months: cadence })
          : t('reports.annual.meetings.note', { months: cadence }),
    empty: '',
  };
}

function heldTable(held: readonly Located<Meeting>[], year: number): ReportTable {
  return {
    id: 'meetings-held',
    title: t('reports.annual.held.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.date'), kind: 'date' },
      { header: t('reports.col.kind'), kind: 'text', width: 110 },
      { header: t('reports.col.mode'), kind: 'text', width: 90 },
      { header: t('reports.col.title'), kind: 'text', width: 320 },
      { header: t('reports.col.attending-members'), kind: 'count', width: 130 },
      { header: t('reports.col.minutes-circulated-on'), kind: 'date', width: 150 },
    ],
    rows: held.map((m) => [
      rowLink('Meetings', m.row, m.id),
      m.date,
      m.kind,
      m.mode,
      m.title,
      m.attendees.length,
      m.minutesCirculatedOn,
    ]),
    totals: null,
    note: '',
    empty: t('reports.annual.held.empty', { year }),
  };
}

/**
 * Each member's attendance at the network meetings (regular, annual, extraordinary) held while it was
 * a member; meetings with no attendance recorded cannot say who came and are left out.
 */
function attendanceTable(ctx: RuleContext, held: readonly Located<Meeting>[], year: number): ReportTable {
  const meetings = held.filter((m) => NETWORK_MEETINGS.includes(m.kind) && m.attendees.length > 0);
  const tally = new Map<string, { agency: string; eligible: number; attended: number }>();
  for (const m of meetings) {
    const present = new Set(m.attendees.map(keyOf));
    for (const member of ctx.activeOn(m.date)) {
      const k = keyOf(member.agency);
      const t = tally.get(k) ?? { agency: member.agency.trim(), eligible: 0, attended: 0 };
      t.eligible++;
      if (present.has(k)) t.attended++;
      tally.set(k, t);
    }
  }
  const order = new Map(ctx.network.members.records.map((m, i) => [keyOf(m.agency), i] as const));
  const rows = [...tally.entries()].sort(([a], [b]) => (order.get(a) ?? 0) - (order.get(b) ?? 0)).map(([, t]) => t);
  const eligible = rows.reduce((n, t) => n + t.eligible, 0);
  const attended = rows.reduce((n, t) => n + t.attended, 0);
  return {
    id: 'attendance',
    title: t('reports.annual.attendance.title', { year }),
    columns: [
      { header: t('reports.col.agency'), kind: 'text', width: 110 },
      { header: t('reports.col.meetings'), kind: 'count' },
      { header: t('reports.col.attended'), kind: 'count' },
      { header: t('reports.col.attendance-rate'), kind: 'percent', width: 120 },
    ],
    rows: rows.map((t) => [t.agency, t.eligible, t.attended, share(t.attended, t.eligible)]),
    totals: [t('reports.total'), eligible, attended, share(attended, eligible)],
    note: t('reports.annual.attendance.note'),
    empty: t('reports.annual.attendance.empty', { year }),
  };
}

function decisionsTable(ctx: RuleContext, year: number): ReportTable {
  const ofYear = ctx.network.decisions.records.filter((d) => inYear(d.date, year));
  const adopted = ofYear.filter((d) => d.outcome === 'Adopted');
  const rows = adopted.map((d) => {
    const consulted = new Set(d.consulted.map(keyOf));
    const due = requiredConsultees(ctx, d.date, d.kind === 'Admission' ? d.subject : '');
    const missing = due.filter((m) => !consulted.has(keyOf(m.agency))).map((m) => m.agency.trim());
    return [
      rowLink('Decisions', d.row, d.id),
      d.date,
      d.kind,
      d.title,
      due.length - missing.length,
      due.length,
      missing.join(', '),
      d.objections.join(', '),
    ] satisfies ReportCell[];
  });
  const pending = ofYear.filter((d) => d.outcome === 'Pending').length;
  const notAdopted = ofYear.filter((d) => d.outcome === 'Not adopted').length;
  return {
    id: 'decisions',
    title: t('reports.annual.decisions.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.date'), kind: 'date' },
      { header: t('reports.col.kind'), kind: 'text', width: 150 },
      { header: t('reports.col.title'), kind: 'text', width: 320 },
      { header: t('reports.col.consulted'), kind: 'count' },
      { header: t('reports.col.members-to-consult'), kind: 'count', width: 130 },
      { header: t('reports.col.not-consulted'), kind: 'text', width: 160 },
      { header: t('reports.col.objections'), kind: 'text', width: 120 },
    ],
    rows,
    totals: [
      t('reports.total'),
      null,
      null,
      t('reports.annual.decisions.adopted', { n: adopted.length }),
      rows.reduce((n, r) => n + (r[4] as number), 0),
      rows.reduce((n, r) => n + (r[5] as number), 0),
      null,
      null,
    ],
    note: t('reports.annual.decisions.note', { year, pending, notAdopted }),
    empty: t('reports.annual.decisions.empty', { year }),
  };
}

function actionsTable(network: Network, year: number, today: IsoDay): ReportTable {
  const due = network.actions.records.filter((a) => inYear(a.due, year));
  const done = due.filter((a) => a.status === 'Done');
  const count = (label: string, n: number): ReportCell[] => [label, n];
  return {
    id: 'actions',
    title: t('reports.annual.actions.title', { year }),
    columns: [
      { header: t('reports.col.action-points'), kind: 'text', width: 240 },
      { header: t('reports.col.count'), kind: 'count' },
    ],
    rows: [
      count(t('reports.annual.actions.done'), done.length),
      count(
        t('reports.annual.actions.done-on-time'),
        done.filter((a) => a.doneOn !== null && a.due !== null && a.doneOn <= a.due).length,
      ),
      count(
        t('reports.annual.actions.overdue', { day: longDay(today) }),
        due.filter((a) => isOverdue(a, today)).length,
      ),
      count(
        t('reports.annual.actions.not-yet-due'),
        due.filter((a) => a.status === 'Open' && !isOverdue(a, today)).length,
      ),
      count(t('reports.annual.actions.dropped'), due.filter((a) => a.status === 'Dropped').length),
    ],
    totals: [t('reports.annual.actions.due-in-year'), due.length],
    note: t('reports.annual.actions.note'),
    empty: '',
  };
}

function workplanTable(items: readonly WorkplanRow[], year: number): ReportTable {
  const groups = groupBy(items, (w) => [w.status]);
  const line = (label: string, group: readonly WorkplanRow[]): ReportCell[] => {
    const f = funding(group);
    return [label, f.items, share(f.items, items.length), f.budget, f.funded, share(f.funded, f.budget), f.gap];
  };
  const blank = groups.get(null) ?? [];
  return {
    id: 'workplan',
    title: t('reports.annual.workplan.title', { year }),
    columns: [
      { header: t('reports.col.status'), kind: 'text', width: 110 },
      { header: t('reports.col.items'), kind: 'count' },
      { header: t('reports.col.share-of-items'), kind: 'percent', width: 110 },
      { header: t('reports.col.budget'), kind: 'money' },
      { header: t('reports.col.funded'), kind: 'money' },
      { header: t('reports.col.share-funded'), kind: 'percent', width: 110 },
      { header: t('reports.col.funding-gap'), kind: 'money', width: 120 },
    ],
    rows: [
      ...WORKPLAN_STATUSES.map((s) => line(s, groups.get(s) ?? [])),
      ...(blank.length > 0 ? [line(t('reports.workplan.by-status.none'), blank)] : []),
    ],
    totals: line(t('reports.total'), items),
    note: '',
    empty: '',
  };
}

function complianceTable(network: Network, today: IsoDay): ReportTable {
  const findings = checkNetwork(network, today);
  const byRule = groupBy(findings, (f) => [`${f.severity} ${f.rule}`]);
  const rows = [...byRule.values()]
    .map((group) => group[0]!)
    .sort(
      (a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) || a.rule.localeCompare(b.rule),
    )
    .map((f) => [f.rule, SEVERITY_LABELS[f.severity], byRule.get(`${f.severity} ${f.rule}`)!.length]);
  return {
    id: 'compliance',
    title: t('reports.annual.compliance.title', { day: longDay(today) }),
    columns: [
      { header: t('reports.col.rule'), kind: 'text', width: 200 },
      { header: t('reports.col.severity'), kind: 'text', width: 170 },
      { header: t('reports.col.findings'), kind: 'count' },
    ],
    rows,
    totals: [t('reports.total'), null, findings.length],
    note: t('reports.annual.compliance.note', { tor: network.profile.torName, day: longDay(today) }),
    empty: t('reports.annual.compliance.empty'),
  };
}

/** A group's meetings: those of Kind Working group whose title names the group (its Name or its ID). */
function namesGroup(m: Meeting, g: WorkingGroup): boolean {
  const title = m.title.toLowerCase();
  return [g.name, g.id].some((n) => n.trim() !== '' && title.includes(n.trim().toLowerCase()));
}

/** The groups that existed in the year, what they met on and the decisions about them. */
function groupsTable(network: Network, held: readonly Located<Meeting>[], year: number): ReportTable {
  const established = new Map(network.decisions.records.map((d) => [keyOf(d.id), d.date] as const));
  const groups = network.groups.records.filter((g) => {
    const from = established.get(keyOf(g.establishedBy));
    return (from === undefined || yearOf(from) <= year) && (g.endsOn === null || yearOf(g.endsOn) >= year);
  });
  const rows = groups.map((g) => {
    const meetings = held.filter((m) => m.kind === 'Working group' && namesGroup(m, g));
    return [
      rowLink('Working groups', g.row, g.id),
      g.name,
      g.kind ?? '',
      g.leadAgency.trim(),
      g.members.length,
      g.externalPartners,
      g.endsOn,
      meetings.length,
      meetings.map((m) => t('reports.annual.groups.output', { day: longDay(m.date), title: m.title })).join('; '),
    ] satisfies ReportCell[];
  });
  return {
    id: 'working-groups',
    title: t('reports.annual.groups.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.name'), kind: 'text', width: 260 },
      { header: t('reports.col.kind'), kind: 'text', width: 90 },
      { header: t('reports.col.lead-agency'), kind: 'text', width: 90 },
      { header: t('reports.col.members'), kind: 'count' },
      { header: t('reports.col.external-partners'), kind: 'text', width: 220 },
      { header: t('reports.col.ends-on'), kind: 'date', width: 120 },
      { header: t('reports.col.meetings-held'), kind: 'count', width: 100 },
      { header: t('reports.col.output'), kind: 'text', width: 320 },
    ],
    rows,
    totals: null,
    note: t('reports.annual.groups.note'),
    empty: t('reports.annual.groups.empty', { year }),
  };
}

function statementsTable(network: Network, year: number): ReportTable {
  const statements = network.decisions.records.filter((d) => d.kind === 'Joint statement' && inYear(d.date, year));
  return {
    id: 'joint-statements',
    title: t('reports.annual.statements.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.date'), kind: 'date', width: 130 },
      { header: t('reports.col.title'), kind: 'text', width: 300 },
      { header: t('reports.col.outcome'), kind: 'text', width: 100 },
      { header: t('reports.col.statement'), kind: 'text', width: 400 },
    ],
    rows: statements.map((d) => [rowLink('Decisions', d.row, d.id), d.date, d.title, d.outcome, d.decision]),
    totals: null,
    note: '',
    empty: t('reports.annual.statements.empty', { year }),
  };
}

function consultationsTables(network: Network, year: number): [ReportTable, ReportTable] {
  const held = network.consultations.records.filter((c) => inYear(c.openedOn, year) && c.status !== 'Withdrawn');
  const latest = latestAnswers(network.answers.records);
  const tally = new Map<string, { agency: string; asked: number; answered: number }>();
  const rows = held.map((c) => {
    const asked = askedAgencies(network, c);
    const answers = latest.get(keyOf(c.id)) ?? new Map();
    const answered = asked.filter((a) => answers.has(keyOf(a)));
    for (const a of asked) {
      const t = tally.get(keyOf(a)) ?? { agency: a, asked: 0, answered: 0 };
      t.asked++;
      if (answers.has(keyOf(a))) t.answered++;
      tally.set(keyOf(a), t);
    }
    return [
      rowLink('Consultations', c.row, c.id),
      c.openedOn,
      c.deadline,
      c.kind,
      c.title,
      c.status,
      c.outcome ?? '',
      asked.length,
      answered.length,
      share(answered.length, asked.length),
    ] satisfies ReportCell[];
  });
  const asked = rows.reduce((n, r) => n + (r[7] as number), 0);
  const answered = rows.reduce((n, r) => n + (r[8] as number), 0);
  const members = [...tally.values()];
  return [
    {
      id: 'consultations',
      title: t('reports.annual.consultations.title', { year }),
      columns: [
        { header: t('reports.col.id'), kind: 'link' },
        { header: t('reports.col.opened-on'), kind: 'date', width: 130 },
        { header: t('reports.col.deadline'), kind: 'date', width: 130 },
        { header: t('reports.col.kind'), kind: 'text', width: 100 },
        { header: t('reports.col.title'), kind: 'text', width: 280 },
        { header: t('reports.col.status'), kind: 'text', width: 80 },
        { header: t('reports.col.outcome'), kind: 'text', width: 90 },
        { header: t('reports.col.members-asked'), kind: 'count', width: 110 },
        { header: t('reports.col.answered'), kind: 'count' },
        { header: t('reports.col.answer-rate'), kind: 'percent', width: 100 },
      ],
      rows,
      totals: [
        t('reports.total'),
        null,
        null,
        null,
        t('reports.annual.consultations.count', { n: rows.length }),
        null,
        null,
        asked,
        answered,
        share(answered, asked),
      ],
      note: t('reports.annual.consultations.note'),
      empty: t('reports.annual.consultations.empty', { year }),
    },
    {
      id: 'answer-rates',
      title: t('reports.annual.answers.title', { year }),
      columns: [
        { header: t('reports.col.agency'), kind: 'text', width: 110 },
        { header: t('reports.col.asked'), kind: 'count' },
        { header: t('reports.col.answered'), kind: 'count' },
        { header: t('reports.col.answer-rate'), kind: 'percent', width: 100 },
      ],
      rows: members.map((t) => [t.agency, t.asked, t.answered, share(t.answered, t.asked)]),
      totals: [t('reports.total'), asked, answered, share(answered, asked)],
      note: t('reports.annual.answers.note'),
      empty: '',
    },
  ];
}

function externalTable(held: readonly Located<Meeting>[], year: number): ReportTable {
  const met = held.filter((m) => m.externalParticipants.trim() !== '');
  return {
    id: 'external',
    title: t('reports.annual.external.title', { year }),
    columns: [
      { header: t('reports.col.meeting'), kind: 'link' },
      { header: t('reports.col.date'), kind: 'date', width: 130 },
      { header: t('reports.col.title'), kind: 'text', width: 300 },
      { header: t('reports.col.external-participants'), kind: 'text', width: 400 },
    ],
    rows: met.map((m) => [rowLink('Meetings', m.row, m.id), m.date, m.title, m.externalParticipants.trim()]),
    totals: null,
    note: '',
    empty: t('reports.annual.external.empty', { year }),
  };
}

/** Every decision recorded in the year, whatever its outcome, with its text: the register the annual meeting reviews. */
function registerTable(network: Network, year: number): ReportTable {
  const decisions = network.decisions.records
    .filter((d) => inYear(d.date, year))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return {
    id: 'decision-register',
    title: t('reports.annual.register.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.date'), kind: 'date', width: 130 },
      { header: t('reports.col.title'), kind: 'text', width: 260 },
      { header: t('reports.col.decision'), kind: 'text', width: 400 },
      { header: t('reports.col.outcome'), kind: 'text', width: 100 },
      { header: t('reports.col.consulted-agencies'), kind: 'text', width: 240 },
      { header: t('reports.col.objections'), kind: 'text', width: 120 },
    ],
    rows: decisions.map((d) => [
      rowLink('Decisions', d.row, d.id),
      d.date,
      d.title,
      d.decision,
      d.outcome,
      d.consulted.join(', '),
      d.objections.join(', '),
    ]),
    totals: null,
    note: '',
    empty: t('reports.annual.register.empty', { year }),
  };
}

export function annualReview(network: Network, { year, today, notes }: ReportOptions): Report {
  const ctx = buildContext(network, today);
  const held = network.meetings.records
    .filter((m) => m.status === 'Held' && inYear(m.date, year))
    .sort((a, b) => a.date.localeCompare(b.date) || a.row - b.row);
  const meetings = meetingsTable(network, held, year);
  const attendance = attendanceTable(ctx, held, year);
  return {
    id: 'annual-review',
    title: t('reports.annual.title', { year }),
    network: networkName(network),
    year,
    today,
    subtitle: t('reports.annual.subtitle', { year }),
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: sections(
      {
        title: t('reports.annual.emerging-challenges'),
        text: notes?.emergingChallenges ?? network.settings.emergingChallenges,
        place: 'after',
      },
      {
        title: t('reports.annual.recommendations'),
        text: notes?.recommendations ?? network.settings.recommendations,
        place: 'after',
      },
    ),
    tables: [
      meetings,
      heldTable(held, year),
      attendance,
      externalTable(held, year),
      groupsTable(network, held, year),
      decisionsTable(ctx, year),
      registerTable(network, year),
      statementsTable(network, year),
      ...consultationsTables(network, year),
      actionsTable(network, year, today),
      workplanTable(workplanOf(network, year), year),
      complianceTable(network, today),
    ],
    charts: [
      { title: t('reports.annual.chart.meetings'), table: meetings.id, category: 0, series: [1, 2] },
      { title: t('reports.annual.chart.attendance'), table: attendance.id, category: 0, series: [3] },
    ],
  };
}
