/**
 * WORKBOOK.md as code: one definition per tab, from which the zod schemas, the record types, the header
 * rows, the dropdowns and the validation messages all derive.
 */
import { t, type MessageKey } from './i18n';
import * as z from 'zod/mini';
import { col, type Column } from './cells';
import { gcmPrinciples } from './gcm';
import { builtOnce } from './lazy';
import {
  ROLES,
  MEMBER_STATUSES,
  FOCAL_KINDS,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  CONFIDENTIALITY,
  DECISION_KINDS,
  OUTCOMES,
  ACTION_STATUSES,
  WORKPLAN_STATUSES,
  GROUP_KINDS,
  CONSULTATION_KINDS,
  CONSULTATION_STATUSES,
  CONSULTATION_OUTCOMES,
  ANSWERS,
  LOG_OUTCOMES,
  SEVERITIES,
} from './choices';

export * from './choices';

/** The ten guiding principles of the Compact (paragraph 15), as a workplan row names them. */
export const principleTitles = /* @__PURE__ */ builtOnce(
  () => gcmPrinciples().map((p) => p.title) as unknown as readonly [string, ...string[]],
);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table holds columns of many value types (Column is invariant).
type Columns = Record<string, Column<any>>;
type Shape<C extends Columns> = { [K in keyof C]: C[K]['schema'] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TableDef alone means a table of any columns.
export interface TableDef<N extends string = string, C extends Columns = any> {
  readonly name: N;
  /** What the tab is for, in a secretariat's words (the first-run help), in the execution's language. */
  readonly purpose: string;
  readonly columns: C;
  /** The field that identifies a row (an ID, or Members' Agency), when the tab has one. */
  readonly key: (keyof C & string) | null;
  /** How the add-on numbers the records it creates, as WORKBOOK.md writes it (`M-YYYY-NN`); see ids.ts. */
  readonly idFormat: string | null;
  /** The part of the ID before the number (`M`). */
  readonly idPrefix: string | null;
  /** Written only by the add-on: never offered for editing. */
  readonly addonOnly: boolean;
  readonly schema: z.ZodMiniObject<Shape<C>>;
}

function table<const N extends string, const C extends Columns>(
  name: N,
  purpose: MessageKey,
  columnsOf: () => C,
  options: { key?: keyof C & string; idFormat?: string; addonOnly?: boolean } = {},
): TableDef<N, C> {
  const columnsBuilt = builtOnce(columnsOf);
  let schema: z.ZodMiniObject<Shape<C>> | undefined;
  return {
    name,
    get purpose() {
      return t(purpose);
    },
    // Built on first read: every execution of the Apps Script bundle loads every table, and V8 compiles
    // what runs at load in full, while an hourly tick with nothing due or a menu built reads no column.
    get columns() {
      return columnsBuilt();
    },
    key: options.key ?? null,
    idFormat: options.idFormat ?? null,
    idPrefix: options.idFormat?.split('-')[0] ?? null,
    addonOnly: options.addonOnly ?? false,
    // Built on first use, as the columns' own are (cells.ts): most executions parse no record.
    get schema() {
      schema ??= z.object(
        Object.fromEntries(Object.entries(columnsBuilt()).map(([k, c]) => [k, c.schema])) as Shape<C>,
      );
      return schema;
    },
  };
}

const id = () => col.text('ID', { required: true, width: 100 });

export const SettingsTable = table(
  'Settings',
  'app.tab.settings',
  () => ({
    setting: col.text('Setting', { required: true, width: 280 }),
    value: col.text('Value', { width: 360 }),
  }),
  { key: 'setting' },
);

export const MembersTable = table(
  'Members',
  'app.tab.members',
  () => ({
    agency: col.text('Agency', { required: true, width: 90 }),
    name: col.text('Name', { width: 260 }),
    roles: col.choices('Roles', ROLES, { width: 160 }),
    status: col.choice('Status', MEMBER_STATUSES, { required: true }),
    joinedOn: col.date('Joined on'),
    admissionDecision: col.text('Admission decision', { width: 110 }),
    leftOn: col.date('Left on'),
    notes: col.text('Notes', { width: 240 }),
  }),
  { key: 'agency' },
);

export const FocalPointsTable = table('Focal points', 'app.tab.focal-points', () => ({
  agency: col.text('Agency', { required: true, width: 90 }),
  name: col.text('Name', { width: 180 }),
  position: col.text('Position', { width: 180 }),
  email: col.email('Email'),
  kind: col.choice('Kind', FOCAL_KINDS),
  active: col.yesno('Active'),
}));

// @i18n-exempt: the tab's column headers, which the contract fixes in English (WORKBOOK.md)
export const MeetingsTable = table(
  'Meetings',
  'app.tab.meetings',
  () => ({
    id: id(),
    date: col.date('Date', { required: true }),
    kind: col.choice('Kind', MEETING_KINDS, { required: true }),
    mode: col.choice('Mode', MEETING_MODES),
    title: col.text('Title', { width: 240 }),
    time: col.time('Time'),
    durationMinutes: col.number('Duration (minutes)', { integer: true, min: 1, width: 90 }),
    venueOrLink: col.text('Venue or link', { width: 200 }),
    agendaLink: col.text('Agenda link', { width: 200 }),
    chairedBy: col.list('Chaired by'),
    status: col.choice('Status', MEETING_STATUSES, { required: true }),
    agendaCirculatedOn: col.date('Agenda circulated on'),
    attendees: col.list('Attendees', { width: 220 }),
    externalParticipants: col.text('External participants', { width: 200 }),
    minutesLink: col.text('Minutes link', { width: 220 }),
    minutesApprovedOn: col.date('Minutes approved on'),
    minutesCirculatedOn: col.date('Minutes circulated on'),
    sharedWithRcoOn: col.date('Shared with RCO on'),
    confidentiality: col.choice('Confidentiality', CONFIDENTIALITY),
  }),
  { key: 'id', idFormat: 'M-YYYY-NN' },
);

// @i18n-exempt: the tab's column headers, which the contract fixes in English (WORKBOOK.md)
export const DecisionsTable = table(
  'Decisions',
  'app.tab.decisions',
  () => ({
    id: id(),
    date: col.date('Date', { required: true }),
    meeting: col.text('Meeting', { width: 100 }),
    kind: col.choice('Kind', DECISION_KINDS, { required: true, width: 160 }),
    title: col.text('Title', { width: 240 }),
    decision: col.text('Decision', { width: 320 }),
    subject: col.text('Subject', { width: 100 }),
    consultation: col.text('Consultation', { width: 100 }),
    consulted: col.list('Consulted', { width: 220 }),
    objections: col.list('Objections'),
    outcome: col.choice('Outcome', OUTCOMES, { required: true }),
    stateRelevant: col.yesno('State relevant'),
    stateConsultedOn: col.date('State consulted on'),
    gcmObjectives: col.gcm('GCM objectives'),
    recordedBy: col.email('Recorded by'),
    recordedAt: col.timestamp('Recorded at'),
  }),
  { key: 'id', idFormat: 'D-YYYY-NN' },
);

// @i18n-exempt: the tab's column headers, which the contract fixes in English (WORKBOOK.md)
export const ActionsTable = table(
  'Actions',
  'app.tab.actions',
  () => ({
    id: id(),
    source: col.text('Source', { width: 100 }),
    action: col.text('Action', { required: true, width: 320 }),
    owner: col.text('Owner', { width: 90 }),
    due: col.date('Due'),
    status: col.choice('Status', ACTION_STATUSES, { required: true }),
    doneOn: col.date('Done on'),
    lastRemindedOn: col.date('Last reminded on'),
    notes: col.text('Notes', { width: 240 }),
  }),
  { key: 'id', idFormat: 'A-YYYY-NNN' },
);

// @i18n-exempt: the tab's column headers, which the contract fixes in English (WORKBOOK.md)
export const WorkplanTable = table(
  'Workplan',
  'app.tab.workplan',
  () => ({
    id: id(),
    year: col.number('Year', { required: true, integer: true, min: 1900, max: 9999, width: 70 }),
    keyAction: col.text('Key action', { width: 280 }),
    expectedResult: col.text('Expected result', { width: 240 }),
    leadAgency: col.text('Lead agency', { width: 100 }),
    partnerAgencies: col.list('Partner agencies', { width: 180 }),
    start: col.date('Start'),
    end: col.date('End'),
    budgetUsd: col.number('Budget (USD)', { min: 0, width: 110 }),
    fundedUsd: col.number('Funded (USD)', { min: 0, width: 110 }),
    fundingSource: col.text('Funding source', { width: 180 }),
    gcmObjectives: col.gcm('GCM objectives'),
    sdgTargets: col.list('SDG targets', { width: 110 }),
    status: col.choice('Status', WORKPLAN_STATUSES),
    progressPct: col.number('Progress (%)', { min: 0, max: 100, width: 100 }),
    lastUpdate: col.date('Last update'),
    resultsToDate: col.text('Results to date', { width: 320, optional: true }),
    cooperationFrameworkOutcome: col.text('Cooperation Framework outcome', { width: 220, optional: true }),
    guidingPrinciples: col.choices('Guiding principles', principleTitles(), { width: 220, optional: true }),
  }),
  { key: 'id', idFormat: 'W-YYYY-NN' },
);

export const WorkingGroupsTable = table(
  'Working groups',
  'app.tab.working-groups',
  () => ({
    id: id(),
    name: col.text('Name', { required: true, width: 220 }),
    focus: col.text('Focus', { width: 240 }),
    kind: col.choice('Kind', GROUP_KINDS),
    leadAgency: col.text('Lead agency', { width: 100 }),
    members: col.list('Members', { width: 220 }),
    externalPartners: col.text('External partners', { width: 200 }),
    establishedBy: col.text('Established by', { width: 110 }),
    endsOn: col.date('Ends on'),
  }),
  { key: 'id', idFormat: 'WG-NN' },
);

export const ConsultationsTable = table(
  'Consultations',
  'app.tab.consultations',
  () => ({
    id: id(),
    openedOn: col.date('Opened on', { required: true }),
    deadline: col.date('Deadline', { required: true }),
    kind: col.choice('Kind', CONSULTATION_KINDS, { required: true, width: 120 }),
    title: col.text('Title', { required: true, width: 240 }),
    proposal: col.text('Proposal', { width: 320 }),
    proposalLink: col.text('Proposal link', { width: 200 }),
    subject: col.text('Subject', { width: 100 }),
    status: col.choice('Status', CONSULTATION_STATUSES, { required: true }),
    outcome: col.choice('Outcome', CONSULTATION_OUTCOMES),
    closedOn: col.date('Closed on'),
    decision: col.text('Decision', { width: 100 }),
  }),
  { key: 'id', idFormat: 'C-YYYY-NN' },
);

export const AnswersTable = table(
  'Answers',
  'app.tab.answers',
  () => ({
    timestamp: col.timestamp('Timestamp', { required: true }),
    consultation: col.text('Consultation', { required: true, width: 100 }),
    agency: col.text('Agency', { required: true, width: 90 }),
    answer: col.choice('Answer', ANSWERS, { required: true, width: 110 }),
    comment: col.text('Comment', { width: 320 }),
    answeredBy: col.email('Answered by'),
  }),
  { addonOnly: true },
);

export const LogTable = table(
  'Log',
  'app.tab.log',
  () => ({
    timestamp: col.timestamp('Timestamp', { required: true }),
    actor: col.text('Actor', { width: 200 }),
    event: col.text('Event', { required: true, width: 200 }),
    ref: col.text('Ref', { width: 100 }),
    recipients: col.list('Recipients', { width: 260 }),
    outcome: col.choice('Outcome', LOG_OUTCOMES),
    details: col.text('Details', { width: 320 }),
  }),
  { addonOnly: true },
);

// @i18n-exempt: the columns' English names (WORKBOOK.md); the tab shows them from the catalogue (check.ts)
export const ComplianceTable = table(
  'Compliance',
  'app.tab.compliance',
  () => ({
    severity: col.choice('Severity', SEVERITIES),
    rule: col.text('Rule', { width: 170 }),
    sheet: col.text('Sheet', { width: 100 }),
    // Not `row`: every decoded record already carries the row it stands in under that name.
    sheetRow: col.number('Row', { integer: true, min: 1, width: 60 }),
    ref: col.text('Ref', { width: 100 }),
    finding: col.text('Finding', { width: 360 }),
    clause: col.text('ToR clause', { width: 300 }),
    fix: col.text('How to fix', { width: 300 }),
  }),
  { addonOnly: true },
);

/** Every tab of WORKBOOK.md, in the order a new workbook shows them. */
export const TABLES = [
  SettingsTable,
  MembersTable,
  FocalPointsTable,
  MeetingsTable,
  DecisionsTable,
  ActionsTable,
  WorkplanTable,
  WorkingGroupsTable,
  ConsultationsTable,
  AnswersTable,
  LogTable,
  ComplianceTable,
] as const;

export type AnyTable = (typeof TABLES)[number];
export type TabName = AnyTable['name'];
export type RecordOf<T extends TableDef> = z.infer<T['schema']>;

export type SettingRow = RecordOf<typeof SettingsTable>;
export type Member = RecordOf<typeof MembersTable>;
export type FocalPoint = RecordOf<typeof FocalPointsTable>;
export type Meeting = RecordOf<typeof MeetingsTable>;
export type Decision = RecordOf<typeof DecisionsTable>;
export type Action = RecordOf<typeof ActionsTable>;
export type WorkplanRow = RecordOf<typeof WorkplanTable>;
export type WorkingGroup = RecordOf<typeof WorkingGroupsTable>;
export type Consultation = RecordOf<typeof ConsultationsTable>;
export type Answer = RecordOf<typeof AnswersTable>;
export type LogEntry = RecordOf<typeof LogTable>;
export type ComplianceRow = RecordOf<typeof ComplianceTable>;

export function tableNamed(name: string): AnyTable | undefined {
  const wanted = name.trim().toLowerCase();
  return TABLES.find((t) => t.name.toLowerCase() === wanted);
}
