/**
 * The synthetic networks every bench runs on: 1×, 10×, 100× and 1,000× the data rows of the example
 * workbook (examples/uzbekistan.ts), shaped like a network that lives longer and works harder: tens of
 * members (13 growing to 60) who join, leave and change focal points, quarterly meetings with
 * working-group and extraordinary meetings between them, decisions, action points, a workplan a year
 * and the add-on's Log. Members, focal points and working groups grow mildly; each tab that grows with
 * the years keeps its share of the example's rows, so the whole workbook is about `scale` times the
 * example.
 *
 * Mostly compliant, with lapses at fixed intervals so that every rule finds something to report (all
 * but workplan.exists, which fires only when the current year has no workplan at all), and the same
 * mail due today at every size: the minutes of two meetings to circulate or archive, an agenda and a
 * minutes reminder to the secretariat, and three agencies' action reminders. So the hourly tick has
 * the same work whatever the rows, and another tick right after it has none.
 */
import { EXAMPLE } from '../../../examples/uzbekistan';
import type { Cell } from '../../../src/domain/cells';
import { headerRow } from '../../../src/domain/codec';
import { addDays, addMonths, daysBetween, yearOf, type IsoDay } from '../../../src/domain/dates';
import { formatId } from '../../../src/domain/ids';
import type { Grids } from '../../../src/domain/network';
import { settingsRows, type Settings } from '../../../src/domain/settings';
import {
  ActionsTable,
  principleTitles,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  WorkingGroupsTable,
  WorkplanTable,
  type Action,
  type Decision,
  type FocalPoint,
  type LogEntry,
  type Meeting,
  type Member,
  type TableDef,
  type WorkingGroup,
  type WorkplanRow,
} from '../../../src/domain/tables';
import { gridOf } from '../../domain/rules/support';

export const SCALES = [1, 10, 100, 1000] as const;
export type Scale = (typeof SCALES)[number];

export const TODAY = '2026-11-23';
/** IOM's primary focal point: the secretariat, who runs the commands. */
export const SECRETARIAT = 'dkarimova@iom.int';
/** UNDP's primary focal point: an ordinary member. */
export const MEMBER = 'malika.yusupova@undp.org';

interface Shape {
  readonly members: number;
  /** Years from the founding to today. */
  readonly years: number;
  readonly groups: number;
}

const SHAPES: Readonly<Record<Scale, Shape>> = {
  1: { members: 13, years: 2, groups: 2 },
  10: { members: 20, years: 10, groups: 4 },
  100: { members: 40, years: 25, groups: 10 },
  1000: { members: 60, years: 50, groups: 25 },
};

/** The example's rows of the tabs that grow with the years: each keeps this share of them. */
const GROWING = {
  meetings: EXAMPLE.meetings.length,
  decisions: EXAMPLE.decisions.length,
  actions: EXAMPLE.actions.length,
  workplan: EXAMPLE.workplan.length,
  log: EXAMPLE.log.length,
};
const GROWING_ROWS = Object.values(GROWING).reduce((a, b) => a + b, 0);

/** The example's data rows, Settings included: 1× of the scales. */
export const EXAMPLE_ROWS =
  settingsRows(EXAMPLE.settings).length +
  EXAMPLE.members.length +
  EXAMPLE.focalPoints.length +
  EXAMPLE.groups.length +
  GROWING_ROWS;

/** Code, name and mail domain of the UN entities that may sit in a network, the example's first. */
const AGENCIES = [
  'IOM|International Organization for Migration|iom.int',
  'UNRC|United Nations Resident Coordinator (RCO)|un.org',
  'UNDP|United Nations Development Programme|undp.org',
  "UNICEF|United Nations Children's Fund|unicef.org",
  'ILO|International Labour Organization|ilo.org',
  'UNHCR|United Nations High Commissioner for Refugees|unhcr.org',
  'OHCHR|Office of the High Commissioner for Human Rights|ohchr.org',
  'UNWOMEN|UN Women|unwomen.org',
  'UNFPA|United Nations Population Fund|unfpa.org',
  'UNODC|United Nations Office on Drugs and Crime|unodc.org',
  'WHO|World Health Organization|who.int',
  'FAO|Food and Agriculture Organization|fao.org',
  'UNHABITAT|United Nations Human Settlements Programme|un.org',
  'UNESCO|United Nations Educational, Scientific and Cultural Organization|unesco.org',
  'WFP|World Food Programme|un.org',
  'UNAIDS|Joint United Nations Programme on HIV/AIDS|unaids.org',
  'UNDRR|United Nations Office for Disaster Risk Reduction|undrr.org',
  'WB|World Bank|worldbank.org',
  'UNEP|United Nations Environment Programme|un.org',
  'UNIDO|United Nations Industrial Development Organization|un.org',
  'UNECE|United Nations Economic Commission for Europe|un.org',
  'ESCAP|Economic and Social Commission for Asia and the Pacific|un.org',
  'UNCTAD|United Nations Conference on Trade and Development|un.org',
  'ITU|International Telecommunication Union|un.org',
  'IFAD|International Fund for Agricultural Development|un.org',
  'UNOPS|United Nations Office for Project Services|un.org',
  'UNV|United Nations Volunteers|un.org',
  'UNCDF|United Nations Capital Development Fund|un.org',
  'OCHA|Office for the Coordination of Humanitarian Affairs|un.org',
  'DESA|Department of Economic and Social Affairs|un.org',
  'UNITAR|United Nations Institute for Training and Research|un.org',
  'UNU|United Nations University|un.org',
  'UNDSS|United Nations Department of Safety and Security|un.org',
  'WMO|World Meteorological Organization|un.org',
  'UNWTO|World Tourism Organization|un.org',
  'ITC|International Trade Centre|un.org',
  'UNICRI|United Nations Interregional Crime and Justice Research Institute|un.org',
  'UNRISD|United Nations Research Institute for Social Development|un.org',
  'UNOCT|United Nations Office of Counter-Terrorism|un.org',
  'UNMAS|United Nations Mine Action Service|un.org',
  'IAEA|International Atomic Energy Agency|un.org',
  'ICAO|International Civil Aviation Organization|un.org',
  'IMO|International Maritime Organization|un.org',
  'UPU|Universal Postal Union|un.org',
  'WIPO|World Intellectual Property Organization|un.org',
  'UNFCCC|United Nations Framework Convention on Climate Change|un.org',
  'UNSSC|United Nations System Staff College|un.org',
  'ECA|Economic Commission for Africa|un.org',
  'ESCWA|Economic and Social Commission for Western Asia|un.org',
  'ECLAC|Economic Commission for Latin America and the Caribbean|un.org',
  'DPPA|Department of Political and Peacebuilding Affairs|un.org',
  'UNOG|United Nations Office at Geneva|un.org',
  'UNON|United Nations Office at Nairobi|un.org',
  'UNOV|United Nations Office at Vienna|un.org',
  'UNSD|United Nations Statistics Division|un.org',
  'UNFF|United Nations Forum on Forests|un.org',
  'UNCCD|United Nations Convention to Combat Desertification|un.org',
  'CBD|Convention on Biological Diversity|un.org',
  'UNIC|United Nations Information Centre|un.org',
  'DCO|Development Coordination Office|un.org',
].map((line) => {
  const [code = '', name = '', domain = ''] = line.split('|');
  return { code, name, domain };
});

/** The founding members: those of the example that joined on its founding day. */
const FOUNDERS = 12;
const FIRST_NAMES = [
  'Dilnoza',
  'Rustam',
  'Sarah',
  'Jasur',
  'Malika',
  'Timur',
  'Elena',
  'Bekzod',
  'Kamola',
  'Marco',
  'Aziz',
  'Farida',
  'Nurlan',
  'Gulnora',
  'Olga',
  'Akmal',
];
const LAST_NAMES = [
  'Karimova',
  'Aliev',
  'Lindqvist',
  'Tashkentov',
  'Yusupova',
  'Nazarov',
  'Petrova',
  'Rahimov',
  'Ismoilova',
  'Rossi',
  'Umarov',
  'Saidova',
  'Kim',
  'Jurayev',
];
const TOPICS = [
  'labour migration and ethical recruitment',
  'returning migrant workers',
  'migration data',
  'the GCM voluntary review',
  'counter-trafficking',
  'migrant health',
  'climate-induced mobility',
  'remittances and financial inclusion',
  'migrant children and families',
  'pre-departure orientation',
  'reintegration support',
  'border management and human rights',
];
const SHAREPOINT = 'https://unitednations.sharepoint.com/sites/UNMN/Minutes';
/** Not a member of any network here: a working group's outside partner listed as a member by mistake. */
const OUTSIDER = 'IFRC';

/** The records of one network, each tab in WORKBOOK.md's order, and what is due today. */
export interface GeneratedNetwork {
  readonly scale: Scale;
  readonly settings: Settings;
  readonly members: Member[];
  readonly focalPoints: FocalPoint[];
  readonly meetings: Meeting[];
  readonly decisions: Decision[];
  readonly actions: Action[];
  readonly workplan: WorkplanRow[];
  readonly groups: WorkingGroup[];
  readonly log: LogEntry[];
  /** The meetings whose minutes are due to go out today (to the members, or the RCO's archive copy). */
  readonly minutesDue: string[];
}

/** Orders days (and timestamps) as text. */
const byDay = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Numbers records per year of their day, in day order: M-2026-01, M-2026-02, ... */
function numberByYear<T>(
  def: TableDef,
  items: readonly T[],
  dayOf: (item: T) => IsoDay,
  assign: (item: T, id: string) => void,
): void {
  const counters = new Map<number, number>();
  const sorted = [...items].sort((a, b) => byDay(dayOf(a), dayOf(b)));
  for (const item of sorted) {
    const year = yearOf(dayOf(item));
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    assign(item, formatId(def, n, year));
  }
}

/** `count` days spread evenly from `from` to `to`, in order. */
function spread(from: IsoDay, to: IsoDay, count: number): IsoDay[] {
  const span = daysBetween(from, to);
  return Array.from({ length: count }, (_, i) => addDays(from, Math.round(((i + 1) * span) / (count + 1))));
}

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length]!;

function personOf(i: number): { name: string; handle: string } {
  const first = pick(FIRST_NAMES, i);
  const last = pick(LAST_NAMES, Math.floor(i / FIRST_NAMES.length) + i);
  return { name: `${first} ${last}`, handle: `${first}.${last}${i}`.toLowerCase() };
}

export function generate(scale: Scale): GeneratedNetwork {
  const shape = SHAPES[scale];
  const founded = `${yearOf(TODAY) - shape.years}-11-06`;
  const settings: Settings = {
    ...EXAMPLE.settings,
    foundedOn: founded,
    // Not in the Uzbekistan ToR, but set here so that their rules have work too.
    annualMeetingRequired: true,
    stateConsultationBody: 'Ministry of Employment and Poverty Reduction',
    memberListSharingMonths: 6,
  };

  // Members: the founders, then one joining every so often; a few of the later ones withdraw.
  const agencies = AGENCIES.slice(0, shape.members);
  const joinDays = spread(addMonths(founded, 6), addDays(TODAY, -40), Math.max(0, shape.members - FOUNDERS));
  const members: Member[] = agencies.map(({ code, name }, i) => {
    const late = i >= FOUNDERS;
    const joinedOn = late ? joinDays[i - FOUNDERS]! : founded;
    const withdrawn = late && i % 9 === 5;
    return {
      agency: code,
      name,
      // members.roles: IOM chairs and hosts the secretariat but the Coordinator role is left unassigned.
      roles: code === 'IOM' ? ['Chair', 'Secretariat'] : code === 'UNRC' ? ['Co-chair'] : ['Member'],
      status: withdrawn ? 'Withdrawn' : 'Active',
      joinedOn,
      admissionDecision: '',
      leftOn: withdrawn ? addDays(joinedOn, Math.round(daysBetween(joinedOn, TODAY) / 2)) : null,
      notes: '',
    };
  });
  const activeOn = (day: IsoDay) =>
    members
      .filter((m) => m.status === 'Active' && m.joinedOn! <= day && (m.leftOn === null || m.leftOn > day))
      .map((m) => m.agency);

  // Focal points: a primary and mostly an alternate each, and the primaries who moved on over the years.
  const focalPoints: FocalPoint[] = [];
  let people = 0;
  const nominate = (i: number, kind: FocalPoint['kind'], active: boolean, position: string) => {
    const { code, domain } = agencies[i]!;
    const person = personOf(people++);
    // members.corporate-email: now and then a focal point writes from a private address.
    const email =
      code === 'IOM' && kind === 'Primary' && active
        ? SECRETARIAT
        : code === 'UNDP' && kind === 'Primary' && active
          ? MEMBER
          : `${person.handle}@${people % 11 === 7 ? 'gmail.com' : domain}`;
    focalPoints.push({ agency: code, name: person.name, position, email, kind, active });
  };
  const formerPrimaries = Math.round((shape.members * shape.years) / 25);
  agencies.forEach((_, i) => {
    // members.focal-point: every so often a member's primary has left and nobody replaced them yet.
    nominate(i, 'Primary', i % 14 !== 6, 'Focal point');
    if (i % 3 !== 2 || i === 0) nominate(i, 'Alternate', true, 'Alternate focal point');
  });
  for (let j = 0; j < formerPrimaries; j++)
    nominate(j % shape.members, 'Primary', false, `Focal point (until ${yearOf(founded) + 1 + (j % shape.years)})`);

  const fixedRows = settingsRows(settings).length + members.length + focalPoints.length + shape.groups;
  const growing = EXAMPLE_ROWS * scale - fixedRows;
  const share = (key: keyof typeof GROWING) => Math.round((growing * GROWING[key]) / GROWING_ROWS);

  // Meetings: quarterly from the founding up to the one three weeks ago, working-group and extraordinary ones between.
  const lastQuarter = addDays(TODAY, -20);
  const quarterly: IsoDay[] = [];
  for (let k = 0; addMonths(lastQuarter, -3 * k) >= addMonths(founded, 2); k++)
    quarterly.push(addMonths(lastQuarter, -3 * k));
  const meetingOf = (date: IsoDay, kind: Meeting['kind'], status: Meeting['status'], title: string): Meeting => ({
    id: '',
    date,
    kind,
    mode: 'In person',
    title,
    time: '10:00',
    durationMinutes: 120,
    venueOrLink: 'UN House, Tashkent',
    agendaLink: '',
    chairedBy: ['IOM', 'UNRC'],
    status,
    agendaCirculatedOn: status === 'Planned' ? null : addDays(date, -7),
    attendees: status === 'Held' ? activeOn(date) : [],
    externalParticipants: '',
    minutesLink: '',
    minutesApprovedOn: null,
    minutesCirculatedOn: null,
    sharedWithRcoOn: null,
    confidentiality: 'Internal',
  });
  const history: Meeting[] = quarterly.slice(1).map((date, k) => {
    // meetings.cadence: now and then a quarter's meeting is cancelled; meetings.annual: some years have no annual meeting.
    const cancelled = (k + 1) % 13 === 5;
    const month = Number(date.slice(5, 7));
    const kind = month >= 10 && yearOf(date) % 9 !== 4 ? 'Annual' : 'Regular';
    return meetingOf(
      date,
      kind,
      cancelled ? 'Cancelled' : 'Held',
      `${kind === 'Annual' ? 'Annual network meeting' : `Q${Math.ceil(month / 3)} meeting`} ${yearOf(date)}`,
    );
  });
  const extra = Math.max(0, share('meetings') - quarterly.length - 4);
  spread(addDays(founded, 30), addDays(TODAY, -60), extra).forEach((date, i) => {
    const kind = i % 3 === 2 ? 'Extraordinary' : 'Working group';
    const meeting = meetingOf(
      date,
      kind,
      'Held',
      `${kind === 'Extraordinary' ? 'Extraordinary meeting' : 'Working group meeting'}: ${pick(TOPICS, i)}`,
    );
    history.push(
      kind === 'Working group'
        ? { ...meeting, chairedBy: [], attendees: activeOn(date).filter((_, a) => a % 4 === i % 4) }
        : meeting,
    );
  });
  history.sort((a, b) => byDay(a.date, b.date));
  history
    .filter((m) => m.status === 'Held')
    .forEach((m, h) => {
      Object.assign(m, {
        mode: h % 31 === 3 ? null : pick(['In person', 'Online', 'Hybrid'] as const, h),
        agendaCirculatedOn: addDays(m.date, h % 29 === 5 ? -2 : -7),
        attendees: h % 37 === 1 ? [] : m.attendees,
        minutesApprovedOn: addDays(m.date, 12),
        minutesCirculatedOn: addDays(m.date, 14),
        sharedWithRcoOn: addDays(m.date, 15),
        confidentiality: h % 10 === 4 ? 'Public' : 'Internal',
      });
    });
  // What is due today, the same at every size.
  const late = meetingOf(
    lastQuarter,
    'Regular',
    'Held',
    `Q${Math.ceil(Number(lastQuarter.slice(5, 7)) / 3)} meeting ${yearOf(lastQuarter)}: minutes not written up yet`,
  );
  const approved: Meeting = {
    ...meetingOf(
      addDays(TODAY, -30),
      'Extraordinary',
      'Held',
      'Extraordinary meeting: minutes approved, not yet circulated',
    ),
    minutesApprovedOn: addDays(TODAY, -9),
  };
  const unarchived: Meeting = {
    ...meetingOf(
      addDays(TODAY, -45),
      'Working group',
      'Held',
      'Working group meeting: minutes circulated, not archived',
    ),
    chairedBy: [],
    minutesApprovedOn: addDays(TODAY, -14),
    minutesCirculatedOn: addDays(TODAY, -4),
  };
  const soon = meetingOf(addDays(TODAY, 3), 'Extraordinary', 'Planned', 'Extraordinary meeting: agenda not yet out');
  const next = meetingOf(addMonths(lastQuarter, 3), 'Regular', 'Planned', 'Next quarterly meeting');
  const meetings = [...history, unarchived, approved, late, soon, next];
  numberByYear(
    MeetingsTable,
    meetings,
    (m) => m.date,
    (m, id) => Object.assign(m, { id }),
  );
  for (const m of [...history, unarchived, approved])
    if (m.minutesApprovedOn !== null) m.minutesLink = `${SHAREPOINT}/${m.id}.docx`;
  const held = meetings.filter((m) => m.status === 'Held' && m.date < addDays(TODAY, -40));

  // Decisions: a workplan endorsement a year, an admission per later member, one per working group,
  // a pending written consultation, and the general decisions of the meetings.
  const decisions: Decision[] = [];
  const decisionOf = (
    date: IsoDay,
    meeting: string,
    kind: Decision['kind'],
    title: string,
    extra: Partial<Decision> = {},
  ): Decision => {
    const d: Decision = {
      id: '',
      date,
      meeting,
      kind,
      title,
      decision: `The members agree: ${title.toLowerCase()}.`,
      subject: '',
      consultation: '',
      consulted: activeOn(date),
      objections: [],
      outcome: 'Adopted',
      stateRelevant: false,
      stateConsultedOn: null,
      gcmObjectives: [],
      recordedBy: SECRETARIAT,
      recordedAt: `${date}T17:30:00`,
      ...extra,
    };
    decisions.push(d);
    return d;
  };
  for (let year = yearOf(founded) + 1; year <= yearOf(TODAY); year++) {
    // workplan.endorsed: now and then a year's workplan goes unendorsed.
    if (year % 8 === 1) continue;
    const at = held.find((m) => yearOf(m.date) === year);
    decisionOf(
      at?.date ?? `${year}-01-15`,
      at?.id ?? '',
      'Workplan endorsement',
      `The ${year} annual workplan is endorsed`,
      { subject: String(year), gcmObjectives: [1, 23] },
    );
  }
  const admissions = members.slice(FOUNDERS).flatMap((m, j) => {
    // members.admission: one admission in four left a member out of the consultation; one in five was never recorded.
    if (j % 5 === 3) return [];
    const date = addDays(m.joinedOn!, -7);
    const consulted = activeOn(date);
    return [
      {
        m,
        d: decisionOf(date, '', 'Admission', `${m.agency} joins the Network`, {
          subject: m.agency,
          consulted: j % 4 === 0 ? consulted.slice(0, -1) : consulted,
        }),
      },
    ];
  });
  const groupDays = spread(addMonths(founded, 2), addDays(TODAY, -90), shape.groups);
  const establishing = groupDays.map((date, g) =>
    // groups.established: a working group in seven names no decision.
    g % 7 === 1
      ? null
      : decisionOf(date, '', 'Working group', `A working group on ${pick(TOPICS, g)}`, {
          subject: formatId(WorkingGroupsTable, g + 1),
        }),
  );
  decisionOf(addDays(TODAY, -3), '', 'Joint statement', 'Joint statement for International Migrants Day', {
    outcome: 'Pending',
    consulted: ['IOM', 'UNRC', 'ILO'],
    stateRelevant: true,
    gcmObjectives: [15, 22],
  });
  const general = Math.max(0, share('decisions') - decisions.length);
  const generalDecisions = Array.from({ length: general }, (_, g) => {
    const meeting = held[Math.floor((g * held.length) / general)]!;
    const joint = g % 8 === 2;
    const notAdopted = g % 15 === 7;
    return decisionOf(
      meeting.date,
      g % 97 === 4 ? 'M-1900-01' : meeting.id,
      joint ? 'Joint statement' : 'General',
      `${joint ? 'A joint statement' : 'Joint work'} on ${pick(TOPICS, g)}`,
      {
        // decisions.consensus: now and then a member was not consulted; data.reference: a meeting that does not exist.
        consulted: g % 41 === 1 ? activeOn(meeting.date).slice(0, -1) : activeOn(meeting.date),
        objections: notAdopted ? ['UNDP'] : [],
        outcome: notAdopted ? 'Not adopted' : 'Adopted',
        // decisions.state-consultation: now and then a statement went out before the state was consulted.
        stateRelevant: joint,
        stateConsultedOn: joint && g % 40 !== 2 ? addDays(meeting.date, -5) : null,
        gcmObjectives: [...new Set([1 + (g % 23), 1 + ((g * 7) % 23)])],
      },
    );
  });
  numberByYear(
    DecisionsTable,
    decisions,
    (d) => d.date,
    (d, id) => Object.assign(d, { id }),
  );
  decisions.sort((a, b) => byDay(a.date, b.date));
  for (const { m, d } of admissions) m.admissionDecision = d.id;

  // Actions: the follow-up of the general decisions (decisions.follow-up: a few have none) and of some meetings.
  const sources: { id: string; date: IsoDay }[] = [
    ...generalDecisions.filter((d, g) => d.outcome === 'Adopted' && g % 19 !== 3),
    ...held.filter((_, h) => h % 9 === 4),
  ].sort((a, b) => byDay(a.date, b.date));
  const reminded = addDays(TODAY, -3);
  const actions: Action[] = [];
  /** The day each action was agreed: its ID's year. */
  const agreed = new Map<Action, IsoDay>();
  const withdrawn = members.find((m) => m.status === 'Withdrawn')?.agency ?? 'UNOSAT';
  const count = Math.max(0, share('actions') - 3);
  let overdue = 0;
  for (let i = 0; i < count && sources.length > 0; i++) {
    const source = sources[Math.floor((i * sources.length) / count)]!;
    const due = addDays(source.date, 30 + (i % 4) * 15);
    const owners = activeOn(source.date).filter((c) => c !== 'UNRC');
    const action: Action = {
      id: '',
      source: source.id,
      action: `${pick(['Draft', 'Map', 'Share', 'Consolidate', 'Organise'], i)} the members' work on ${pick(TOPICS, i + 3)}`,
      owner: pick(owners, i),
      due,
      status: 'Done',
      doneOn: addDays(due, -(i % 5)),
      lastRemindedOn: null,
      notes: '',
    };
    if (due >= addDays(TODAY, -30))
      Object.assign(action, {
        status: 'Open',
        doneOn: null,
        lastRemindedOn: due <= addDays(TODAY, 7) ? reminded : null,
      });
    else if (i % 25 === 12)
      Object.assign(action, { status: 'Dropped', doneOn: null, notes: 'Dropped: overtaken by events' });
    else if (i % 31 === 6) {
      // actions.overdue: still open long after it was due (reminded this week); actions.owner: one in three owned by a member who left.
      Object.assign(action, {
        status: 'Open',
        doneOn: null,
        lastRemindedOn: reminded,
        owner: overdue % 3 === 0 ? withdrawn : action.owner,
      });
      overdue++;
    }
    actions.push(action);
    agreed.set(action, source.date);
  }
  const latest = generalDecisions.at(-1);
  for (const owner of ['UNDP', 'UNICEF', 'ILO']) {
    const action: Action = {
      id: '',
      source: latest?.id ?? '',
      action: `Send ${owner}'s input to the annual review`,
      owner,
      due: addDays(TODAY, 5),
      status: 'Open',
      doneOn: null,
      lastRemindedOn: null,
      notes: '',
    };
    actions.push(action);
    agreed.set(action, latest?.date ?? TODAY);
  }
  numberByYear(
    ActionsTable,
    actions,
    (a) => agreed.get(a)!,
    (a, id) => Object.assign(a, { id }),
  );

  // The workplan: a share of the rows every year from the first full year on.
  const years = Array.from({ length: shape.years }, (_, k) => yearOf(founded) + 1 + k);
  const rows = share('workplan');
  const workplan: WorkplanRow[] = Array.from({ length: rows }, (_, w) => {
    const year = years[Math.floor((w * years.length) / rows)]!;
    const start = `${year}-${String(1 + (w % 6)).padStart(2, '0')}-01`;
    const end = w % 101 === 7 ? `${year}-01-01` : `${year}-${String(6 + (w % 7)).padStart(2, '0')}-28`;
    const past = end < addDays(TODAY, -30);
    // workplan.overdue: now and then a row is still Delayed after its end.
    const status: WorkplanRow['status'] =
      w % 29 === 2 ? 'Delayed' : w % 17 === 9 ? 'Dropped' : past ? 'Completed' : 'On track';
    const budget = 10_000 + (w % 12) * 5_000;
    return {
      id: '',
      year,
      keyAction: `Joint programme on ${pick(TOPICS, w)}`,
      expectedResult: `A shared result on ${pick(TOPICS, w)}`,
      leadAgency: pick(activeOn(start), w + 1),
      partnerAgencies: [pick(activeOn(start), w + 2), pick(activeOn(start), w + 5)],
      start,
      end,
      // workplan.fields: now and then a row is not costed (or ends before it starts); workplan.gcm: or names no objective.
      budgetUsd: w % 37 === 4 ? null : budget,
      fundedUsd: w % 37 === 4 ? null : budget - (w % 3) * 5_000,
      fundingSource: pick(['Agency core funds', 'Migration MPTF', 'Joint SDG Fund'], w),
      gcmObjectives: w % 41 === 8 ? [] : [1 + (w % 23), 1 + ((w * 5) % 23)].filter((g, k, all) => all.indexOf(g) === k),
      sdgTargets: ['10.7', pick(['8.8', '17.18', '5.2', '3.8'], w)],
      status,
      progressPct: status === 'Completed' ? 100 : status === 'Dropped' ? 0 : 20 + (w % 7) * 10,
      lastUpdate: past ? end : addDays(TODAY, -5),
      resultsToDate: status === 'Completed' ? `Delivered: ${pick(TOPICS, w)}` : '',
      cooperationFrameworkOutcome: `Outcome ${1 + (w % 5)}`,
      guidingPrinciples: [pick(principleTitles(), w), pick(principleTitles(), w + 3)].filter(
        (p, k, all) => all.indexOf(p) === k,
      ),
    };
  });
  numberByYear(
    WorkplanTable,
    workplan,
    (w) => `${w.year}-01-01`,
    (w, id) => Object.assign(w, { id }),
  );
  // data.duplicate-id: now and then a row was copied with its ID.
  workplan.forEach((w, i) => {
    if (i % 97 === 6 && i > 0 && workplan[i - 1]!.year === w.year) w.id = workplan[i - 1]!.id;
  });

  const groups: WorkingGroup[] = groupDays.map((date, g) => {
    const active = activeOn(date);
    const lead = pick(active, g + 2);
    return {
      id: formatId(WorkingGroupsTable, g + 1),
      name: `Working group on ${pick(TOPICS, g)}`,
      focus: `Coordinated work on ${pick(TOPICS, g)}`,
      kind: g % 2 === 0 ? 'Permanent' : 'Ad hoc',
      leadAgency: lead,
      // groups.members: one group in five lists an outside partner among its members.
      members: [lead, 'IOM', pick(active, g + 3), pick(active, g + 4), ...(g % 5 === 1 ? [OUTSIDER] : [])].filter(
        (c, k, all) => all.indexOf(c) === k,
      ),
      externalPartners: 'Government counterparts',
      establishedBy: establishing[g]?.id ?? '',
      endsOn: g % 2 === 0 ? null : addMonths(date, 24),
    };
  });

  // The Log: what the add-on wrote, newest kept; it started some years into the network's life.
  const entry = (
    timestamp: string,
    event: string,
    ref: string,
    recipients: string[],
    outcome: LogEntry['outcome'],
    details: string,
  ): LogEntry => ({
    timestamp,
    actor: SECRETARIAT,
    event,
    ref,
    recipients,
    outcome,
    details,
  });
  const events: LogEntry[] = [
    ...meetings.flatMap((m) => [
      ...(m.minutesCirculatedOn === null
        ? []
        : [
            entry(
              `${m.minutesCirculatedOn}T09:00:00`,
              'Minutes circulated',
              m.id,
              [settings.mailingList],
              'Sent',
              m.title,
            ),
          ]),
      ...(m.sharedWithRcoOn === null
        ? []
        : [
            entry(
              `${m.sharedWithRcoOn}T09:00:00`,
              'Minutes archived with RCO',
              m.id,
              [settings.rcoArchiveEmail],
              'Sent',
              m.title,
            ),
          ]),
    ]),
    ...decisions.map((d) =>
      entry(d.recordedAt!, 'Decision recorded', d.id, [], 'Done', `${d.kind}: ${d.title} (${d.outcome})`),
    ),
    // workplan.reported and members.list-shared: the last report and the last list went out more than six months ago.
    ...years.flatMap((_, k) => [
      entry(
        `${addMonths(TODAY, -7 - 6 * k)}T10:00:00`,
        'Workplan report sent',
        String(yearOf(addMonths(TODAY, -7 - 6 * k))),
        [settings.unctReportingEmail],
        'Sent',
        'Workplan report',
      ),
      entry(
        `${addMonths(TODAY, -8 - 6 * k)}T10:00:00`,
        'Member list shared',
        '',
        [settings.mailingList],
        'Sent',
        'Member list',
      ),
    ]),
    ...[...new Set(actions.filter((a) => a.lastRemindedOn === reminded).map((a) => a.owner))].map((owner) =>
      entry(
        `${reminded}T08:00:00`,
        'Reminder sent',
        owner,
        focalPoints.filter((f) => f.agency === owner && f.active).map((f) => f.email),
        'Sent',
        'Open action points',
      ),
    ),
  ].sort((a, b) => byDay(a.timestamp, b.timestamp));
  const log = events.slice(-share('log'));

  return {
    scale,
    settings,
    members,
    focalPoints,
    meetings,
    decisions,
    actions,
    workplan,
    groups,
    log,
    minutesDue: [unarchived.id, approved.id],
  };
}

/** Overwrites one column's cell in every `nth` data row (from `offset`) with text the contract refuses. */
function spoil(grid: Cell[][], def: TableDef, field: string, nth: number, offset: number, text: string): void {
  const column = Object.keys(def.columns).indexOf(field);
  for (let r = 1 + offset; r < grid.length; r += nth) grid[r]![column] = text;
}

/** The network's tabs as Sheets' getValues() gives them (Compliance is left to setup), with a few cells that break the contract (data.invalid). */
export function gridsOf(network: GeneratedNetwork): Grids {
  const meetings = gridOf(MeetingsTable, network.meetings);
  const workplan = gridOf(WorkplanTable, network.workplan);
  spoil(meetings, MeetingsTable, 'mode', 199, 2, 'Teams call');
  spoil(workplan, WorkplanTable, 'progressPct', 211, 3, 'about half');
  return {
    Settings: [headerRow(SettingsTable), ...settingsRows(network.settings)],
    Members: gridOf(MembersTable, network.members),
    'Focal points': gridOf(FocalPointsTable, network.focalPoints),
    Meetings: meetings,
    Decisions: gridOf(DecisionsTable, network.decisions),
    Actions: gridOf(ActionsTable, network.actions),
    Workplan: workplan,
    'Working groups': gridOf(WorkingGroupsTable, network.groups),
    Log: gridOf(LogTable, network.log),
  };
}

/** Data rows of every tab, Settings included. */
export function rowsOf(grids: Grids): number {
  return Object.values(grids).reduce((n, grid) => n + Math.max(0, (grid?.length ?? 1) - 1), 0);
}

export function best(fn: () => void, times = 3): number {
  let min = Infinity;
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    fn();
    min = Math.min(min, performance.now() - t);
  }
  return min;
}
