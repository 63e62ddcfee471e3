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
import type { Network } from '../network';
import { checkNetwork, SEVERITY_LABELS, SEVERITY_ORDER } from '../rules';
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
    title: `Meetings in ${year}`,
    columns: [
      { header: 'Meetings', kind: 'text', width: 240 },
      { header: 'Held', kind: 'count' },
      { header: 'Required', kind: 'count' },
    ],
    rows: [
      [
        'Regular and annual',
        count(['Regular', 'Annual']),
        cadence === null ? null : periodsRequired(foundedOn, year, cadence),
      ],
      [
        'Annual network meeting',
        count(['Annual']),
        annualMeetingRequired === true && annualRequired(foundedOn, year) ? 1 : null,
      ],
      ['Extraordinary', count(['Extraordinary']), null],
      ['Working group', count(['Working group']), null],
    ],
    totals: ['Total', held.length, null],
    note:
      cadence === null
        ? 'Required: blank where the settings require nothing.'
        : `Required: one regular meeting in each calendar period of ${cadence} months that began after the network was founded${annualMeetingRequired === true ? ', and one annual network meeting after the founding year' : ''}; blank where nothing is required.`,
    empty: '',
  };
}

function heldTable(held: readonly Located<Meeting>[], year: number): ReportTable {
  return {
    id: 'meetings-held',
    title: `Meetings held in ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Date', kind: 'date' },
      { header: 'Kind', kind: 'text', width: 110 },
      { header: 'Mode', kind: 'text', width: 90 },
      { header: 'Title', kind: 'text', width: 320 },
      { header: 'Attending members', kind: 'count', width: 130 },
      { header: 'Minutes circulated on', kind: 'date', width: 150 },
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
    empty: `No meeting was held in ${year}.`,
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
    title: `Attendance by agency in ${year}`,
    columns: [
      { header: 'Agency', kind: 'text', width: 110 },
      { header: 'Meetings', kind: 'count' },
      { header: 'Attended', kind: 'count' },
      { header: 'Attendance rate', kind: 'percent', width: 120 },
    ],
    rows: rows.map((t) => [t.agency, t.eligible, t.attended, share(t.attended, t.eligible)]),
    totals: ['Total', eligible, attended, share(attended, eligible)],
    note: 'Network meetings (regular, annual, extraordinary) held while the agency was a member; meetings with no attendance recorded are left out.',
    empty: `No network meeting of ${year} records its attendance.`,
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
    title: `Decisions adopted in ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Date', kind: 'date' },
      { header: 'Kind', kind: 'text', width: 150 },
      { header: 'Title', kind: 'text', width: 320 },
      { header: 'Consulted', kind: 'count' },
      { header: 'Members to consult', kind: 'count', width: 130 },
      { header: 'Not consulted', kind: 'text', width: 160 },
      { header: 'Objections', kind: 'text', width: 120 },
    ],
    rows,
    totals: [
      'Total',
      null,
      null,
      `${adopted.length} adopted`,
      rows.reduce((n, r) => n + (r[4] as number), 0),
      rows.reduce((n, r) => n + (r[5] as number), 0),
      null,
      null,
    ],
    note: `Members to consult: the members on the decision's day (an admission's candidate aside). Also recorded in ${year}: ${pending} Pending, ${notAdopted} Not adopted.`,
    empty: `No decision was adopted in ${year}.`,
  };
}

function actionsTable(network: Network, year: number, today: IsoDay): ReportTable {
  const due = network.actions.records.filter((a) => inYear(a.due, year));
  const done = due.filter((a) => a.status === 'Done');
  const count = (label: string, n: number): ReportCell[] => [label, n];
  return {
    id: 'actions',
    title: `Action points due in ${year}`,
    columns: [
      { header: 'Action points', kind: 'text', width: 240 },
      { header: 'Count', kind: 'count' },
    ],
    rows: [
      count('Done', done.length),
      count('Done by the due day', done.filter((a) => a.doneOn !== null && a.due !== null && a.doneOn <= a.due).length),
      count(`Open and overdue on ${longDay(today)}`, due.filter((a) => isOverdue(a, today)).length),
      count('Open, not yet due', due.filter((a) => a.status === 'Open' && !isOverdue(a, today)).length),
      count('Dropped', due.filter((a) => a.status === 'Dropped').length),
    ],
    totals: ['Due in the year', due.length],
    note: '"Done by the due day" is part of "Done".',
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
    title: `Workplan ${year}: delivery and funding`,
    columns: [
      { header: 'Status', kind: 'text', width: 110 },
      { header: 'Items', kind: 'count' },
      { header: 'Share of items', kind: 'percent', width: 110 },
      { header: 'Budget', kind: 'money' },
      { header: 'Funded', kind: 'money' },
      { header: 'Share funded', kind: 'percent', width: 110 },
      { header: 'Funding gap', kind: 'money', width: 120 },
    ],
    rows: [
      ...WORKPLAN_STATUSES.map((s) => line(s, groups.get(s) ?? [])),
      ...(blank.length > 0 ? [line('(no status)', blank)] : []),
    ],
    totals: line('Total', items),
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
    title: `Compliance with the ToR on ${longDay(today)}`,
    columns: [
      { header: 'Rule', kind: 'text', width: 200 },
      { header: 'Severity', kind: 'text', width: 170 },
      { header: 'Findings', kind: 'count' },
    ],
    rows,
    totals: ['Total', null, findings.length],
    note: `The compliance check of the ${network.profile.torName} as of ${longDay(today)}; the Compliance tab lists each finding and how to fix it.`,
    empty: 'No findings: the workbook keeps every rule that applies.',
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
      meetings.map((m) => `${longDay(m.date)}: ${m.title}`).join('; '),
    ] satisfies ReportCell[];
  });
  return {
    id: 'working-groups',
    title: `Working groups in ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Name', kind: 'text', width: 260 },
      { header: 'Kind', kind: 'text', width: 90 },
      { header: 'Lead agency', kind: 'text', width: 90 },
      { header: 'Members', kind: 'count' },
      { header: 'External partners', kind: 'text', width: 220 },
      { header: 'Ends on', kind: 'date', width: 120 },
      { header: 'Meetings held', kind: 'count', width: 100 },
      { header: 'Output', kind: 'text', width: 320 },
    ],
    rows,
    totals: null,
    note: "Output: the group's meetings held in the year (meetings of Kind Working group whose title names the group).",
    empty: `No working group existed in ${year}.`,
  };
}

function statementsTable(network: Network, year: number): ReportTable {
  const statements = network.decisions.records.filter((d) => d.kind === 'Joint statement' && inYear(d.date, year));
  return {
    id: 'joint-statements',
    title: `Joint statements of ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Date', kind: 'date', width: 130 },
      { header: 'Title', kind: 'text', width: 300 },
      { header: 'Outcome', kind: 'text', width: 100 },
      { header: 'Statement', kind: 'text', width: 400 },
    ],
    rows: statements.map((d) => [rowLink('Decisions', d.row, d.id), d.date, d.title, d.outcome, d.decision]),
    totals: null,
    note: '',
    empty: `The Network made no joint statement in ${year}.`,
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
      title: `Written consultations opened in ${year}`,
      columns: [
        { header: 'ID', kind: 'link' },
        { header: 'Opened on', kind: 'date', width: 130 },
        { header: 'Deadline', kind: 'date', width: 130 },
        { header: 'Kind', kind: 'text', width: 100 },
        { header: 'Title', kind: 'text', width: 280 },
        { header: 'Status', kind: 'text', width: 80 },
        { header: 'Outcome', kind: 'text', width: 90 },
        { header: 'Members asked', kind: 'count', width: 110 },
        { header: 'Answered', kind: 'count' },
        { header: 'Answer rate', kind: 'percent', width: 100 },
      ],
      rows,
      totals: [
        'Total',
        null,
        null,
        null,
        `${rows.length} consultations`,
        null,
        null,
        asked,
        answered,
        share(answered, asked),
      ],
      note: 'Members asked: every member active on the opening day. Withdrawn consultations are left out.',
      empty: `No written consultation was opened in ${year}.`,
    },
    {
      id: 'answer-rates',
      title: `Answers to written consultations by member in ${year}`,
      columns: [
        { header: 'Agency', kind: 'text', width: 110 },
        { header: 'Asked', kind: 'count' },
        { header: 'Answered', kind: 'count' },
        { header: 'Answer rate', kind: 'percent', width: 100 },
      ],
      rows: members.map((t) => [t.agency, t.asked, t.answered, share(t.answered, t.asked)]),
      totals: ['Total', asked, answered, share(answered, asked)],
      note: 'Silence counts as agreement in a No objection consultation, but it is not an answer here.',
      empty: '',
    },
  ];
}

function externalTable(held: readonly Located<Meeting>[], year: number): ReportTable {
  const met = held.filter((m) => m.externalParticipants.trim() !== '');
  return {
    id: 'external',
    title: `External participants met in ${year}`,
    columns: [
      { header: 'Meeting', kind: 'link' },
      { header: 'Date', kind: 'date', width: 130 },
      { header: 'Title', kind: 'text', width: 300 },
      { header: 'External participants', kind: 'text', width: 400 },
    ],
    rows: met.map((m) => [rowLink('Meetings', m.row, m.id), m.date, m.title, m.externalParticipants.trim()]),
    totals: null,
    note: '',
    empty: `No meeting held in ${year} records an external participant.`,
  };
}

/** Every decision recorded in the year, whatever its outcome, with its text: the register the annual meeting reviews. */
function registerTable(network: Network, year: number): ReportTable {
  const decisions = network.decisions.records
    .filter((d) => inYear(d.date, year))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return {
    id: 'decision-register',
    title: `Decision register ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Date', kind: 'date', width: 130 },
      { header: 'Title', kind: 'text', width: 260 },
      { header: 'Decision', kind: 'text', width: 400 },
      { header: 'Outcome', kind: 'text', width: 100 },
      { header: 'Consulted', kind: 'text', width: 240 },
      { header: 'Objections', kind: 'text', width: 120 },
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
    empty: `No decision was recorded in ${year}.`,
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
    title: `Annual review ${year}`,
    network: networkName(network),
    year,
    today,
    subtitle: `The Network's ${year} at a glance, for the annual network meeting: meetings, attendance, external partners, working groups, decisions and joint statements, written consultations, action points, the workplan and compliance with the ToR.`,
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: sections(
      {
        title: 'Emerging challenges',
        text: notes?.emergingChallenges ?? network.settings.emergingChallenges,
        place: 'after',
      },
      { title: 'Recommendations', text: notes?.recommendations ?? network.settings.recommendations, place: 'after' },
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
      { title: 'Meetings held against the ToR', table: meetings.id, category: 0, series: [1, 2] },
      { title: 'Attendance rate by agency', table: attendance.id, category: 0, series: [3] },
    ],
  };
}
