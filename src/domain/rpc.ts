/**
 * What travels between the decision sidebar and the server. `google.script.run` carries only plain
 * JSON (a Date, a function or a class instance fails the call), so every day is `YYYY-MM-DD` text.
 * Both sides parse with these schemas: the sidebar before it sends and after it receives, the server
 * before it touches the workbook.
 */
import * as z from 'zod/mini';
import { lazily } from './lazy';
import { FIRST_YEAR, isDayInYears, isIsoDay, LAST_YEAR } from './dates';
import { t, type MessageKey } from './i18n';
import { CirculationPreviewSchema, CirculationRequestSchema, CirculationResultSchema } from './email/preview';
import type { Located } from './codec';
import type { Profile } from './profiles';
import type { Settings } from './settings';
import {
  ANSWERS,
  CONSULTATION_KINDS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_STATUSES,
  DECISION_KINDS,
  MEETING_KINDS,
  MEETING_MODES,
  MEETING_STATUSES,
  MEMBER_STATUSES,
  OUTCOMES,
} from './choices';
import type { Action, Decision, Meeting, Member } from './tables';

/**
 * A check's message, written when the check fails rather than when the schema is built: schemas are
 * built once, and the message is in the language of the execution (or page) that reads it.
 */
function says(message: () => string): { error: () => string } {
  return { error: message };
}

const yearsMessage = () => t('sidebar.check.date-years', { first: String(FIRST_YEAR), last: String(LAST_YEAR) });

const isoDay = lazily(() =>
  z.string().check(
    z.refine(
      isIsoDay,
      says(() => t('sidebar.check.date')),
    ),
    z.refine((s) => !isIsoDay(s) || isDayInYears(s), says(yearsMessage)),
  ),
);

export const SidebarMemberSchema = lazily(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    status: z.enum(MEMBER_STATUSES),
    joinedOn: z.nullable(isoDay),
    leftOn: z.nullable(isoDay),
  }),
);
export type SidebarMember = z.infer<typeof SidebarMemberSchema>;

export const SidebarMeetingSchema = lazily(() =>
  z.object({
    id: z.string(),
    date: isoDay,
    title: z.string(),
    /** Who attended: a decision taken at the meeting starts with them as Consulted. */
    attendees: z.array(z.string()),
  }),
);
export type SidebarMeeting = z.infer<typeof SidebarMeetingSchema>;

function isRecord(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A plain object the server built (a record decoded with its table's own schema, or a map of versions):
 * the sidebar checks that it is an object and takes its type from the server's, so that its bundle
 * carries neither the table schemas nor the codec.
 */
function plainRecord<T>() {
  return z.custom<T>(
    isRecord,
    says(() => t('sidebar.check.record')),
  );
}

/** A tab as the server decoded it: its records, the rows in use and the keys of rows it could not read. */
function decodedTab<T>() {
  return z.object({
    records: z.array(plainRecord<Located<T>>()),
    lastRow: z.int(),
    unreadable: z.array(z.string()),
    /** False when the tab is missing or has no header row: the rules that need it stay silent. */
    readable: z.boolean(),
  });
}

/**
 * The network as the ToR guidance reads it, decoded by the server: the effective settings and the tabs
 * a decision's guidance runs over, every day `YYYY-MM-DD` text as decoding gives it. The sidebar runs
 * the rules' own code on it as the user types.
 */
export const GuidanceNetworkSchema = lazily(() =>
  z.object({
    profile: plainRecord<Profile>(),
    settings: plainRecord<Settings>(),
    members: decodedTab<Member>(),
    meetings: decodedTab<Meeting>(),
    decisions: decodedTab<Decision>(),
    actions: decodedTab<Action>(),
  }),
);
export type GuidanceNetwork = z.infer<typeof GuidanceNetworkSchema>;

export const DecisionSidebarDataSchema = lazily(() =>
  z.object({
    networkName: z.string(),
    today: isoDay,
    /** The ID a decision dated in today's year would get; the server decides at recording time. */
    nextId: z.string(),
    members: z.array(SidebarMemberSchema),
    meetings: z.array(SidebarMeetingSchema),
    gcmObjectives: z.array(z.object({ number: z.int(), title: z.string() })),
    /** Blank when the settings name no state consultation body. */
    stateConsultationBody: z.string(),
    /** What the ToR guidance runs over, decoded by the server (see GuidanceNetworkSchema). */
    network: GuidanceNetworkSchema,
    /**
     * The version of each decision (with its actions) and of each meeting, by ID as keyOf gives it:
     * what the sidebar sends back with an edit, so that the server refuses one made over another's.
     */
    versions: z.object({
      decisions: plainRecord<Record<string, string>>(),
      meetings: plainRecord<Record<string, string>>(),
    }),
    /** Whether automation is on and what needs a person's eye, one line each (automation.ts statusOf). */
    automation: z.array(z.string()),
    user: z.object({
      email: z.string(),
      mayRecord: z.boolean(),
      /** Why the user may not record, in words to show them; '' when they may. */
      refusal: z.string(),
    }),
  }),
);
export type DecisionSidebarData = z.infer<typeof DecisionSidebarDataSchema>;

/**
 * The most characters each text field takes: the sidebar's inputs and the server's checks read them
 * here. A list of codes is stored in one cell, so its most codes times their length stays under
 * `MAX_CELL_TEXT` (cells.ts) too; a test holds every limit to that.
 */
export const TEXT_LIMITS = {
  title: 200,
  decision: 5000,
  /** An agency code, a year or a working group ID. */
  subject: 100,
  /** A meeting ID. */
  meeting: 100,
  /** One agency code of Consulted or Objections. */
  code: 100,
  /** The most codes Consulted or Objections lists. */
  codes: 200,
  /** One follow-up action's words. */
  action: 1000,
  /** An action's or a decision's ID, and a version stamp. */
  id: 100,
  /** A link to the minutes. */
  link: 2000,
} as const satisfies Record<string, number>;

function text(limit: number) {
  return z.string().check(
    z.maxLength(
      limit,
      says(() => t('sidebar.check.max-length', { limit })),
    ),
  );
}

const codes = lazily(() =>
  z.array(text(TEXT_LIMITS.code)).check(
    z.maxLength(
      TEXT_LIMITS.codes,
      says(() => t('sidebar.check.max-codes', { limit: TEXT_LIMITS.codes })),
    ),
  ),
);

/** The most follow-up actions one save takes. */
export const MAX_ACTIONS = 50;

export const ActionInputSchema = lazily(() =>
  z.object({
    /** '' for a new action; when editing, the ID of one of the decision's actions. */
    id: text(TEXT_LIMITS.id),
    action: text(TEXT_LIMITS.action),
    /** An agency code of the register. */
    owner: text(TEXT_LIMITS.code),
    due: z.union([z.literal(''), isoDay]),
  }),
);
export type ActionInput = z.infer<typeof ActionInputSchema>;

const gcmMessage = says(() => t('sidebar.check.gcm'));

export const DecisionInputSchema = lazily(() =>
  z.object({
    date: isoDay,
    /** A meeting ID, or '' for a decision taken by written consultation. */
    meeting: text(TEXT_LIMITS.meeting),
    kind: z.enum(DECISION_KINDS),
    title: z.string().check(
      z.trim(),
      z.minLength(
        1,
        says(() => t('sidebar.check.decision-title')),
      ),
      z.maxLength(
        TEXT_LIMITS.title,
        says(() => t('sidebar.check.max-length', { limit: TEXT_LIMITS.title })),
      ),
    ),
    decision: text(TEXT_LIMITS.decision),
    subject: text(TEXT_LIMITS.subject),
    /** The written consultation the decision was taken by or prepared with (a C- ID); absent keeps the saved one. */
    consultation: z.optional(text(TEXT_LIMITS.id)),
    consulted: codes,
    objections: codes,
    outcome: z.enum(OUTCOMES),
    stateRelevant: z.boolean(),
    /** '' when the state has not been consulted. */
    stateConsultedOn: z.union([z.literal(''), isoDay]),
    gcmObjectives: z
      .array(z.int().check(z.gte(1, gcmMessage), z.lte(23, gcmMessage)))
      .check(z.maxLength(23, gcmMessage)),
    /** The follow-up actions saved with the decision (Actions rows with Source = its ID). */
    actions: z.optional(
      z.array(ActionInputSchema).check(
        z.maxLength(
          MAX_ACTIONS,
          says(() => t('sidebar.check.max-actions', { limit: MAX_ACTIONS })),
        ),
      ),
    ),
    /** True once the secretariat has seen the ToR guidance's findings and records an Adopted decision anyway. */
    confirmed: z.optional(z.boolean()),
  }),
);
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** An edit: the decision's ID, and the version the sidebar read (decisionVersion), so that a concurrent change is refused. */
export const DecisionUpdateSchema = lazily(() =>
  z.extend(DecisionInputSchema, {
    id: text(TEXT_LIMITS.id),
    version: text(TEXT_LIMITS.id),
  }),
);
export type DecisionUpdate = z.infer<typeof DecisionUpdateSchema>;
export type DecisionField = keyof DecisionUpdate;

/** The words the sidebar labels each field with: every message names its field this way. */
const DECISION_FIELD_KEYS: Readonly<Record<DecisionField, MessageKey>> = {
  date: 'sidebar.field.date',
  meeting: 'sidebar.field.meeting',
  kind: 'sidebar.field.kind',
  title: 'sidebar.field.title',
  decision: 'sidebar.field.decision',
  subject: 'sidebar.field.subject',
  consultation: 'sidebar.field.consultation',
  consulted: 'sidebar.field.consulted',
  objections: 'sidebar.field.objections',
  outcome: 'sidebar.field.outcome',
  stateRelevant: 'sidebar.field.state-relevant',
  stateConsultedOn: 'sidebar.field.state-consulted-on',
  gcmObjectives: 'sidebar.field.gcm-objectives',
  actions: 'sidebar.field.actions',
  confirmed: 'sidebar.field.confirmed',
  id: 'sidebar.field.decision-id',
  version: 'sidebar.field.version',
};

export function decisionFieldLabel(field: DecisionField): string {
  return t(DECISION_FIELD_KEYS[field]);
}

/** "Date: must be …": a problem as the message of its field. */
function namedProblem(label: string, problem: string): string {
  return t('sidebar.field-problem', { field: label, problem });
}

export interface FieldError {
  /** A field of DecisionInput, or '' for the payload as a whole. */
  readonly field: DecisionField | '';
  readonly message: string;
}

export const FieldErrorSchema = lazily(() =>
  z.object({
    field: z.union([z.literal(''), z.enum(Object.keys(DECISION_FIELD_KEYS) as [DecisionField, ...DecisionField[]])]),
    message: z.string(),
  }),
);

/** A decision as it stands in the workbook with its actions and their version: what a refused edit sends back. */
export const SavedDecisionSchema = lazily(() =>
  z.object({
    decision: plainRecord<Decision>(),
    actions: z.array(plainRecord<Action>()),
    version: z.string(),
  }),
);
export type SavedDecision = z.infer<typeof SavedDecisionSchema>;

export const RecordDecisionResultSchema = lazily(() =>
  z.union([
    /** changed: false when the edit named nothing new, and nothing was written or logged. */
    z.object({ ok: z.literal(true), id: z.string(), row: z.int(), actions: z.array(z.string()), changed: z.boolean() }),
    z.object({ ok: z.literal(false), errors: z.array(FieldErrorSchema), current: z.optional(SavedDecisionSchema) }),
  ]),
);
export type RecordDecisionResult = z.infer<typeof RecordDecisionResultSchema>;

/** What the server's toast and the sidebar say of an edit that changed nothing (changed: false). */
export function unchangedMessage(what: 'Decision' | 'Meeting', id: string): string {
  return what === 'Decision' ? t('sidebar.unchanged.decision', { id }) : t('sidebar.unchanged.meeting', { id });
}

/** A meeting as the sidebar's Meetings panel plans or updates it; '' for a blank date. */
export const MeetingInputSchema = lazily(() =>
  z.object({
    /** '' to plan a new meeting; else the ID of the meeting changed, with the version read. */
    id: text(TEXT_LIMITS.id),
    version: text(TEXT_LIMITS.id),
    date: isoDay,
    kind: z.enum(MEETING_KINDS),
    mode: z.union([z.literal(''), z.enum(MEETING_MODES)]),
    title: text(TEXT_LIMITS.title),
    chairedBy: codes,
    status: z.enum(MEETING_STATUSES),
    agendaCirculatedOn: z.union([z.literal(''), isoDay]),
    attendees: codes,
    minutesLink: text(TEXT_LIMITS.link),
    minutesApprovedOn: z.union([z.literal(''), isoDay]),
  }),
);
export type MeetingInput = z.infer<typeof MeetingInputSchema>;
export type MeetingField = keyof MeetingInput;

const MEETING_FIELD_KEYS: Readonly<Record<MeetingField, MessageKey>> = {
  id: 'sidebar.field.meeting-id',
  version: 'sidebar.field.version',
  date: 'sidebar.field.date',
  kind: 'sidebar.field.kind',
  mode: 'sidebar.field.mode',
  title: 'sidebar.field.title',
  chairedBy: 'sidebar.field.chaired-by',
  status: 'sidebar.field.status',
  agendaCirculatedOn: 'sidebar.field.agenda-circulated-on',
  attendees: 'sidebar.field.attendees',
  minutesLink: 'sidebar.field.minutes-link',
  minutesApprovedOn: 'sidebar.field.minutes-approved-on',
};

export function meetingFieldLabel(field: MeetingField): string {
  return t(MEETING_FIELD_KEYS[field]);
}

export interface MeetingFieldError {
  readonly field: MeetingField | '';
  readonly message: string;
}

export function meetingFieldError(field: MeetingField | '', problem: string): MeetingFieldError {
  return { field, message: field === '' ? problem : namedProblem(meetingFieldLabel(field), problem) };
}

export const SavedMeetingSchema = lazily(() => z.object({ meeting: plainRecord<Meeting>(), version: z.string() }));
export type SavedMeeting = z.infer<typeof SavedMeetingSchema>;

export const SaveMeetingResultSchema = lazily(() =>
  z.union([
    z.object({ ok: z.literal(true), id: z.string(), row: z.int(), changed: z.boolean() }),
    z.object({
      ok: z.literal(false),
      errors: z.array(
        z.object({
          field: z.union([z.literal(''), z.enum(Object.keys(MEETING_FIELD_KEYS) as [MeetingField, ...MeetingField[]])]),
          message: z.string(),
        }),
      ),
      current: z.optional(SavedMeetingSchema),
    }),
  ]),
);
export type SaveMeetingResult = z.infer<typeof SaveMeetingResultSchema>;

/** The shape checks of a meeting, one message per field that fails, each naming the field. */
export function parseMeetingInput(
  raw: unknown,
): { ok: true; value: MeetingInput } | { ok: false; errors: MeetingFieldError[] } {
  return parseFields(
    MeetingInputSchema,
    MEETING_FIELD_KEYS,
    meetingFieldLabel,
    raw,
    'sidebar.check.meeting-unreadable',
    (_field, issue) => ownMessage(issue) ?? t('sidebar.check.form'),
  );
}

/** A schema's failure as parseFields reads it: the field's path, zod's code, and the message. */
interface Issue {
  readonly code: string;
  readonly message: string;
}

/**
 * The message of one of this file's own checks; null for zod's (a wrong type, a value outside an
 * enum or a union), which are written for developers, in English, and get a message of their field.
 */
function ownMessage(issue: Issue): string | null {
  return issue.code === 'custom' || issue.code === 'too_big' || issue.code === 'too_small' ? issue.message : null;
}

/** One error per field that fails (the payload as a whole under ''), each message naming its field by its label. */
function parseFields<T, F extends string>(
  schema: z.ZodMiniType<T>,
  fields: Readonly<Record<F, unknown>>,
  label: (field: F) => string,
  raw: unknown,
  unreadable: MessageKey,
  describe: (field: F, issue: Issue) => string,
): { ok: true; value: T } | { ok: false; errors: { field: F | ''; message: string }[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: { field: F | ''; message: string }[] = [];
  for (const issue of parsed.error.issues) {
    const key = issue.path[0];
    const field = typeof key === 'string' && Object.hasOwn(fields, key) ? (key as F) : '';
    if (errors.some((e) => e.field === field)) continue;
    errors.push({
      field,
      message: field === '' ? t(unreadable) : namedProblem(label(field), describe(field, issue)),
    });
  }
  return { ok: false, errors };
}

/** What the secretariat opens a written consultation with (see consultations.ts of src/app). */
export const OpenConsultationSchema = lazily(() =>
  z.object({
    title: z.string().check(
      z.trim(),
      z.minLength(
        1,
        says(() => t('sidebar.check.consultation-title')),
      ),
      z.maxLength(
        TEXT_LIMITS.title,
        says(() => t('sidebar.check.max-length', { limit: TEXT_LIMITS.title })),
      ),
    ),
    proposal: z.string().check(
      z.trim(),
      z.minLength(
        1,
        says(() => t('sidebar.check.proposal')),
      ),
      z.maxLength(
        TEXT_LIMITS.decision,
        says(() => t('sidebar.check.max-length', { limit: TEXT_LIMITS.decision })),
      ),
    ),
    proposalLink: z.optional(text(TEXT_LIMITS.link)),
    kind: z.enum(CONSULTATION_KINDS),
    deadline: isoDay,
    /** For an admission: the agency code of the member to admit. */
    subject: z.optional(text(TEXT_LIMITS.subject)),
    /** True once the secretariat confirms a deadline closer than three working days. */
    confirmShortDeadline: z.optional(z.boolean()),
  }),
);
export type OpenConsultationInput = z.infer<typeof OpenConsultationSchema>;

export const AnswerConsultationSchema = lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    answer: z.enum(ANSWERS),
    comment: z.optional(text(TEXT_LIMITS.decision)),
  }),
);
export type AnswerConsultationInput = z.infer<typeof AnswerConsultationSchema>;

export const CloseConsultationSchema = lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    /** The outcome the secretariat records when it differs from the one computed from the answers. */
    outcome: z.optional(z.enum(CONSULTATION_OUTCOMES)),
  }),
);
export type CloseConsultationInput = z.infer<typeof CloseConsultationSchema>;

export const WithdrawConsultationSchema = lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    /** Why, in a few words: the notice to the members gives it. */
    reason: z.optional(text(TEXT_LIMITS.title)),
  }),
);
export type WithdrawConsultationInput = z.infer<typeof WithdrawConsultationSchema>;

/** The decision a closed consultation drafts, for the secretariat to review and record in the sidebar. */
export const DecisionDraftSchema = lazily(() =>
  z.object({
    date: isoDay,
    meeting: z.literal(''),
    kind: z.enum(DECISION_KINDS),
    title: z.string(),
    decision: z.string(),
    subject: z.string(),
    consultation: z.string(),
    consulted: z.array(z.string()),
    objections: z.array(z.string()),
    outcome: z.enum(OUTCOMES),
  }),
);
export type DecisionDraft = z.infer<typeof DecisionDraftSchema>;

/** A refusal of a consultation call, one message each, nothing written. */
const refused = lazily(() => z.object({ ok: z.literal(false), errors: z.array(z.string()) }));

export const OpenConsultationResultSchema = lazily(() =>
  z.union([z.object({ ok: z.literal(true), id: z.string() }), refused]),
);
export const AnswerConsultationResultSchema = lazily(() => z.union([z.object({ ok: z.literal(true) }), refused]));
/** changed: false when it was closed already, and nothing was written. */
export const CloseConsultationResultSchema = lazily(() =>
  z.union([z.object({ ok: z.literal(true), decisionDraft: DecisionDraftSchema, changed: z.boolean() }), refused]),
);
/** changed: false when it was no longer open; lines: what was done and sent, in words. */
export const WithdrawConsultationResultSchema = lazily(() =>
  z.union([z.object({ ok: z.literal(true), changed: z.boolean(), lines: z.array(z.string()) }), refused]),
);
/** What "Send now" did, one line each (sent, failed, held back), as the tick's report says it. */
export const SendConsultationsResultSchema = lazily(() =>
  z.union([z.object({ ok: z.literal(true), lines: z.array(z.string()) }), refused]),
);
export type OpenConsultationResult = z.infer<typeof OpenConsultationResultSchema>;
export type WithdrawConsultationResult = z.infer<typeof WithdrawConsultationResultSchema>;
export type SendConsultationsResult = z.infer<typeof SendConsultationsResultSchema>;
export type AnswerConsultationResult = z.infer<typeof AnswerConsultationResultSchema>;
export type CloseConsultationResult = z.infer<typeof CloseConsultationResultSchema>;

/** One member asked, and its answer: '' while it has not answered; pending while it waits in the inbox. */
export const MemberAnswerSchema = lazily(() =>
  z.object({
    agency: z.string(),
    answer: z.union([z.literal(''), z.enum(ANSWERS)]),
    comment: z.string(),
    answeredBy: z.string(),
    /** Received from the member but not yet moved into the Answers tab by the secretariat's next run. */
    pending: z.boolean(),
  }),
);
export type MemberAnswer = z.infer<typeof MemberAnswerSchema>;

/** A consultation as the Consultations panel and the answer dialog show it, with the answers they may see. */
export const ConsultationViewSchema = lazily(() =>
  z.object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(CONSULTATION_KINDS),
    openedOn: isoDay,
    deadline: isoDay,
    proposal: z.string(),
    proposalLink: z.string(),
    subject: z.string(),
    status: z.enum(CONSULTATION_STATUSES),
    /** The secretariat's panel: every member asked; the dialog: the signed-in member's alone. */
    answers: z.array(MemberAnswerSchema),
  }),
);
export type ConsultationView = z.infer<typeof ConsultationViewSchema>;

/** The secretariat's Consultations panel: the open consultations with every member's answer. */
export const ConsultationPanelDataSchema = lazily(() =>
  z.object({
    today: isoDay,
    consultations: z.array(ConsultationViewSchema),
  }),
);
export type ConsultationPanelData = z.infer<typeof ConsultationPanelDataSchema>;

/** The answer dialog: the member the signed-in focal point answers for and what is open to it, or why not. */
export const ConsultationDialogDataSchema = lazily(() =>
  z.object({
    today: isoDay,
    agency: z.string(),
    /** Why the user may not answer, in words to show them; '' when they may. */
    refusal: z.string(),
    consultations: z.array(ConsultationViewSchema),
  }),
);
export type ConsultationDialogData = z.infer<typeof ConsultationDialogDataSchema>;

/**
 * Every function a sidebar or dialog may call through google.script.run: its one argument's schema
 * (null: it takes none) and its answer's. The server's handlers (src/app/rpc.ts) and the sidebar's
 * client (sidebar/rpc.ts) are typed from this table, so a wrong name or payload fails to compile.
 */
export const RPC_CONTRACT = {
  getDecisionSidebarData: { input: null, result: DecisionSidebarDataSchema },
  recordDecision: { input: DecisionInputSchema, result: RecordDecisionResultSchema },
  updateDecision: { input: DecisionUpdateSchema, result: RecordDecisionResultSchema },
  saveMeeting: { input: MeetingInputSchema, result: SaveMeetingResultSchema },
  getCirculationPreview: { input: null, result: CirculationPreviewSchema },
  confirmCirculation: { input: CirculationRequestSchema, result: CirculationResultSchema },
  openConsultation: { input: OpenConsultationSchema, result: OpenConsultationResultSchema },
  answerConsultation: { input: AnswerConsultationSchema, result: AnswerConsultationResultSchema },
  closeConsultation: { input: CloseConsultationSchema, result: CloseConsultationResultSchema },
  getConsultationPanelData: { input: null, result: ConsultationPanelDataSchema },
  getConsultationDialogData: { input: null, result: ConsultationDialogDataSchema },
  withdrawConsultation: { input: WithdrawConsultationSchema, result: WithdrawConsultationResultSchema },
  sendConsultationsNow: { input: null, result: SendConsultationsResultSchema },
} as const;

export type RpcName = keyof typeof RPC_CONTRACT;
export type RpcArgs<K extends RpcName> =
  (typeof RPC_CONTRACT)[K]['input'] extends z.ZodMiniType<infer I> ? [input: I] : [];
export type RpcResult<K extends RpcName> = z.infer<(typeof RPC_CONTRACT)[K]['result']>;
export const RPC_NAMES = Object.keys(RPC_CONTRACT) as RpcName[];

export function fieldError(field: DecisionField | '', problem: string): FieldError {
  return { field, message: field === '' ? problem : namedProblem(decisionFieldLabel(field), problem) };
}

/** The shape checks, one message per field that fails, each naming the field. */
export function parseDecisionInput(
  raw: unknown,
): { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] } {
  return parseFields(
    DecisionInputSchema,
    DECISION_FIELD_KEYS,
    decisionFieldLabel,
    raw,
    'sidebar.check.decision-unreadable',
    describeIssue,
  );
}

export function parseDecisionUpdate(
  raw: unknown,
): { ok: true; value: DecisionUpdate } | { ok: false; errors: FieldError[] } {
  return parseFields(
    DecisionUpdateSchema,
    DECISION_FIELD_KEYS,
    decisionFieldLabel,
    raw,
    'sidebar.check.decision-unreadable',
    describeIssue,
  );
}

function describeIssue(field: DecisionField, issue: Issue): string {
  if (field === 'kind') return t('sidebar.check.one-of', { values: DECISION_KINDS.join(', ') });
  if (field === 'outcome') return t('sidebar.check.one-of', { values: OUTCOMES.join(', ') });
  if (field === 'date' || field === 'stateConsultedOn') return ownMessage(issue) ?? t('sidebar.check.date');
  if (field === 'gcmObjectives') return t('sidebar.check.gcm');
  if (field === 'actions') return ownMessage(issue) ?? t('sidebar.check.actions');
  return ownMessage(issue) ?? t('sidebar.check.form');
}
