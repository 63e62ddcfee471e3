/**
 * What travels between the decision sidebar and the server. `google.script.run` carries only plain
 * JSON (a Date, a function or a class instance fails the call), so every day is `YYYY-MM-DD` text.
 * The server parses every argument with these schemas, or with the plain checks of form-input.ts for
 * the two forms, before it touches the workbook; the pages take the types only, and run the forms'
 * checks as the user types.
 */
import * as z from 'zod/mini';
import { lazily } from './lazy';
import { FIRST_YEAR, isDayInYears, isIsoDay, LAST_YEAR } from './dates';
import { t } from './i18n';
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
  MEMBER_STATUSES,
  OUTCOMES,
} from './choices';
import type { Action, Decision, Meeting, Member } from './tables';
import {
  DECISION_FIELD_KEYS,
  MEETING_FIELD_KEYS,
  parseDecisionInput,
  parseDecisionUpdate,
  parseMeetingInput,
  TEXT_LIMITS,
  type DecisionField,
  type MeetingField,
} from './form-input';

export {
  decisionFieldLabel,
  fieldError,
  MAX_ACTIONS,
  meetingFieldError,
  meetingFieldLabel,
  parseDecisionInput,
  parseDecisionUpdate,
  parseMeetingInput,
  TEXT_LIMITS,
  type ActionInput,
  type DecisionField,
  type DecisionInput,
  type DecisionUpdate,
  type FieldError,
  type MeetingField,
  type MeetingFieldError,
  type MeetingInput,
} from './form-input';

/**
 * A check's message, written when the check fails rather than when the schema is built: schemas are
 * built once, and the message is in the language of the execution (or page) that reads it.
 */
function says(message: () => string): { error: () => string } {
  return { error: message };
}

const yearsMessage = () => t('sidebar.check.date-years', { first: String(FIRST_YEAR), last: String(LAST_YEAR) });

const isoDay = /* @__PURE__ */ lazily(() =>
  z.string().check(
    z.refine(
      isIsoDay,
      says(() => t('sidebar.check.date')),
    ),
    z.refine((s) => !isIsoDay(s) || isDayInYears(s), says(yearsMessage)),
  ),
);

export const SidebarMemberSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    code: z.string(),
    name: z.string(),
    status: z.enum(MEMBER_STATUSES),
    joinedOn: z.nullable(isoDay),
    leftOn: z.nullable(isoDay),
  }),
);
export type SidebarMember = z.infer<typeof SidebarMemberSchema>;

export const SidebarMeetingSchema = /* @__PURE__ */ lazily(() =>
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
export const GuidanceNetworkSchema = /* @__PURE__ */ lazily(() =>
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

export const DecisionSidebarDataSchema = /* @__PURE__ */ lazily(() =>
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

function text(limit: number) {
  return z.string().check(
    z.maxLength(
      limit,
      says(() => t('sidebar.check.max-length', { limit })),
    ),
  );
}

export const FieldErrorSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    field: z.union([z.literal(''), z.enum(Object.keys(DECISION_FIELD_KEYS) as [DecisionField, ...DecisionField[]])]),
    message: z.string(),
  }),
);

/** A decision as it stands in the workbook with its actions and their version: what a refused edit sends back. */
export const SavedDecisionSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    decision: plainRecord<Decision>(),
    actions: z.array(plainRecord<Action>()),
    version: z.string(),
  }),
);
export type SavedDecision = z.infer<typeof SavedDecisionSchema>;

export const RecordDecisionResultSchema = /* @__PURE__ */ lazily(() =>
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

export const SavedMeetingSchema = /* @__PURE__ */ lazily(() =>
  z.object({ meeting: plainRecord<Meeting>(), version: z.string() }),
);
export type SavedMeeting = z.infer<typeof SavedMeetingSchema>;

export const SaveMeetingResultSchema = /* @__PURE__ */ lazily(() =>
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

/** What the secretariat opens a written consultation with (see consultations.ts of src/app). */
export const OpenConsultationSchema = /* @__PURE__ */ lazily(() =>
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

export const AnswerConsultationSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    answer: z.enum(ANSWERS),
    comment: z.optional(text(TEXT_LIMITS.decision)),
  }),
);
export type AnswerConsultationInput = z.infer<typeof AnswerConsultationSchema>;

export const CloseConsultationSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    /** The outcome the secretariat records when it differs from the one computed from the answers. */
    outcome: z.optional(z.enum(CONSULTATION_OUTCOMES)),
  }),
);
export type CloseConsultationInput = z.infer<typeof CloseConsultationSchema>;

export const WithdrawConsultationSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    id: text(TEXT_LIMITS.id),
    /** Why, in a few words: the notice to the members gives it. */
    reason: z.optional(text(TEXT_LIMITS.title)),
  }),
);
export type WithdrawConsultationInput = z.infer<typeof WithdrawConsultationSchema>;

/** The decision a closed consultation drafts, for the secretariat to review and record in the sidebar. */
export const DecisionDraftSchema = /* @__PURE__ */ lazily(() =>
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
const refused = /* @__PURE__ */ lazily(() => z.object({ ok: z.literal(false), errors: z.array(z.string()) }));

export const OpenConsultationResultSchema = /* @__PURE__ */ lazily(() =>
  z.union([z.object({ ok: z.literal(true), id: z.string() }), refused]),
);
export const AnswerConsultationResultSchema = /* @__PURE__ */ lazily(() =>
  z.union([z.object({ ok: z.literal(true) }), refused]),
);
/** changed: false when it was closed already, and nothing was written. */
export const CloseConsultationResultSchema = /* @__PURE__ */ lazily(() =>
  z.union([z.object({ ok: z.literal(true), decisionDraft: DecisionDraftSchema, changed: z.boolean() }), refused]),
);
/** changed: false when it was no longer open; lines: what was done and sent, in words. */
export const WithdrawConsultationResultSchema = /* @__PURE__ */ lazily(() =>
  z.union([z.object({ ok: z.literal(true), changed: z.boolean(), lines: z.array(z.string()) }), refused]),
);
/** What "Send now" did, one line each (sent, failed, held back), as the tick's report says it. */
export const SendConsultationsResultSchema = /* @__PURE__ */ lazily(() =>
  z.union([z.object({ ok: z.literal(true), lines: z.array(z.string()) }), refused]),
);
export type OpenConsultationResult = z.infer<typeof OpenConsultationResultSchema>;
export type WithdrawConsultationResult = z.infer<typeof WithdrawConsultationResultSchema>;
export type SendConsultationsResult = z.infer<typeof SendConsultationsResultSchema>;
export type AnswerConsultationResult = z.infer<typeof AnswerConsultationResultSchema>;
export type CloseConsultationResult = z.infer<typeof CloseConsultationResultSchema>;

/** One member asked, and its answer: '' while it has not answered; pending while it waits in the inbox. */
export const MemberAnswerSchema = /* @__PURE__ */ lazily(() =>
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
export const ConsultationViewSchema = /* @__PURE__ */ lazily(() =>
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
export const ConsultationPanelDataSchema = /* @__PURE__ */ lazily(() =>
  z.object({
    today: isoDay,
    consultations: z.array(ConsultationViewSchema),
  }),
);
export type ConsultationPanelData = z.infer<typeof ConsultationPanelDataSchema>;

/** The answer dialog: the member the signed-in focal point answers for and what is open to it, or why not. */
export const ConsultationDialogDataSchema = /* @__PURE__ */ lazily(() =>
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
 * Every function a sidebar or dialog may call through google.script.run: its one argument's schema or
 * check (null: it takes none) and its answer's. The server's handlers (src/app/rpc.ts) and the sidebar's
 * client (sidebar/rpc.ts) are typed from this table, so a wrong name or payload fails to compile.
 */
export const RPC_CONTRACT = {
  getDecisionSidebarData: { input: null, result: DecisionSidebarDataSchema },
  recordDecision: { input: parseDecisionInput, result: RecordDecisionResultSchema },
  updateDecision: { input: parseDecisionUpdate, result: RecordDecisionResultSchema },
  saveMeeting: { input: parseMeetingInput, result: SaveMeetingResultSchema },
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
type Input<C> =
  C extends z.ZodMiniType<infer I>
    ? [input: I]
    : C extends (raw: unknown) => { ok: true; value: infer I } | { ok: false }
      ? [input: I]
      : [];
export type RpcArgs<K extends RpcName> = Input<(typeof RPC_CONTRACT)[K]['input']>;
export type RpcResult<K extends RpcName> = z.infer<(typeof RPC_CONTRACT)[K]['result']>;
export const RPC_NAMES = /* @__PURE__ */ Object.keys(RPC_CONTRACT) as RpcName[];
