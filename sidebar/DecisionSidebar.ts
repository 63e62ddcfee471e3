/**
 * The decision sidebar: one round trip to open, a form that checks itself with the same schema the
 * server uses, and one call to record. Everything that comes from the sheet goes in as textContent.
 */
import {
  DECISION_FIELD_LABELS,
  parseDecisionInput,
  TEXT_LIMITS,
  type DecisionField,
  type DecisionInput,
  type DecisionSidebarData,
  type FieldError,
  type SidebarMember,
} from '../src/domain/rpc';
import { FIRST_YEAR } from '../src/domain/dates';
import { formatId, parseId } from '../src/domain/ids';
import { isActiveOn } from '../src/domain/membership';
import { DecisionsTable, DECISION_KINDS, OUTCOMES } from '../src/domain/tables';
import { call } from './lib/rpc';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The sidebar lacks #${id}.`);
  return el as T;
}

const app = byId<HTMLElement>('app');
const form = byId<HTMLFormElement>('form');
const body = byId<HTMLFieldSetElement>('body');
const status = byId<HTMLElement>('status');
const refusal = byId<HTMLElement>('refusal');
const f = {
  date: byId<HTMLInputElement>('f-date'),
  meeting: byId<HTMLSelectElement>('f-meeting'),
  kind: byId<HTMLSelectElement>('f-kind'),
  outcome: byId<HTMLSelectElement>('f-outcome'),
  subject: byId<HTMLInputElement>('f-subject'),
  title: byId<HTMLInputElement>('f-title'),
  decision: byId<HTMLTextAreaElement>('f-decision'),
  stateRelevant: byId<HTMLInputElement>('f-state-relevant'),
  stateConsultedOn: byId<HTMLInputElement>('f-state-consulted'),
};
const consultedBox = byId<HTMLElement>('consulted');
const objectionsBox = byId<HTMLElement>('objections');
const gcmBox = byId<HTMLElement>('gcm');
const submit = byId<HTMLButtonElement>('submit');

/** What the subject of each kind of decision is (WORKBOOK.md, Decisions: Subject). */
const SUBJECTS: Partial<Record<(typeof DECISION_KINDS)[number], { label: string; placeholder: string }>> = {
  Admission: { label: 'Agency admitted', placeholder: 'Agency code, e.g. UNFPA' },
  'Workplan endorsement': { label: 'Workplan year', placeholder: 'YYYY' },
  'Working group': { label: 'Working group', placeholder: 'WG-NN' },
};

let data: DecisionSidebarData;
let consultedTouched = false;

function el(tag: string, ...children: (Node | string)[]): HTMLElement {
  const node = document.createElement(tag);
  node.append(...children);
  return node;
}

function option(value: string, text: string): HTMLOptionElement {
  const node = document.createElement('option');
  node.value = value;
  node.textContent = text;
  return node;
}

function checkbox(name: string, value: string, text: Node | string, title: string, inactive = false): HTMLLabelElement {
  const input = document.createElement('input');
  input.type = 'checkbox';
  input.name = name;
  input.value = value;
  const label = document.createElement('label');
  label.title = title;
  label.append(input, el('span', text));
  if (inactive) label.classList.add('inactive');
  return label;
}

function checked(box: HTMLElement): string[] {
  return [...box.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked')].map((i) => i.value);
}

function setChecked(box: HTMLElement, values: readonly string[]): void {
  for (const input of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) input.checked = values.includes(input.value);
}

function memberTitle(m: SidebarMember): string {
  return m.name === '' ? `${m.code} (${m.status})` : `${m.name} (${m.status})`;
}

function activeCodes(day: string): string[] {
  return data.members.filter((m) => isActiveOn(m, day)).map((m) => m.code);
}

function renderConsulted(): void {
  const day = f.date.value || data.today;
  const active = new Set(activeCodes(day));
  const keep = checked(consultedBox);
  consultedBox.replaceChildren(...data.members.map((m) => checkbox('consulted', m.code, m.code, memberTitle(m), !active.has(m.code))));
  setChecked(consultedBox, consultedTouched ? keep : [...active]);
  renderObjections();
}

function renderObjections(): void {
  const consulted = checked(consultedBox);
  const keep = checked(objectionsBox).filter((c) => consulted.includes(c));
  objectionsBox.replaceChildren(
    ...consulted.map((code) => {
      const m = data.members.find((x) => x.code === code);
      return checkbox('objections', code, code, m ? memberTitle(m) : code);
    }),
  );
  setChecked(objectionsBox, keep);
  objectionsBox.hidden = consulted.length === 0;
  byId('objections-empty').hidden = consulted.length > 0;
  counts();
}

function counts(): void {
  const n = (box: HTMLElement, of?: number) => {
    const k = checked(box).length;
    return k === 0 ? '' : of === undefined ? `(${k})` : `(${k} of ${of})`;
  };
  byId('consulted-count').textContent = n(consultedBox, data.members.length);
  byId('objections-count').textContent = n(objectionsBox);
  byId('gcm-count').textContent = n(gcmBox);
}

function renderSubject(): void {
  const subject = SUBJECTS[f.kind.value as (typeof DECISION_KINDS)[number]];
  byId('subject-field').hidden = subject === undefined;
  if (subject) {
    byId('subject-label').textContent = subject.label;
    f.subject.placeholder = subject.placeholder;
  } else {
    f.subject.value = '';
  }
}

function renderState(): void {
  byId('state-consulted-field').hidden = !f.stateRelevant.checked;
  if (!f.stateRelevant.checked) f.stateConsultedOn.value = '';
  const hint = byId('state-hint');
  hint.hidden = !f.stateRelevant.checked || data.stateConsultationBody === '';
  hint.textContent = `The ToR asks that ${data.stateConsultationBody} be consulted.`;
}

function filterGcm(): void {
  const words = byId<HTMLInputElement>('gcm-filter').value.trim().toLowerCase();
  for (const label of gcmBox.querySelectorAll<HTMLLabelElement>('label')) {
    const text = (label.textContent ?? '').toLowerCase();
    label.hidden = words !== '' && !text.includes(words) && !text.startsWith(`${words} `);
  }
}

function showErrors(errors: readonly FieldError[]): void {
  for (const box of form.querySelectorAll<HTMLElement>('[data-error]')) box.textContent = '';
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  for (const error of errors) {
    const box = form.querySelector<HTMLElement>(`[data-error="${error.field}"]`);
    if (box) box.textContent = box.textContent ? `${box.textContent} ${error.message}` : error.message;
    const input = error.field === '' ? undefined : (f as Partial<Record<DecisionField, HTMLElement>>)[error.field];
    input?.setAttribute('aria-invalid', 'true');
  }
  const first = errors[0];
  const target = first && first.field !== '' ? (f as Partial<Record<DecisionField, HTMLElement>>)[first.field] : undefined;
  target?.focus();
}

function showStatus(kind: 'ok' | 'error', text: string): void {
  status.className = `notice notice-${kind}`;
  status.textContent = text;
  status.hidden = false;
}

function gather(): Record<DecisionField, unknown> {
  return {
    date: f.date.value,
    meeting: f.meeting.value,
    kind: f.kind.value,
    title: f.title.value,
    decision: f.decision.value.trim(),
    subject: f.subject.value.trim(),
    consulted: checked(consultedBox),
    objections: checked(objectionsBox),
    outcome: f.outcome.value,
    stateRelevant: f.stateRelevant.checked,
    stateConsultedOn: f.stateConsultedOn.value,
    gcmObjectives: checked(gcmBox).map(Number),
  };
}

/** The checks the sidebar can make alone; the server repeats them and adds those that need the sheet. */
function validate(raw: Record<DecisionField, unknown>): { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] } {
  const parsed = parseDecisionInput(raw);
  if (!parsed.ok) return parsed;
  const errors: FieldError[] = [];
  if (parsed.value.date > data.today) errors.push({ field: 'date', message: `${DECISION_FIELD_LABELS.date}: ${parsed.value.date} is after today (${data.today})` });
  if (parsed.value.stateConsultedOn > data.today) {
    errors.push({ field: 'stateConsultedOn', message: `${DECISION_FIELD_LABELS.stateConsultedOn}: ${parsed.value.stateConsultedOn} is after today` });
  }
  return errors.length === 0 ? parsed : { ok: false, errors };
}

function nextAfter(id: string): string {
  const year = Number(data.today.slice(0, 4));
  const given = parseId(DecisionsTable, id);
  return given === null || given.year !== year ? data.nextId : formatId(DecisionsTable, given.n + 1, year);
}

function showNextId(): void {
  byId('next-id').textContent = `Next ID: ${data.nextId}`;
}

function reset(): void {
  form.reset();
  f.date.value = data.today;
  f.kind.value = DECISION_KINDS[0];
  f.outcome.value = OUTCOMES[0];
  consultedTouched = false;
  renderSubject();
  renderState();
  renderConsulted();
  setChecked(gcmBox, []);
  byId<HTMLInputElement>('gcm-filter').value = '';
  filterGcm();
  counts();
}

function setBusy(busy: boolean): void {
  body.disabled = busy;
  app.classList.toggle('busy', busy);
  app.setAttribute('aria-busy', String(busy));
  submit.textContent = busy ? 'Recording…' : 'Record decision';
}

async function onSubmit(event: Event): Promise<void> {
  event.preventDefault();
  status.hidden = true;
  const checkedInput = validate(gather());
  if (!checkedInput.ok) {
    showErrors(checkedInput.errors);
    return;
  }
  showErrors([]);
  setBusy(true);
  try {
    const result = await call('recordDecision', checkedInput.value);
    if (result.ok) {
      data = { ...data, nextId: nextAfter(result.id) };
      reset();
      showNextId();
      showStatus('ok', `Decision ${result.id} recorded in row ${result.row} of the Decisions tab.`);
    } else {
      showErrors(result.errors);
    }
  } catch (error) {
    showStatus('error', error instanceof Error ? error.message : String(error));
  } finally {
    setBusy(false);
  }
}

function render(): void {
  byId('network').textContent = data.networkName;
  f.kind.replaceChildren(...DECISION_KINDS.map((k) => option(k, k)));
  f.outcome.replaceChildren(...OUTCOMES.map((o) => option(o, o)));
  f.meeting.append(...data.meetings.map((m) => option(m.id, `${m.id} · ${m.date}${m.title === '' ? '' : ` · ${m.title}`}`)));
  f.date.max = data.today;
  f.stateConsultedOn.max = data.today;
  f.date.min = f.stateConsultedOn.min = `${FIRST_YEAR}-01-01`;
  f.title.maxLength = TEXT_LIMITS.title;
  f.decision.maxLength = TEXT_LIMITS.decision;
  f.subject.maxLength = TEXT_LIMITS.subject;
  gcmBox.replaceChildren(
    ...data.gcmObjectives.map((o) => {
      const text = el('span', el('b', String(o.number)), ` ${o.title}`);
      return checkbox('gcm', String(o.number), text, `Objective ${o.number}: ${o.title}`);
    }),
  );
  reset();
  showNextId();
  if (!data.user.mayRecord) {
    refusal.textContent = data.user.refusal;
    refusal.hidden = false;
  }
  form.hidden = false;
}

function wire(): void {
  form.addEventListener('submit', (e) => void onSubmit(e));
  f.date.addEventListener('change', renderConsulted);
  f.meeting.addEventListener('change', () => {
    const meeting = data.meetings.find((m) => m.id === f.meeting.value);
    if (meeting && meeting.date <= data.today) f.date.value = meeting.date;
    renderConsulted();
  });
  f.kind.addEventListener('change', renderSubject);
  f.stateRelevant.addEventListener('change', renderState);
  consultedBox.addEventListener('change', () => {
    consultedTouched = true;
    renderObjections();
  });
  objectionsBox.addEventListener('change', counts);
  gcmBox.addEventListener('change', counts);
  byId('gcm-filter').addEventListener('input', filterGcm);
  byId('consulted-active').addEventListener('click', () => {
    consultedTouched = false;
    renderConsulted();
  });
  byId('consulted-none').addEventListener('click', () => {
    consultedTouched = true;
    setChecked(consultedBox, []);
    renderObjections();
  });
}

async function start(): Promise<void> {
  try {
    data = await call('getDecisionSidebarData');
    wire();
    render();
  } catch (error) {
    showStatus('error', `The sidebar could not open: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    byId('loading').hidden = true;
    app.setAttribute('aria-busy', 'false');
  }
}

void start();
