/**
 * The decision sidebar: one round trip to open, a form that checks itself with the same schema the
 * server uses, the ToR guidance from the rules' own code as the form changes, and one call to record
 * or edit. Everything that comes from the sheet goes in as textContent.
 */
import { decisionOf, savedDecision } from '../src/domain/decision-record';
import { decodeNetwork, type Network } from '../src/domain/network';
import { decisionGuidance } from '../src/domain/rules/guidance';
import {
  DECISION_FIELD_LABELS,
  parseDecisionInput,
  TEXT_LIMITS,
  type ActionInput,
  type DecisionField,
  type DecisionInput,
  type DecisionSidebarData,
  type FieldError,
  type SavedDecision,
  type SidebarMember,
  unchangedMessage,
} from '../src/domain/rpc';
import { FIRST_YEAR } from '../src/domain/dates';
import { longDay } from '../src/domain/email/render';
import { isActiveOn } from '../src/domain/membership';
import { DECISION_KINDS, OUTCOMES, type Action } from '../src/domain/tables';
import { joinWords, keyOf } from '../src/domain/words';
import { byId, checkbox, checked, el, option, setChecked, show, showFieldErrors } from './lib/dom';
import { call } from './lib/rpc';
import { startMeetings } from './meetings';
import { errorText } from '../src/domain/errors';

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
  confirmed: byId<HTMLInputElement>('f-confirmed'),
};
const actionRows = byId<HTMLOListElement>('action-rows');
const pick = byId<HTMLSelectElement>('f-pick');
const find = byId<HTMLInputElement>('f-find');
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
let network: Network;
/** The decision being edited, as it was read; null while recording a new one. */
let editing: SavedDecision | null = null;
let actionSerial = 0;

function memberTitle(m: SidebarMember): string {
  return m.name === '' ? `${m.code} (${m.status})` : `${m.name} (${m.status})`;
}

/** The members active on the day, the form's date unless another is given. */
function activeCodes(day = f.date.value || data.today): string[] {
  return data.members.filter((m) => isActiveOn(m, day)).map((m) => m.code);
}

/** Consulted is a record of who was asked, never a default: `keep` is who is ticked. */
function renderConsulted(keep = checked(consultedBox)): void {
  const active = activeCodes();
  consultedBox.replaceChildren(
    ...data.members.map((m) => checkbox('consulted', m.code, m.code, memberTitle(m), !active.includes(m.code))),
  );
  setChecked(consultedBox, keep);
  renderObjections();
}

/** The members active on the date (an admission's candidate aside, as decisions.consensus counts them) not in Consulted, and why that matters. */
function renderMissing(): void {
  const day = f.date.value || data.today;
  const ticked = checked(consultedBox);
  const candidate = f.kind.value === 'Admission' ? keyOf(f.subject.value) : '';
  const missing = activeCodes(day).filter((c) => !ticked.includes(c) && keyOf(c) !== candidate);
  const one = missing.length === 1;
  const note = byId('consulted-missing');
  note.hidden = missing.length === 0 || f.outcome.value === 'Not adopted';
  note.textContent = `${joinWords(missing)} ${one ? 'was a member' : 'were members'} on ${longDay(day)} but ${one ? 'is' : 'are'} not in Consulted: the ToR asks for consensus after consulting all members; record how ${one ? 'it was' : 'they were'} consulted, or run a written consultation.`;
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

/** The control an error of that field is shown beside and focuses; the first action's words for the actions. */
function fieldElement(field: DecisionField | ''): HTMLElement | undefined {
  if (field === 'actions') return actionRows.querySelector<HTMLElement>('input, select') ?? byId('action-add');
  return field === '' ? undefined : (f as Partial<Record<DecisionField, HTMLElement>>)[field];
}

function showErrors(errors: readonly FieldError[]): void {
  if (errors.some((e) => e.field === 'confirmed')) byId('confirm-field').hidden = false;
  const box = (field: string) => (field === 'id' || field === 'version' ? '' : field);
  showFieldErrors(form, errors, (field) => fieldElement(box(field) as DecisionField | ''), box);
}

function labelled(id: string, text: string, control: HTMLElement): HTMLElement {
  control.id = id;
  const label = document.createElement('label');
  label.htmlFor = id;
  label.textContent = text;
  return el('div', label, control);
}

/** One follow-up action: its words, an owner from the members active on the decision's date, a due date. */
function addAction(
  action: Pick<Action, 'id' | 'action' | 'owner' | 'due'> = { id: '', action: '', owner: '', due: null },
): void {
  const n = ++actionSerial;
  const words = document.createElement('input');
  words.type = 'text';
  words.maxLength = TEXT_LIMITS.action;
  words.dataset.part = 'action';
  words.value = action.action;
  const owner = document.createElement('select');
  owner.dataset.part = 'owner';
  const codes = activeCodes();
  if (action.owner !== '' && !codes.includes(action.owner)) codes.push(action.owner);
  owner.append(option('', 'Choose the owner'), ...codes.map((c) => option(c, c)));
  owner.value = action.owner;
  const due = document.createElement('input');
  due.type = 'date';
  due.dataset.part = 'due';
  due.value = action.due ?? '';
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'link';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove follow-up action ${n}`);
  remove.hidden = action.id !== '';
  const li = el('li', labelled(`action-${n}`, action.id === '' ? `Action ${n}` : `Action ${action.id}`, words));
  li.append(el('div', labelled(`owner-${n}`, 'Owner', owner), labelled(`due-${n}`, 'Due', due)), remove);
  li.lastElementChild?.previousElementSibling?.classList.add('pair');
  if (action.id !== '') li.dataset.id = action.id;
  remove.addEventListener('click', () => {
    li.remove();
    byId('action-add').focus();
    update();
  });
  actionRows.append(li);
  update();
}

/** Each action as a record of the Actions tab, for the guidance: only its Source counts there. */
function candidateActions(id: string, actions: readonly ActionInput[]): Action[] {
  return actions.map((a, i) => ({
    id: a.id === '' ? `new-${i + 1}` : a.id,
    source: id,
    action: a.action,
    owner: a.owner,
    due: a.due === '' ? null : a.due,
    status: 'Open',
    doneOn: null,
    lastRemindedOn: null,
    notes: '',
  }));
}

function findingItem(finding: {
  rule: string;
  severity: string;
  message: string;
  clause: string;
  fix: string;
}): HTMLElement {
  const item = el('li', el('p', finding.message), el('q', finding.clause), el('p', `Fix: ${finding.fix}`));
  item.className = finding.severity;
  item.dataset.rule = finding.rule;
  item.lastElementChild?.classList.add('fix');
  return item;
}

/** What decisions.consensus, state-consultation, members.admission and follow-up would report, run on the form as it stands. */
function renderGuidance(): void {
  const raw = gather();
  const title = String(raw.title);
  const parsed = parseDecisionInput({ ...raw, title: title.trim() === '' ? '-' : title });
  const list = byId('guidance-list');
  const none = byId('guidance-none');
  if (!parsed.ok) {
    list.replaceChildren();
    none.textContent = 'Complete the form to see what the ToR check will say.';
    byId('confirm-field').hidden = true;
    return;
  }
  const value = { ...parsed.value, title };
  const id = editing?.decision.id ?? data.nextId;
  const findings = decisionGuidance(
    network,
    data.today,
    decisionOf(value, network, id, data.user.email, null),
    candidateActions(id, value.actions ?? []),
  );
  list.replaceChildren(...findings.map(findingItem));
  none.textContent = findings.length === 0 ? 'Nothing: this decision meets the ToR rules the check applies to it.' : '';
  const confirm = value.outcome === 'Adopted' && findings.length > 0;
  byId('confirm-field').hidden = !confirm;
  if (!confirm) f.confirmed.checked = false;
}

function update(): void {
  byId('actions-count').textContent = actionRows.children.length === 0 ? '' : `(${actionRows.children.length})`;
  renderMissing();
  renderGuidance();
}

function showStatus(kind: 'ok' | 'error', text: string): void {
  show(status, text, kind);
}

function gatherActions(): ActionInput[] {
  return [...actionRows.querySelectorAll<HTMLLIElement>('li')].map((li) => ({
    id: li.dataset.id ?? '',
    action: li.querySelector<HTMLInputElement>('[data-part=action]')!.value.trim(),
    owner: li.querySelector<HTMLSelectElement>('[data-part=owner]')!.value,
    due: li.querySelector<HTMLInputElement>('[data-part=due]')!.value,
  }));
}

function gather(): Record<Exclude<DecisionField, 'id' | 'version'>, unknown> {
  return {
    date: f.date.value,
    meeting: f.meeting.value,
    kind: f.kind.value,
    title: f.title.value,
    decision: f.decision.value.trim(),
    subject: f.subject.value.trim(),
    consultation: editing?.decision.consultation ?? '',
    consulted: checked(consultedBox),
    objections: checked(objectionsBox),
    outcome: f.outcome.value,
    stateRelevant: f.stateRelevant.checked,
    stateConsultedOn: f.stateConsultedOn.value,
    gcmObjectives: checked(gcmBox).map(Number),
    actions: gatherActions(),
    confirmed: f.confirmed.checked,
  };
}

/** The checks the sidebar can make alone; the server repeats them and adds those that need the sheet. */
function validate(
  raw: Record<Exclude<DecisionField, 'id' | 'version'>, unknown>,
): { ok: true; value: DecisionInput } | { ok: false; errors: FieldError[] } {
  const parsed = parseDecisionInput(raw);
  if (!parsed.ok) return parsed;
  const errors: FieldError[] = [];
  if (parsed.value.date > data.today)
    errors.push({
      field: 'date',
      message: `${DECISION_FIELD_LABELS.date}: ${parsed.value.date} is after today (${data.today})`,
    });
  if (parsed.value.stateConsultedOn > data.today) {
    errors.push({
      field: 'stateConsultedOn',
      message: `${DECISION_FIELD_LABELS.stateConsultedOn}: ${parsed.value.stateConsultedOn} is after today`,
    });
  }
  return errors.length === 0 ? parsed : { ok: false, errors };
}

function showNextId(): void {
  byId('next-id').textContent = editing === null ? `Next ID: ${data.nextId}` : '';
}

function reset(): void {
  form.reset();
  editing = null;
  f.date.value = data.today;
  f.kind.value = DECISION_KINDS[0];
  f.outcome.value = OUTCOMES[0];
  actionRows.replaceChildren();
  renderSubject();
  renderState();
  renderConsulted([]);
  setChecked(gcmBox, []);
  byId<HTMLInputElement>('gcm-filter').value = '';
  filterGcm();
  counts();
  showEditing();
  update();
}

/** The form filled with a decision as the workbook holds it, to be edited in place. */
function load(saved: SavedDecision): void {
  reset();
  editing = saved;
  const d = saved.decision;
  f.date.value = d.date;
  f.meeting.value = data.meetings.some((m) => m.id === d.meeting) ? d.meeting : '';
  f.kind.value = d.kind;
  f.outcome.value = d.outcome;
  renderSubject();
  f.subject.value = d.subject;
  f.title.value = d.title;
  f.decision.value = d.decision;
  f.stateRelevant.checked = d.stateRelevant === true;
  renderState();
  f.stateConsultedOn.value = d.stateConsultedOn ?? '';
  renderConsulted(d.consulted);
  setChecked(objectionsBox, d.objections);
  setChecked(gcmBox, d.gcmObjectives.map(String));
  counts();
  for (const a of saved.actions) addAction(a);
  showEditing();
  update();
}

function showEditing(): void {
  const note = byId('editing');
  note.hidden = editing === null;
  note.textContent =
    editing === null
      ? ''
      : `Editing ${editing.decision.id}, recorded by ${editing.decision.recordedBy || 'unknown'}; saving changes it in place.`;
  submit.textContent = editing === null ? 'Record decision' : 'Save changes';
  pick.value = editing?.decision.id ?? '';
  showNextId();
}

/** The decisions to pick from, newest first, those matching the search words only; at most 50. */
function renderPicker(): void {
  const words = find.value.trim().toLowerCase();
  const decisions = [...network.decisions.records]
    .filter((d) => words === '' || `${d.id} ${d.title}`.toLowerCase().includes(words))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.row - a.row))
    .slice(0, 50);
  pick.replaceChildren(
    option('', 'New decision'),
    ...decisions.map((d) => option(d.id, `${d.id} · ${d.date} · ${d.title}`)),
  );
  pick.value = editing?.decision.id ?? '';
}

function setBusy(busy: boolean): void {
  body.disabled = busy || !data.user.mayRecord;
  app.classList.toggle('busy', busy);
  app.setAttribute('aria-busy', String(busy));
  submit.textContent = busy ? 'Saving…' : editing === null ? 'Record decision' : 'Save changes';
}

/** The register and the tabs again, after a save: the guidance and the picker then know the new rows. */
async function reload(): Promise<void> {
  data = await call('getDecisionSidebarData');
  network = decodeNetwork(data.tabs);
  renderPicker();
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
  let errors: FieldError[] = [];
  try {
    const result =
      editing === null
        ? await call('recordDecision', checkedInput.value)
        : await call('updateDecision', { ...checkedInput.value, id: editing.decision.id, version: editing.version });
    if (result.ok) {
      const verb = editing === null ? 'recorded' : 'updated';
      await reload();
      reset();
      const actions = result.actions.length === 0 ? '' : ` Follow-up actions: ${result.actions.join(', ')}.`;
      showStatus(
        'ok',
        result.changed
          ? `Decision ${result.id} ${verb} in row ${result.row} of the Decisions tab.${actions}`
          : unchangedMessage('Decision', result.id),
      );
    } else {
      if (result.current) {
        await reload();
        load(result.current);
      }
      errors = result.errors;
    }
  } catch (error) {
    showStatus('error', errorText(error));
  } finally {
    setBusy(false);
  }
  // Once the form is enabled again: a disabled field cannot take the focus.
  if (errors.length > 0) showErrors(errors);
}

function render(): void {
  byId('network').textContent = data.networkName;
  byId('automation').textContent = data.automation.join(' ');
  f.kind.replaceChildren(...DECISION_KINDS.map((k) => option(k, k)));
  f.outcome.replaceChildren(...OUTCOMES.map((o) => option(o, o)));
  f.meeting.append(
    ...data.meetings.map((m) => option(m.id, `${m.id} · ${m.date}${m.title === '' ? '' : ` · ${m.title}`}`)),
  );
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
  renderPicker();
  reset();
  if (!data.user.mayRecord) {
    refusal.textContent = `Read only: ${data.user.refusal}`;
    refusal.hidden = false;
    body.disabled = true;
  }
  byId('picker').hidden = false;
  form.hidden = false;
  byId('panels').hidden = false;
}

/** Decisions or Meetings: one panel shows at a time. */
function showPanel(meetings: boolean): void {
  byId('tab-decisions').setAttribute('aria-pressed', String(!meetings));
  byId('tab-meetings').setAttribute('aria-pressed', String(meetings));
  byId('picker').hidden = form.hidden = meetings;
  byId('meetings-panel').hidden = !meetings;
  status.hidden = true;
}

function wire(): void {
  form.addEventListener('submit', (e) => void onSubmit(e));
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  f.date.addEventListener('change', () => renderConsulted());
  f.meeting.addEventListener('change', () => {
    const meeting = data.meetings.find((m) => m.id === f.meeting.value);
    if (meeting && meeting.date <= data.today) f.date.value = meeting.date;
    renderConsulted(meeting?.attendees ?? []);
  });
  f.kind.addEventListener('change', renderSubject);
  f.stateRelevant.addEventListener('change', renderState);
  consultedBox.addEventListener('change', renderObjections);
  objectionsBox.addEventListener('change', counts);
  gcmBox.addEventListener('change', counts);
  byId('gcm-filter').addEventListener('input', filterGcm);
  for (const [button, codes] of [
    ['consulted-active', () => activeCodes()],
    ['consulted-none', () => []],
  ] as const) {
    byId(button).addEventListener('click', () => {
      renderConsulted(codes());
      update();
    });
  }
  byId('action-add').addEventListener('click', () => {
    addAction();
    actionRows.querySelector<HTMLInputElement>('li:last-child [data-part=action]')?.focus();
  });
  find.addEventListener('input', renderPicker);
  byId('tab-decisions').addEventListener('click', () => showPanel(false));
  byId('tab-meetings').addEventListener('click', () => showPanel(true));
  pick.addEventListener('change', () => {
    status.hidden = true;
    const saved = pick.value === '' ? null : savedDecision(network, pick.value);
    if (saved === null) reset();
    else load(saved);
  });
}

async function start(): Promise<void> {
  try {
    data = await call('getDecisionSidebarData');
    network = decodeNetwork(data.tabs);
    wire();
    render();
    startMeetings({ data: () => data, network: () => network, reload });
  } catch (error) {
    showStatus('error', `The sidebar could not open: ${errorText(error)}`);
  } finally {
    byId('loading').hidden = true;
    app.setAttribute('aria-busy', 'false');
  }
}

void start();
