/**
 * The example network that the playground opens and the tests read: the UN Network on Migration in
 * Uzbekistan under its ToR (docs/tor/uzbekistan-tor.txt), two years of records up to 23 November
 * 2026. Mostly compliant, with the handful of lapses listed in examples/README.md so that the
 * compliance check has something to show. `npm run make-example` writes examples/uzbekistan.xlsx from it.
 */
import { consultationMailWhat } from '../src/domain/email/due';
import { EVENTS } from '../src/domain/email/ledger';
import { PROFILES } from '../src/domain/profiles';
import type { Settings } from '../src/domain/settings';
import type {
  Action,
  Answer,
  Consultation,
  Decision,
  FocalPoint,
  LogEntry,
  Meeting,
  Member,
  WorkingGroup,
  WorkplanRow,
} from '../src/domain/tables';

const FOUNDED_ON = '2024-11-06';

export const settings: Settings = {
  ...PROFILES.uzbekistan.defaults,
  foundedOn: FOUNDED_ON,
  rcoArchiveEmail: 'rco-uzbekistan@un.org',
  unctReportingEmail: 'unct-uzbekistan@un.org',
  // Working methods the network adopted beyond its ToR ("The UNMN may adopt any additional working methods").
  annualMeetingRequired: true,
  disclosureNeedsAgreement: true,
  unctCoverNote:
    'The Network asks the UN Country Team to help close the funding gap of the reintegration and data mapping actions, and to take the migration data map into the Cooperation Framework joint work plans for 2027.',
  lastGcmReviewOn: '2026-03-31',
  emergingChallenges:
    'Climate-related displacement from the Aral Sea region; more returning migrant workers since the summer; gaps in social protection for families of migrants abroad.',
  recommendations:
    'Fund the 2027 data actions before the plan is endorsed; make the Migration Data Task Team permanent; invite the Agency for External Labour Migration to the annual meeting.',
};

function member(agency: string, name: string, extra: Partial<Member> = {}): Member {
  return {
    agency,
    name,
    roles: ['Member'],
    status: 'Active',
    joinedOn: FOUNDED_ON,
    admissionDecision: '',
    leftOn: null,
    notes: '',
    ...extra,
  };
}

export const members: Member[] = [
  member('IOM', 'International Organization for Migration', {
    roles: ['Chair', 'Coordinator', 'Secretariat'],
    notes: 'Chief of Mission chairs; the Secretariat sits in the IOM office in Tashkent',
  }),
  member('UNRC', 'United Nations Resident Coordinator (RCO)', { roles: ['Co-chair'] }),
  member('UNDP', 'United Nations Development Programme'),
  member('UNICEF', "United Nations Children's Fund"),
  member('ILO', 'International Labour Organization'),
  member('UNHCR', 'United Nations High Commissioner for Refugees'),
  member('OHCHR', 'Office of the High Commissioner for Human Rights', {
    notes: 'Regional Office for Central Asia (Bishkek)',
  }),
  member('UNWOMEN', 'United Nations Entity for Gender Equality and the Empowerment of Women (UN Women)'),
  member('UNFPA', 'United Nations Population Fund'),
  member('UNODC', 'United Nations Office on Drugs and Crime'),
  member('WHO', 'World Health Organization'),
  member('FAO', 'Food and Agriculture Organization'),
  member('UNHABITAT', 'United Nations Human Settlements Programme (UN-Habitat)', {
    joinedOn: '2025-10-15',
    admissionDecision: 'D-2025-05',
    notes: 'Admitted by unanimous approval of the members (ToR, Composition and Membership)',
  }),
];

/** The members active on a day: whom an Adopted decision of that day had to consult. */
function activeOn(day: string): string[] {
  return members
    .filter(
      (m) =>
        m.status === 'Active' && (m.joinedOn === null || m.joinedOn <= day) && (m.leftOn === null || m.leftOn > day),
    )
    .map((m) => m.agency);
}

function focal(
  agency: string,
  kind: 'Primary' | 'Alternate',
  name: string,
  position: string,
  email: string,
  active = true,
): FocalPoint {
  return { agency, name, position, email, kind, active };
}

export const focalPoints: FocalPoint[] = [
  focal('IOM', 'Primary', 'Dilnoza Karimova', 'Programme Coordinator', 'dkarimova@iom.int'),
  focal('IOM', 'Alternate', 'Rustam Aliev', 'Migration Policy Officer', 'raliev@iom.int'),
  focal('UNRC', 'Primary', 'Sarah Lindqvist', 'Head of the Resident Coordinator Office', 'sarah.lindqvist@un.org'),
  focal('UNRC', 'Alternate', 'Jasur Tashkentov', 'Development Coordination Officer', 'jasur.tashkentov@un.org'),
  focal('UNDP', 'Primary', 'Malika Yusupova', 'Governance Programme Analyst', 'malika.yusupova@undp.org'),
  focal('UNDP', 'Alternate', 'Timur Nazarov', 'Programme Associate', 'timur.nazarov@undp.org'),
  focal('UNICEF', 'Primary', 'Elena Petrova', 'Child Protection Specialist', 'epetrova@unicef.org'),
  focal('UNICEF', 'Alternate', 'Bekzod Rahimov', 'Social Policy Officer', 'brahimov@unicef.org'),
  focal(
    'UNICEF',
    'Primary',
    'Anna Schmidt',
    'Chief of Child Protection (until August 2025)',
    'aschmidt@unicef.org',
    false,
  ),
  focal('ILO', 'Primary', 'Kamola Ismoilova', 'National Project Coordinator, Labour Migration', 'ismoilova@ilo.org'),
  focal('ILO', 'Alternate', 'Marco Rossi', 'Senior Specialist, Labour Migration (Moscow office)', 'rossim@ilo.org'),
  focal('UNHCR', 'Primary', 'Aziz Umarov', 'Protection Associate', 'umarov@unhcr.org'),
  focal('UNHCR', 'Alternate', 'Farida Saidova', 'Senior Programme Assistant', 'saidova@unhcr.org'),
  focal('OHCHR', 'Primary', 'Nurlan Abdyldaev', 'Human Rights Officer', 'nurlan.abdyldaev@un.org'),
  focal('UNWOMEN', 'Primary', 'Gulnora Khodjaeva', 'Programme Specialist', 'gulnora.khodjaeva@unwomen.org'),
  focal('UNWOMEN', 'Alternate', 'Shahlo Mirzaeva', 'Programme Associate', 'shahlo.mirzaeva@unwomen.org'),
  focal('UNFPA', 'Primary', 'Nodira Alimova', 'Population and Development Analyst', 'alimova@unfpa.org'),
  focal('UNFPA', 'Alternate', 'Sardor Yuldashev', 'Data Officer', 'sardor.yuldashev.uz@gmail.com'),
  focal('UNODC', 'Primary', 'Olga Kim', 'National Programme Officer, Human Trafficking', 'olga.kim@un.org'),
  focal('UNODC', 'Alternate', 'Akmal Jurayev', 'Project Assistant', 'akmal.jurayev@un.org'),
  focal('WHO', 'Primary', 'Dr Zarina Saidova', 'Health Systems Officer', 'saidovaz@who.int'),
  focal('FAO', 'Primary', 'Ulugbek Sharipov', 'Assistant FAO Representative (Programme)', 'ulugbek.sharipov@fao.org'),
  focal('UNHABITAT', 'Primary', 'Laylo Ergasheva', 'Urban Programme Officer', 'laylo.ergasheva@un.org'),
];

const SHAREPOINT = 'https://unitednations.sharepoint.com/sites/UNMN-Uzbekistan/Minutes';

interface MeetingSpec {
  id: string;
  date: string;
  kind?: Meeting['kind'];
  mode: Meeting['mode'];
  title: string;
  time?: string;
  status?: Meeting['status'];
  attendees?: string[];
  external?: string;
  agendaDaysBefore?: number;
  /** Days after the meeting: minutes approved, circulated, shared with the RCO (null: not yet). */
  approved?: number | null;
  /** Draft minutes are linked but were never approved. */
  draft?: boolean;
  circulated?: number | null;
  shared?: number | null;
  confidentiality?: Meeting['confidentiality'];
}

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function meeting(spec: MeetingSpec): Meeting {
  const held = (spec.status ?? 'Held') === 'Held';
  const after = (days: number | null | undefined) =>
    held && days !== null && days !== undefined ? shift(spec.date, days) : null;
  const approved = spec.approved === undefined ? 12 : spec.approved;
  return {
    id: spec.id,
    date: spec.date,
    kind: spec.kind ?? 'Regular',
    mode: spec.mode,
    title: spec.title,
    time: spec.time ?? '10:00',
    durationMinutes: spec.kind === 'Working group' ? 90 : 120,
    venueOrLink:
      spec.mode === 'Online'
        ? 'https://unitednations.zoom.us/j/0000000000'
        : 'UN House, 4 Taras Shevchenko Street, Tashkent',
    agendaLink: held ? `${SHAREPOINT}/${spec.id}-agenda.docx` : '',
    chairedBy: spec.kind === 'Working group' ? [] : ['IOM', 'UNRC'],
    status: spec.status ?? 'Held',
    agendaCirculatedOn: held ? shift(spec.date, -(spec.agendaDaysBefore ?? 7)) : null,
    attendees: held ? (spec.attendees ?? activeOn(spec.date)) : [],
    externalParticipants: spec.external ?? '',
    minutesLink: held && (approved !== null || spec.draft === true) ? `${SHAREPOINT}/${spec.id}.docx` : '',
    minutesApprovedOn: after(approved),
    minutesCirculatedOn: after(spec.circulated === undefined && approved !== null ? approved + 2 : spec.circulated),
    sharedWithRcoOn: after(spec.shared === undefined && approved !== null ? approved + 3 : spec.shared),
    confidentiality: spec.confidentiality ?? 'Internal',
  };
}

const without = (list: string[], ...absent: string[]) => list.filter((a) => !absent.includes(a));

export const meetings: Meeting[] = [
  meeting({
    id: 'M-2025-01',
    date: '2025-01-22',
    mode: 'In person',
    title: 'Q1 2025 meeting: 2025 workplan and a working group on labour migration',
    attendees: without(activeOn('2025-01-22'), 'FAO'),
  }),
  meeting({
    id: 'M-2025-02',
    date: '2025-04-16',
    mode: 'Hybrid',
    title: "Q2 2025 meeting: the UN's joint input to the GCM voluntary review",
    external: 'Agency for External Labour Migration (observer)',
  }),
  meeting({
    id: 'M-2025-03',
    date: '2025-06-04',
    kind: 'Extraordinary',
    mode: 'Online',
    title: 'Extraordinary meeting: returning migrant workers',
    attendees: ['IOM', 'UNRC', 'ILO', 'UNDP', 'UNICEF', 'UNHCR', 'WHO'],
    agendaDaysBefore: 2,
  }),
  meeting({
    id: 'M-2025-04',
    date: '2025-07-09',
    mode: 'In person',
    title: 'Q3 2025 meeting: mid-year workplan review',
  }),
  meeting({
    id: 'M-2025-05',
    date: '2025-10-08',
    kind: 'Annual',
    mode: 'Hybrid',
    title: "Annual network meeting 2025: UN-Habitat's request to join, International Migrants Day",
    attendees: without(activeOn('2025-10-08'), 'WHO'),
    external: 'Ministry of Employment and Poverty Reduction; Federation of Trade Unions of Uzbekistan',
  }),
  meeting({
    id: 'M-2026-01',
    date: '2026-01-07',
    mode: 'In person',
    title: 'Q1 2026 meeting: 2026 workplan and a migration data task team',
  }),
  meeting({
    id: 'M-2026-02',
    date: '2026-03-04',
    kind: 'Working group',
    mode: 'Online',
    title: 'Migration Data Task Team: kick-off',
    attendees: ['UNFPA', 'IOM', 'UNICEF', 'UNHCR', 'UNHABITAT'],
    external: 'Statistics Agency under the President of the Republic of Uzbekistan',
    approved: null,
    draft: true,
  }),
  meeting({ id: 'M-2026-03', date: '2026-04-01', mode: null, title: 'Q2 2026 meeting: the regional GCM review' }),
  meeting({
    id: 'M-2026-04',
    date: '2026-06-24',
    mode: 'Online',
    title: 'Mid-year meeting: the draft Law on Labour Migration',
    shared: null,
    confidentiality: 'Public',
  }),
  meeting({
    id: 'M-2026-05',
    date: '2026-09-16',
    mode: 'Hybrid',
    title: 'Q3 2026 meeting: preparing the 2027 workplan',
    approved: 21,
    circulated: null,
    shared: null,
  }),
  meeting({
    id: 'M-2026-06',
    date: '2026-11-18',
    kind: 'Annual',
    mode: 'In person',
    title: 'Year-end meeting: 2026 results and International Migrants Day',
    approved: null,
    circulated: null,
    shared: null,
  }),
  meeting({
    id: 'M-2026-07',
    date: '2026-11-12',
    kind: 'Working group',
    status: 'Planned',
    mode: 'Online',
    title: "Migration Data Task Team: the data mapping's findings",
  }),
  meeting({
    id: 'M-2027-01',
    date: '2027-02-10',
    mode: 'In person',
    title: 'Q1 2027 meeting: 2027 workplan endorsement',
    status: 'Planned',
  }),
];

type DecisionSpec = Omit<
  Decision,
  | 'consultation'
  | 'consulted'
  | 'objections'
  | 'recordedBy'
  | 'recordedAt'
  | 'stateRelevant'
  | 'stateConsultedOn'
  | 'gcmObjectives'
> &
  Partial<Decision>;

function decision(spec: DecisionSpec): Decision {
  return {
    consultation: '',
    consulted: activeOn(spec.date),
    gcmObjectives: [],
    objections: [],
    stateRelevant: false,
    stateConsultedOn: null,
    recordedBy: 'dkarimova@iom.int',
    recordedAt: `${spec.date}T17:30:00`,
    ...spec,
  };
}

export const decisions: Decision[] = [
  decision({
    id: 'D-2025-01',
    date: '2025-01-22',
    meeting: 'M-2025-01',
    kind: 'Workplan endorsement',
    title: 'The 2025 annual workplan is endorsed',
    decision: 'The members endorse the costed 2025 annual workplan as circulated on 10 January 2025.',
    subject: '2025',
    consultation: 'C-2025-01',
    outcome: 'Adopted',
    gcmObjectives: [1, 6, 10, 16],
  }),
  decision({
    id: 'D-2025-02',
    date: '2025-01-22',
    meeting: 'M-2025-01',
    kind: 'Working group',
    title: 'A permanent working group on labour migration and ethical recruitment',
    decision:
      'The Network establishes a permanent Working Group on Labour Migration and Ethical Recruitment, led by ILO.',
    subject: 'WG-01',
    consultation: 'C-2025-01',
    outcome: 'Adopted',
    gcmObjectives: [6],
  }),
  decision({
    id: 'D-2025-03',
    date: '2025-04-16',
    meeting: 'M-2025-02',
    kind: 'General',
    title: "One UN input to Uzbekistan's GCM voluntary review",
    decision:
      "IOM compiles the agencies' inputs into one UN contribution to the national GCM voluntary review by 30 May 2025.",
    subject: '',
    outcome: 'Adopted',
    gcmObjectives: [1, 23],
  }),
  decision({
    id: 'D-2025-04',
    date: '2025-06-04',
    meeting: 'M-2025-03',
    kind: 'General',
    title: 'Coordinated support to returning migrant workers',
    decision: 'The members map their support to returning migrant workers and agree a joint referral pathway.',
    subject: '',
    outcome: 'Adopted',
    gcmObjectives: [7, 21],
  }),
  decision({
    id: 'D-2025-05',
    date: '2025-10-08',
    meeting: 'M-2025-05',
    kind: 'Admission',
    title: 'UN-Habitat joins the Network',
    decision: 'All members, consulted at the meeting and in writing, approve unanimously the admission of UN-Habitat.',
    subject: 'UNHABITAT',
    consultation: 'C-2025-02',
    outcome: 'Adopted',
  }),
  decision({
    id: 'D-2025-06',
    date: '2025-10-08',
    meeting: 'M-2025-05',
    kind: 'Joint statement',
    title: 'Joint statement for International Migrants Day 2025',
    decision:
      'The Network issues a joint statement on the rights of migrant workers and their families on 18 December 2025.',
    subject: '',
    consultation: 'C-2025-02',
    outcome: 'Adopted',
    stateRelevant: true,
    gcmObjectives: [6, 15, 17],
  }),
  decision({
    id: 'D-2026-01',
    date: '2026-01-07',
    meeting: 'M-2026-01',
    kind: 'Workplan endorsement',
    title: 'The 2026 annual workplan is endorsed',
    decision: 'The members endorse the costed 2026 annual workplan as circulated on 19 December 2025.',
    subject: '2026',
    outcome: 'Adopted',
    gcmObjectives: [1, 6, 7, 10, 21],
  }),
  decision({
    id: 'D-2026-02',
    date: '2026-01-07',
    meeting: 'M-2026-01',
    kind: 'Working group',
    title: 'An ad hoc task team on migration data',
    decision: 'The Network sets up an ad hoc Migration Data Task Team, led by UNFPA, until 31 October 2026.',
    subject: 'WG-02',
    outcome: 'Adopted',
    gcmObjectives: [1],
  }),
  decision({
    id: 'D-2026-03',
    date: '2026-04-01',
    meeting: 'M-2026-03',
    kind: 'General',
    title: 'A joint contribution to the regional GCM review',
    decision:
      'The Network submits one joint contribution to the regional review of the GCM for Europe and Central Asia.',
    subject: '',
    outcome: 'Adopted',
    gcmObjectives: [1, 23],
  }),
  decision({
    id: 'D-2026-04',
    date: '2026-06-24',
    meeting: 'M-2026-04',
    kind: 'General',
    title: 'Joint technical comments on the draft Law on Labour Migration',
    decision:
      "ILO coordinates the members' technical comments on the draft Law on Labour Migration for the Ministry of Employment.",
    subject: '',
    outcome: 'Adopted',
    stateRelevant: true,
    gcmObjectives: [6, 22],
  }),
  decision({
    id: 'D-2026-05',
    date: '2026-09-16',
    meeting: 'M-2026-05',
    kind: 'General',
    title: 'Preparing the 2027 workplan',
    decision:
      "The Secretariat collects the members' proposals and circulates a costed draft 2027 workplan by January 2027.",
    subject: '',
    outcome: 'Adopted',
  }),
  decision({
    id: 'D-2026-06',
    date: '2026-11-20',
    meeting: '',
    kind: 'Joint statement',
    title: 'Joint statement for International Migrants Day 2026',
    decision:
      'Draft joint statement on migrant health and social protection, circulated for written consultation until 4 December.',
    subject: '',
    consultation: 'C-2026-02',
    consulted: ['IOM', 'UNRC', 'WHO', 'ILO', 'UNICEF'],
    outcome: 'Pending',
    stateRelevant: true,
    gcmObjectives: [15, 22],
  }),
];

function action(
  id: string,
  source: string,
  text: string,
  owner: string,
  due: string,
  done: string | null,
  notes = '',
  extra: Partial<Action> = {},
): Action {
  return {
    id,
    source,
    action: text,
    owner,
    due,
    status: done === null ? 'Open' : 'Done',
    doneOn: done,
    lastRemindedOn: null,
    notes,
    ...extra,
  };
}

export const actions: Action[] = [
  action(
    'A-2025-001',
    'D-2025-03',
    "Compile the agencies' inputs into one UN contribution to the GCM voluntary review",
    'IOM',
    '2025-05-30',
    '2025-05-28',
  ),
  action(
    'A-2025-002',
    'D-2025-03',
    'Send data on migrant children and families for the voluntary review',
    'UNICEF',
    '2025-05-16',
    '2025-05-15',
  ),
  action(
    'A-2025-003',
    'D-2025-04',
    "Map the agencies' support to returning migrant workers",
    'ILO',
    '2025-07-01',
    '2025-07-04',
    'Three days late; presented at the Q3 meeting',
  ),
  action(
    'A-2025-004',
    'D-2025-04',
    'Draft a joint referral pathway for returnees in need of protection',
    'UNHCR',
    '2025-09-30',
    '2025-09-26',
  ),
  action(
    'A-2025-005',
    'D-2025-05',
    'Add the UN-Habitat focal point to migration.uz@one.un.org',
    'IOM',
    '2025-10-31',
    '2025-10-20',
  ),
  action(
    'A-2025-006',
    'D-2025-06',
    'Publish the joint statement for International Migrants Day',
    'UNRC',
    '2025-12-18',
    '2025-12-18',
  ),
  action(
    'A-2026-001',
    'D-2026-03',
    'Draft the joint contribution to the regional GCM review',
    'IOM',
    '2026-05-15',
    '2026-05-12',
  ),
  action(
    'A-2026-002',
    'D-2026-03',
    'Provide gender-disaggregated data for the regional review',
    'UNWOMEN',
    '2026-05-08',
    '2026-05-08',
  ),
  action(
    'A-2026-003',
    'D-2026-04',
    "Consolidate the members' comments on the draft Law on Labour Migration",
    'ILO',
    '2026-08-31',
    '2026-08-28',
  ),
  action(
    'A-2026-004',
    'D-2026-04',
    "Brief the Ombudsman's office on migrant workers' rights under the draft law",
    'OHCHR',
    '2026-10-15',
    null,
    'Date with the Ombudsman not yet confirmed',
    { lastRemindedOn: '2026-10-22' },
  ),
  action(
    'A-2026-005',
    'M-2026-05',
    "Circulate the task team's mapping of migration data sources",
    'UNFPA',
    '2026-11-06',
    null,
    '',
    {
      lastRemindedOn: '2026-11-09',
    },
  ),
  action('A-2026-006', 'D-2026-05', "Collect the members' proposals for the 2027 workplan", 'IOM', '2026-12-15', null),
  action(
    'A-2026-007',
    'M-2026-04',
    'Organise a joint field visit to Samarkand region',
    'UNDP',
    '2026-09-30',
    null,
    'Dropped: postponed to the 2027 workplan',
    {
      status: 'Dropped',
    },
  ),
];

type RowSpec = Omit<
  WorkplanRow,
  'fundingSource' | 'lastUpdate' | 'resultsToDate' | 'cooperationFrameworkOutcome' | 'guidingPrinciples'
> &
  Partial<WorkplanRow>;

function row(spec: RowSpec): WorkplanRow {
  return {
    fundingSource: 'Agency core funds',
    lastUpdate: null,
    resultsToDate: '',
    cooperationFrameworkOutcome: '',
    guidingPrinciples: [],
    ...spec,
  };
}

export const workplan: WorkplanRow[] = [
  row({
    id: 'W-2025-01',
    year: 2025,
    keyAction: 'Joint UN input to the national GCM voluntary review',
    expectedResult: 'One UN contribution submitted to the Government',
    leadAgency: 'IOM',
    partnerAgencies: ['UNICEF', 'ILO', 'UNHCR', 'OHCHR'],
    start: '2025-03-01',
    end: '2025-06-30',
    budgetUsd: 15000,
    fundedUsd: 15000,
    gcmObjectives: [1, 23],
    sdgTargets: ['10.7', '17.18'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2025-07-09',
    resultsToDate:
      'One UN contribution submitted to the Ministry of Foreign Affairs on 28 May 2025 and quoted in the national voluntary review.',
    cooperationFrameworkOutcome: 'Outcome 4: Effective and accountable governance',
    guidingPrinciples: ['International cooperation', 'Whole-of-government approach'],
  }),
  row({
    id: 'W-2025-02',
    year: 2025,
    keyAction: 'Pre-departure orientation for labour migrants bound for the Republic of Korea and the United Kingdom',
    expectedResult: '2,000 departing workers briefed on their rights and ethical recruitment',
    leadAgency: 'ILO',
    partnerAgencies: ['IOM'],
    start: '2025-02-01',
    end: '2025-12-31',
    budgetUsd: 120000,
    fundedUsd: 95000,
    fundingSource: 'Migration MPTF',
    gcmObjectives: [3, 6],
    sdgTargets: ['8.8', '10.7'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2026-01-07',
    resultsToDate: '2,140 departing workers briefed in 38 sessions, 41% of them women.',
    cooperationFrameworkOutcome: 'Outcome 2: Decent work and inclusive growth',
    guidingPrinciples: ['People-centred', 'Human rights', 'Gender-responsive'],
  }),
  row({
    id: 'W-2025-03',
    year: 2025,
    keyAction: 'Referral pathway for returning migrants in vulnerable situations',
    expectedResult: 'A referral pathway agreed with the Ministry of Mahalla and Family Support',
    leadAgency: 'UNHCR',
    partnerAgencies: ['IOM', 'UNICEF', 'WHO'],
    start: '2025-06-01',
    end: '2025-12-31',
    budgetUsd: 40000,
    fundedUsd: 40000,
    gcmObjectives: [7, 21],
    sdgTargets: ['10.7', '16.2'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2026-01-07',
    resultsToDate:
      'Referral pathway signed with the Ministry of Mahalla and Family Support on 12 December 2025; 96 returnees referred by year end.',
    cooperationFrameworkOutcome: 'Outcome 3: Social protection for all',
    guidingPrinciples: ['People-centred', 'Child-sensitive', 'Whole-of-government approach'],
  }),
  row({
    id: 'W-2025-04',
    year: 2025,
    keyAction: 'Training of border and police officers on identifying victims of trafficking',
    expectedResult: '150 officers trained in four regions',
    leadAgency: 'UNODC',
    partnerAgencies: ['IOM', 'UNWOMEN'],
    start: '2025-04-01',
    end: '2025-11-30',
    budgetUsd: 65000,
    fundedUsd: 65000,
    fundingSource: 'UNODC Global Programme against Trafficking in Persons',
    gcmObjectives: [10, 11],
    sdgTargets: ['5.2', '16.2'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2025-12-10',
    resultsToDate: '162 officers trained in Tashkent, Samarkand, Fergana and Nukus.',
    cooperationFrameworkOutcome: 'Outcome 4: Effective and accountable governance',
    guidingPrinciples: ['Rule of law and due process', 'Human rights'],
  }),
  row({
    id: 'W-2025-05',
    year: 2025,
    keyAction: 'Survey of health insurance coverage among labour migrants and their families',
    expectedResult: 'Survey report shared with the Ministry of Health',
    leadAgency: 'WHO',
    partnerAgencies: ['IOM', 'UNFPA'],
    start: '2025-05-01',
    end: '2025-10-31',
    budgetUsd: 30000,
    fundedUsd: 0,
    fundingSource: 'Not funded',
    gcmObjectives: [15],
    sdgTargets: ['3.8'],
    status: 'Dropped',
    progressPct: 0,
    lastUpdate: '2025-07-09',
  }),
  row({
    id: 'W-2026-01',
    year: 2026,
    keyAction: 'Joint contribution to the regional review of the GCM',
    expectedResult: 'Contribution submitted before the regional review meeting',
    leadAgency: 'IOM',
    partnerAgencies: ['UNRC', 'UNWOMEN', 'UNICEF', 'ILO'],
    start: '2026-02-01',
    end: '2026-06-30',
    budgetUsd: 10000,
    fundedUsd: 10000,
    gcmObjectives: [1, 23],
    sdgTargets: ['10.7', '17.18'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2026-06-24',
    resultsToDate: 'Joint contribution submitted on 20 June 2026, before the regional review in Geneva.',
    cooperationFrameworkOutcome: 'Outcome 4: Effective and accountable governance',
    guidingPrinciples: ['International cooperation', 'Whole-of-society approach'],
  }),
  row({
    id: 'W-2026-02',
    year: 2026,
    keyAction: 'Technical support to the draft Law on Labour Migration',
    expectedResult: 'Consolidated UN comments submitted to the Ministry of Employment and Labour Relations',
    leadAgency: 'ILO',
    partnerAgencies: ['IOM', 'OHCHR', 'UNWOMEN'],
    start: '2026-03-01',
    end: '2026-09-30',
    budgetUsd: 25000,
    fundedUsd: 25000,
    gcmObjectives: [6, 22],
    sdgTargets: ['8.8', '10.7'],
    status: 'Completed',
    progressPct: 100,
    lastUpdate: '2026-09-16',
    resultsToDate:
      'Consolidated comments submitted on 15 September 2026; 9 of the 14 were taken up in the second draft.',
    cooperationFrameworkOutcome: 'Outcome 2: Decent work and inclusive growth',
    guidingPrinciples: ['Human rights', 'Rule of law and due process'],
  }),
  row({
    id: 'W-2026-03',
    year: 2026,
    keyAction: 'Mapping of migration data sources and gaps',
    expectedResult: 'A data map shared with the Statistics Agency',
    leadAgency: 'UNFPA',
    partnerAgencies: ['IOM', 'UNICEF', 'UNHCR', 'UNHABITAT'],
    start: '2026-03-01',
    end: '2026-10-31',
    budgetUsd: 35000,
    fundedUsd: 20000,
    fundingSource: 'Migration MPTF',
    gcmObjectives: [1],
    sdgTargets: ['17.18', '10.7'],
    status: 'Delayed',
    progressPct: 80,
    lastUpdate: '2026-11-18',
    resultsToDate: 'Data sources of 11 of the 14 ministries and agencies mapped; the report is in draft.',
    cooperationFrameworkOutcome: 'Outcome 4: Effective and accountable governance',
    guidingPrinciples: ['Sustainable development', 'Whole-of-government approach'],
  }),
  row({
    id: 'W-2026-04',
    year: 2026,
    keyAction: 'Reintegration support for returning migrant women',
    expectedResult: '300 returning women receive counselling and small business grants',
    leadAgency: 'UNWOMEN',
    partnerAgencies: ['IOM', 'UNDP'],
    start: '2026-04-01',
    end: '2026-12-31',
    budgetUsd: 180000,
    fundedUsd: 150000,
    fundingSource: 'Migration MPTF; UN Women core funds',
    gcmObjectives: [7, 21],
    sdgTargets: ['5.1', '8.5', '10.7'],
    status: 'On track',
    progressPct: 70,
    lastUpdate: '2026-11-18',
    resultsToDate: '212 returning women counselled and 64 small business grants awarded.',
    cooperationFrameworkOutcome: 'Outcome 3: Social protection for all',
    guidingPrinciples: ['Gender-responsive', 'People-centred'],
  }),
  row({
    id: 'W-2026-05',
    year: 2026,
    keyAction: 'Climate-induced mobility: assessment in the Aral Sea region',
    expectedResult: 'An assessment of climate-related migration in Karakalpakstan',
    leadAgency: 'FAO',
    partnerAgencies: ['UNDP', 'UNHABITAT', 'IOM'],
    start: '2026-05-01',
    end: '2026-12-31',
    budgetUsd: 60000,
    fundedUsd: 60000,
    fundingSource: 'UN Multi-Partner Human Security Trust Fund for the Aral Sea Region',
    gcmObjectives: [2, 5],
    sdgTargets: ['13.1', '10.7'],
    status: 'On track',
    progressPct: 55,
    lastUpdate: '2026-11-18',
    resultsToDate: 'Household survey completed in six districts of Karakalpakstan.',
    guidingPrinciples: ['Sustainable development'],
  }),
];

export const groups: WorkingGroup[] = [
  {
    id: 'WG-01',
    name: 'Working Group on Labour Migration and Ethical Recruitment',
    focus: 'Fair recruitment, pre-departure orientation, the draft Law on Labour Migration',
    kind: 'Permanent',
    leadAgency: 'ILO',
    members: ['ILO', 'IOM', 'UNDP', 'UNWOMEN', 'UNODC'],
    externalPartners: 'Agency for External Labour Migration; Federation of Trade Unions of Uzbekistan',
    establishedBy: 'D-2025-02',
    endsOn: null,
  },
  {
    id: 'WG-02',
    name: 'Migration Data Task Team',
    focus: 'Map migration data sources and gaps; support SDG 10.7.2 reporting',
    kind: 'Ad hoc',
    leadAgency: 'UNFPA',
    members: ['UNFPA', 'IOM', 'UNICEF', 'UNHCR', 'UNHABITAT'],
    externalPartners: 'Statistics Agency under the President of the Republic of Uzbekistan',
    establishedBy: 'D-2026-02',
    endsOn: '2026-10-31',
  },
];

/** Written consultations: the members absent from a meeting asked in writing, and two open in November 2026. */
export const consultations: Consultation[] = [
  {
    id: 'C-2025-01',
    openedOn: '2025-01-23',
    deadline: '2025-01-31',
    kind: 'No objection',
    title: 'Decisions of the Q1 2025 meeting, for the members not present',
    proposal:
      'The endorsement of the 2025 workplan (D-2025-01) and the permanent working group on labour migration (D-2025-02), for FAO, which could not attend.',
    proposalLink: `${SHAREPOINT}/M-2025-01.docx`,
    subject: '',
    status: 'Closed',
    outcome: 'Agreed',
    closedOn: '2025-02-01',
    decision: 'D-2025-01',
  },
  {
    id: 'C-2025-02',
    openedOn: '2025-09-24',
    deadline: '2025-10-07',
    kind: 'Approval',
    title: "UN-Habitat's admission and the Migrants Day 2025 statement",
    proposal:
      "UN-Habitat's request to join the Network (letter of 15 September 2025) and the draft joint statement for International Migrants Day 2025.",
    proposalLink: 'https://unitednations.sharepoint.com/sites/UNMN-Uzbekistan/Consultations/C-2025-02.docx',
    subject: 'UNHABITAT',
    status: 'Closed',
    outcome: 'Agreed',
    closedOn: '2025-10-08',
    decision: 'D-2025-05',
  },
  {
    id: 'C-2026-01',
    openedOn: '2026-10-30',
    deadline: '2026-11-13',
    kind: 'No objection',
    title: "The Network's comments on the draft State Programme on external labour migration",
    proposal:
      "ILO's consolidated comments on the draft State Programme for 2027–2030, to be sent to the Agency for External Labour Migration.",
    proposalLink: 'https://unitednations.sharepoint.com/sites/UNMN-Uzbekistan/Consultations/C-2026-01.docx',
    subject: '',
    status: 'Open',
    outcome: null,
    closedOn: null,
    decision: '',
  },
  {
    id: 'C-2026-02',
    openedOn: '2026-11-20',
    deadline: '2026-12-04',
    kind: 'No objection',
    title: 'Joint statement for International Migrants Day 2026',
    proposal: 'Draft joint statement on migrant health and social protection, for 18 December 2026.',
    proposalLink: 'https://unitednations.sharepoint.com/sites/UNMN-Uzbekistan/Consultations/C-2026-02.docx',
    subject: '',
    status: 'Open',
    outcome: null,
    closedOn: null,
    decision: 'D-2026-06',
  },
];

function answer(
  timestamp: string,
  consultation: string,
  agency: string,
  given: Answer['answer'],
  comment = '',
): Answer {
  const fp = focalPoints.find((f) => f.agency === agency && f.kind === 'Primary');
  return { timestamp, consultation, agency, answer: given, comment, answeredBy: fp?.email ?? '' };
}

export const answers: Answer[] = [
  answer('2025-01-27T11:05:00', 'C-2025-01', 'FAO', 'No objection'),
  ...without(activeOn('2025-10-08'), 'UNHABITAT').map((agency, i) =>
    answer(`2025-09-${String(25 + (i % 5)).padStart(2, '0')}T10:00:00`, 'C-2025-02', agency, 'Approve'),
  ),
  answer('2026-11-02T09:30:00', 'C-2026-01', 'ILO', 'No objection', 'ILO prepared the comments.'),
  answer('2026-11-04T14:10:00', 'C-2026-01', 'UNDP', 'No objection'),
  answer('2026-11-05T08:45:00', 'C-2026-01', 'WHO', 'Abstain', 'Outside our mandate.'),
  ...['IOM', 'UNRC', 'WHO', 'ILO', 'UNICEF'].map((agency, i) =>
    answer(`2026-11-2${i < 3 ? 0 : 1}T1${i}:00:00`, 'C-2026-02', agency, 'No objection'),
  ),
];

const SECRETARIAT = 'dkarimova@iom.int';
const MAILING_LIST = 'migration.uz@one.un.org';

function log(
  timestamp: string,
  event: string,
  ref: string,
  recipients: string[],
  outcome: LogEntry['outcome'],
  details = '',
): LogEntry {
  return { timestamp, actor: SECRETARIAT, event, ref, recipients, outcome, details };
}

/** What the add-on logged when it emailed the 2026 minutes (the Log starts with the add-on, in January 2026). */
const minutesLog: LogEntry[] = meetings
  .filter((m) => m.minutesCirculatedOn !== null && m.minutesCirculatedOn >= '2026-01-01')
  .flatMap((m) => [
    log(`${m.minutesCirculatedOn}T09:00:00`, 'Minutes circulated', m.id, [MAILING_LIST], 'Sent'),
    ...(m.sharedWithRcoOn === null
      ? []
      : [log(`${m.sharedWithRcoOn}T09:00:00`, 'Minutes archived with RCO', m.id, [settings.rcoArchiveEmail], 'Sent')]),
  ]);

/** What the add-on logged when it emailed the open consultations' proposals, at the tick after each was opened. */
const consultationLog: LogEntry[] = consultations
  .filter((c) => c.status === 'Open')
  .flatMap((c) =>
    activeOn(c.openedOn).map((agency) => {
      const to = focalPoints.filter((f) => f.agency === agency && f.kind === 'Primary' && f.active).map((f) => f.email);
      return log(
        `${c.openedOn}T17:00:00`,
        EVENTS.consultation,
        c.id,
        to,
        'Sent',
        consultationMailWhat(c.id, 'proposal', agency),
      );
    }),
  );

export const logEntries: LogEntry[] = [
  log(
    '2026-01-20T10:12:00',
    'Workplan report sent',
    '2025',
    [settings.unctReportingEmail],
    'Sent',
    '2025 workplan: final report',
  ),
  ...minutesLog,
  ...consultationLog,
  log(
    '2026-07-15T11:40:00',
    'Workplan report sent',
    '2026',
    [settings.unctReportingEmail],
    'Sent',
    '2026 workplan: mid-year report',
  ),
  log(
    '2026-10-22T08:00:00',
    'Reminder sent',
    'A-2026-004',
    ['nurlan.abdyldaev@un.org'],
    'Sent',
    'Overdue since 2026-10-15',
  ),
  log(
    '2026-11-09T08:00:00',
    'Reminder sent',
    'A-2026-005',
    ['alimova@unfpa.org', 'sardor.yuldashev.uz@gmail.com'],
    'Sent',
    'Due on 2026-11-06',
  ),
  log('2026-10-30T15:20:00', 'Consultation opened', 'C-2026-01', [], 'Done', 'No objection, until 2026-11-13'),
  log('2026-11-20T16:40:00', 'Consultation opened', 'C-2026-02', [], 'Done', 'No objection, until 2026-12-04'),
  log(
    '2026-11-20T16:45:10',
    'Decision recorded',
    'D-2026-06',
    [],
    'Done',
    'Written consultation opened until 2026-12-04',
  ),
].sort((a, b) => a.timestamp.localeCompare(b.timestamp));

/** The example's records by tab, in WORKBOOK.md's order. */
export const EXAMPLE = {
  settings,
  members,
  focalPoints,
  meetings,
  decisions,
  actions,
  workplan,
  groups,
  consultations,
  answers,
  log: logEntries,
};
