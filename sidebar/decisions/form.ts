/**
 * The decision form's state and what derives from it alone: a blank form, a saved decision or a
 * consultation's draft as a form, the payload sent, and the checks the sidebar makes before sending.
 */
import { t, type MessageKey } from '../../src/domain/i18n';
import {
  fieldError,
  parseDecisionInput,
  type DecisionDraft,
  type DecisionField,
  type DecisionInput,
  type DecisionSidebarData,
  type FieldError,
  type SavedDecision,
} from '../../src/domain/rpc';
import { isActiveOn } from '../../src/domain/membership';
import { DECISION_KINDS, OUTCOMES } from '../../src/domain/choices';

export interface ActionRow {
  /** Numbers the row's labels and control IDs; new with each row. */
  readonly n: number;
  readonly id: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
}

export interface DecisionForm {
  readonly date: string;
  readonly meeting: string;
  readonly kind: string;
  readonly outcome: string;
  readonly subject: string;
  readonly title: string;
  readonly decision: string;
  /** The written consultation the decision comes from: the saved one, or the draft's. */
  readonly consultation: string;
  readonly consulted: readonly string[];
  readonly objections: readonly string[];
  readonly stateRelevant: boolean;
  readonly stateConsultedOn: string;
  readonly gcm: readonly string[];
  readonly actions: readonly ActionRow[];
  readonly confirmed: boolean;
}

export type RawDecision = Record<Exclude<DecisionField, 'id' | 'version'>, unknown>;

/** What the subject of each kind of decision is (WORKBOOK.md, Decisions: Subject). */
export const SUBJECTS: Partial<Record<string, { label: MessageKey; placeholder: MessageKey }>> = {
  Admission: { label: 'sidebar.subject.admission', placeholder: 'sidebar.agency-hint' },
  'Workplan endorsement': { label: 'sidebar.subject.workplan', placeholder: 'sidebar.subject.workplan-hint' },
  'Working group': { label: 'sidebar.subject.group', placeholder: 'sidebar.subject.group-hint' },
};

let serial = 0;

export function actionRow(a: { id: string; action: string; owner: string; due: string | null }): ActionRow {
  return { n: ++serial, id: a.id, action: a.action, owner: a.owner, due: a.due ?? '' };
}

export function blankForm(today: string): DecisionForm {
  return {
    date: today,
    meeting: '',
    kind: DECISION_KINDS[0],
    outcome: OUTCOMES[0],
    subject: '',
    title: '',
    decision: '',
    consultation: '',
    consulted: [],
    objections: [],
    stateRelevant: false,
    stateConsultedOn: '',
    gcm: [],
    actions: [],
    confirmed: false,
  };
}

export function savedForm(saved: SavedDecision, data: DecisionSidebarData): DecisionForm {
  const d = saved.decision;
  return {
    ...blankForm(data.today),
    date: d.date,
    meeting: data.meetings.some((m) => m.id === d.meeting) ? d.meeting : '',
    kind: d.kind,
    outcome: d.outcome,
    subject: SUBJECTS[d.kind] ? d.subject : '',
    title: d.title,
    decision: d.decision,
    consultation: d.consultation,
    consulted: d.consulted,
    objections: d.objections,
    stateRelevant: d.stateRelevant === true,
    stateConsultedOn: d.stateRelevant === true ? (d.stateConsultedOn ?? '') : '',
    gcm: d.gcmObjectives.map(String),
    actions: saved.actions.map(actionRow),
  };
}

/** A closed consultation's decision, to review and record: Consulted, Objections and Consultation filled. */
export function draftForm(draft: DecisionDraft, today: string): DecisionForm {
  return { ...blankForm(today), ...draft, date: draft.date > today ? today : draft.date };
}

/** The members active on the day. */
export function activeCodes(data: DecisionSidebarData, day: string): string[] {
  return data.members.filter((m) => isActiveOn(m, day)).map((m) => m.code);
}

export function rawOf(form: DecisionForm): RawDecision {
  return {
    date: form.date,
    meeting: form.meeting,
    kind: form.kind,
    title: form.title,
    decision: form.decision.trim(),
    subject: form.subject.trim(),
    consultation: form.consultation,
    consulted: [...form.consulted],
    objections: [...form.objections],
    outcome: form.outcome,
    stateRelevant: form.stateRelevant,
    stateConsultedOn: form.stateConsultedOn,
    gcmObjectives: form.gcm.map(Number),
    actions: form.actions.map((a) => ({ id: a.id, action: a.action.trim(), owner: a.owner, due: a.due })),
    confirmed: form.confirmed,
  };
}

/** The checks the sidebar can make alone; the server repeats them and adds those that need the sheet. */
export function validate(
  raw: RawDecision,
  today: string,
): { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] } {
  const parsed = parseDecisionInput(raw);
  if (!parsed.ok) return parsed;
  const errors: FieldError[] = [];
  if (parsed.value.date > today)
    errors.push(fieldError('date', t('sidebar.server.after-today', { date: parsed.value.date, today })));
  if (parsed.value.stateConsultedOn > today)
    errors.push(
      fieldError('stateConsultedOn', t('sidebar.server.after-today', { date: parsed.value.stateConsultedOn, today })),
    );
  return errors.length === 0 ? parsed : { ok: false, errors };
}

/** The control (a selector) an error of that field focuses: the first action's words for the actions. */
export function controlOf(field: string, form: DecisionForm): string | undefined {
  if (field === 'actions') return form.actions[0] ? `#action-${form.actions[0].n}` : '#action-add';
  const id = CONTROLS[field];
  return id === undefined ? undefined : `#${id}`;
}

const CONTROLS: Partial<Record<string, string>> = {
  date: 'f-date',
  meeting: 'f-meeting',
  kind: 'f-kind',
  outcome: 'f-outcome',
  subject: 'f-subject',
  title: 'f-title',
  decision: 'f-decision',
  stateRelevant: 'f-state-relevant',
  stateConsultedOn: 'f-state-consulted',
  confirmed: 'f-confirmed',
};

/** The box an error is shown in: an ID or a version is about the form as a whole. */
export function boxOf(field: string): string {
  return field === 'id' || field === 'version' ? '' : field;
}
