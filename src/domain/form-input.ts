/**
 * What the sidebar's decision and meeting forms send, and the checks of it, in plain code: the server
 * runs them on every payload before it touches the workbook, and the page runs the same ones as the
 * user types, so its messages are the server's. They were zod schemas; the page then carried zod
 * (22 KB of its 80) for these checks alone.
 */
import { FIRST_YEAR, isDayInYears, isIsoDay, LAST_YEAR } from './dates';
import { t, type MessageKey } from './i18n';
import { DECISION_KINDS, MEETING_KINDS, MEETING_MODES, MEETING_STATUSES, OUTCOMES } from './choices';

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

/** The most follow-up actions one save takes. */
export const MAX_ACTIONS = 50;

export interface ActionInput {
  /** '' for a new action; when editing, the ID of one of the decision's actions. */
  id: string;
  action: string;
  /** An agency code of the register. */
  owner: string;
  due: string;
}

export interface DecisionInput {
  date: string;
  /** A meeting ID, or '' for a decision taken by written consultation. */
  meeting: string;
  kind: (typeof DECISION_KINDS)[number];
  title: string;
  decision: string;
  subject: string;
  /** The written consultation the decision was taken by or prepared with (a C- ID); absent keeps the saved one. */
  consultation?: string | undefined;
  consulted: string[];
  objections: string[];
  outcome: (typeof OUTCOMES)[number];
  stateRelevant: boolean;
  /** '' when the state has not been consulted. */
  stateConsultedOn: string;
  gcmObjectives: number[];
  /** The follow-up actions saved with the decision (Actions rows with Source = its ID). */
  actions?: ActionInput[] | undefined;
  /** True once the secretariat has seen the ToR guidance's findings and records an Adopted decision anyway. */
  confirmed?: boolean | undefined;
}

/** An edit: the decision's ID, and the version the sidebar read (decisionVersion), so that a concurrent change is refused. */
export interface DecisionUpdate extends DecisionInput {
  id: string;
  version: string;
}
export type DecisionField = keyof DecisionUpdate;

/** A meeting as the sidebar's Meetings panel plans or updates it; '' for a blank date. */
export interface MeetingInput {
  /** '' to plan a new meeting; else the ID of the meeting changed, with the version read. */
  id: string;
  version: string;
  date: string;
  kind: (typeof MEETING_KINDS)[number];
  mode: '' | (typeof MEETING_MODES)[number];
  title: string;
  chairedBy: string[];
  status: (typeof MEETING_STATUSES)[number];
  agendaCirculatedOn: string;
  attendees: string[];
  minutesLink: string;
  minutesApprovedOn: string;
}
export type MeetingField = keyof MeetingInput;

/** The words the sidebar labels each field with: every message names its field this way. */
export const DECISION_FIELD_KEYS: Readonly<Record<DecisionField, MessageKey>> = {
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

export const MEETING_FIELD_KEYS: Readonly<Record<MeetingField, MessageKey>> = {
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

export const decisionFieldLabel = (field: DecisionField): string => t(DECISION_FIELD_KEYS[field]);
export const meetingFieldLabel = (field: MeetingField): string => t(MEETING_FIELD_KEYS[field]);

/** "Date: must be …": a problem as the message of its field. */
const namedProblem = (label: string, problem: string): string => t('sidebar.field-problem', { field: label, problem });

export interface FieldError {
  /** A field of DecisionInput, or '' for the payload as a whole. */
  readonly field: DecisionField | '';
  readonly message: string;
}

export interface MeetingFieldError {
  readonly field: MeetingField | '';
  readonly message: string;
}

export function fieldError(field: DecisionField | '', problem: string): FieldError {
  return { field, message: field === '' ? problem : namedProblem(decisionFieldLabel(field), problem) };
}

export function meetingFieldError(field: MeetingField | '', problem: string): MeetingFieldError {
  return { field, message: field === '' ? problem : namedProblem(meetingFieldLabel(field), problem) };
}

/** A field's value as checked, or what is wrong with it: a problem of null means not of the expected form. */
type Checked<T> = { ok: true; value: T } | { ok: false; problem: string | null };
type Check<T> = (raw: unknown) => Checked<T>;

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (problem: string | null = null): Checked<never> => ({ ok: false, problem });

function text(limit: number): Check<string> {
  return (raw) => {
    if (typeof raw !== 'string') return fail();
    return raw.length > limit ? fail(t('sidebar.check.max-length', { limit })) : pass(raw);
  };
}

const isoDay: Check<string> = (raw) => {
  if (typeof raw !== 'string') return fail();
  if (!isIsoDay(raw)) return fail(t('sidebar.check.date'));
  return isDayInYears(raw)
    ? pass(raw)
    : fail(t('sidebar.check.date-years', { first: String(FIRST_YEAR), last: String(LAST_YEAR) }));
};

/** '' or a value the check takes: a value of the right type that fails says why, as the check does. */
function blankOr<T>(check: Check<T>): Check<'' | T> {
  return (raw) => (raw === '' ? pass('') : check(raw));
}

function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (raw) => (values.includes(raw as T) ? pass(raw as T) : fail());
}

const bool: Check<boolean> = (raw) => (typeof raw === 'boolean' ? pass(raw) : fail());

/** A list of at most `most` items (told before any item), each one checked: the first that fails tells what is wrong. */
function list<T>(item: Check<T>, most: number, tooMany: () => string): Check<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return fail();
    if (raw.length > most) return fail(tooMany());
    const items: T[] = [];
    for (const x of raw) {
      const checked = item(x);
      if (!checked.ok) return checked;
      items.push(checked.value);
    }
    return pass(items);
  };
}

function codes(): Check<string[]> {
  return list(text(TEXT_LIMITS.code), TEXT_LIMITS.codes, () =>
    t('sidebar.check.max-codes', { limit: TEXT_LIMITS.codes }),
  );
}

const title: Check<string> = (raw) => {
  if (typeof raw !== 'string') return fail();
  const trimmed = raw.trim();
  if (trimmed === '') return fail(t('sidebar.check.decision-title'));
  return text(TEXT_LIMITS.title)(trimmed);
};

const gcmObjective: Check<number> = (raw) =>
  Number.isSafeInteger(raw) && (raw as number) >= 1 && (raw as number) <= 23 ? pass(raw as number) : fail();

/** The fields of a payload, each with its check; an optional one may be absent (or undefined). */
type Shape<T> = { [K in keyof T]-?: { check: Check<T[K]>; optional?: true } };

/** A payload inside a field (a follow-up action): the first of its fields that fails tells what is wrong. */
function record<T>(shape: Shape<T>): Check<T> {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail();
    const value: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape) as [string, { check: Check<unknown>; optional?: true }][]) {
      const given = (raw as Record<string, unknown>)[key];
      if (given === undefined && field.optional) continue;
      const checked = field.check(given);
      if (!checked.ok) return checked;
      value[key] = checked.value;
    }
    return pass(value as T);
  };
}

// The shapes are built when a payload is checked, not when the module loads: a page that only reads
// TEXT_LIMITS leaves them out, and loading Code.js does no work for them.
const actionShape = (): Shape<ActionInput> => ({
  id: { check: text(TEXT_LIMITS.id) },
  action: { check: text(TEXT_LIMITS.action) },
  owner: { check: text(TEXT_LIMITS.code) },
  due: { check: blankOr(isoDay) },
});

const decisionShape = (): Shape<DecisionInput> => ({
  date: { check: isoDay },
  meeting: { check: text(TEXT_LIMITS.meeting) },
  kind: { check: oneOf(DECISION_KINDS) },
  title: { check: title },
  decision: { check: text(TEXT_LIMITS.decision) },
  subject: { check: text(TEXT_LIMITS.subject) },
  consultation: { check: text(TEXT_LIMITS.id), optional: true },
  consulted: { check: codes() },
  objections: { check: codes() },
  outcome: { check: oneOf(OUTCOMES) },
  stateRelevant: { check: bool },
  stateConsultedOn: { check: blankOr(isoDay) },
  gcmObjectives: { check: list(gcmObjective, 23, () => t('sidebar.check.gcm')) },
  actions: {
    check: list(record(actionShape()), MAX_ACTIONS, () => t('sidebar.check.max-actions', { limit: MAX_ACTIONS })),
    optional: true,
  },
  confirmed: { check: bool, optional: true },
});

const meetingShape = (): Shape<MeetingInput> => ({
  id: { check: text(TEXT_LIMITS.id) },
  version: { check: text(TEXT_LIMITS.id) },
  date: { check: isoDay },
  kind: { check: oneOf(MEETING_KINDS) },
  mode: { check: blankOr(oneOf(MEETING_MODES)) },
  title: { check: text(TEXT_LIMITS.title) },
  chairedBy: { check: codes() },
  status: { check: oneOf(MEETING_STATUSES) },
  agendaCirculatedOn: { check: blankOr(isoDay) },
  attendees: { check: codes() },
  minutesLink: { check: text(TEXT_LIMITS.link) },
  minutesApprovedOn: { check: blankOr(isoDay) },
});

/** One error per field that fails (the payload as a whole under ''), each message naming its field by its label. */
function parseFields<T, F extends string>(
  shape: Shape<T>,
  label: (field: F) => string,
  raw: unknown,
  unreadable: MessageKey,
  describe: (field: F, problem: string | null) => string,
): { ok: true; value: T } | { ok: false; errors: { field: F | ''; message: string }[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: [{ field: '', message: t(unreadable) }] };
  const value: Record<string, unknown> = {};
  const errors: { field: F; message: string }[] = [];
  for (const [key, field] of Object.entries(shape) as [F, { check: Check<unknown>; optional?: true }][]) {
    const given = (raw as Record<string, unknown>)[key];
    if (given === undefined && field.optional) continue;
    const checked = field.check(given);
    if (checked.ok) value[key] = checked.value;
    else errors.push({ field: key, message: namedProblem(label(key), describe(key, checked.problem)) });
  }
  return errors.length === 0 ? { ok: true, value: value as T } : { ok: false, errors };
}

/** What a decision field that is not of the expected form is told, else its problem as it stands. */
function describeDecision(field: DecisionField, problem: string | null): string {
  if (field === 'kind') return t('sidebar.check.one-of', { values: DECISION_KINDS.join(', ') });
  if (field === 'outcome') return t('sidebar.check.one-of', { values: OUTCOMES.join(', ') });
  if (field === 'date' || field === 'stateConsultedOn') return problem ?? t('sidebar.check.date');
  if (field === 'gcmObjectives') return t('sidebar.check.gcm');
  if (field === 'actions') return problem ?? t('sidebar.check.actions');
  return problem ?? t('sidebar.check.form');
}

const describeMeeting = (_field: MeetingField, problem: string | null): string => problem ?? t('sidebar.check.form');

/** The shape checks, one message per field that fails, each naming the field. */
export function parseDecisionInput(
  raw: unknown,
): { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] } {
  return parseFields(decisionShape(), decisionFieldLabel, raw, 'sidebar.check.decision-unreadable', describeDecision);
}

export function parseDecisionUpdate(
  raw: unknown,
): { ok: true; value: DecisionUpdate } | { ok: false; errors: FieldError[] } {
  return parseFields(
    { ...decisionShape(), id: { check: text(TEXT_LIMITS.id) }, version: { check: text(TEXT_LIMITS.id) } },
    decisionFieldLabel,
    raw,
    'sidebar.check.decision-unreadable',
    describeDecision,
  );
}

/** The shape checks of a meeting, one message per field that fails, each naming the field. */
export function parseMeetingInput(
  raw: unknown,
): { ok: true; value: MeetingInput } | { ok: false; errors: MeetingFieldError[] } {
  return parseFields(meetingShape(), meetingFieldLabel, raw, 'sidebar.check.meeting-unreadable', describeMeeting);
}
