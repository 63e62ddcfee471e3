/**
 * Recording and editing a decision from the sidebar: what the sidebar needs to open, and the checked,
 * locked writes of a Decisions row, its follow-up Actions rows and its Log row, with the ToR guidance
 * the sidebar showed (rules/guidance.ts) run again on the lock-held read.
 */
import type { Cell } from '../domain/cells';
import type { DecodedTable } from '../domain/codec';
import { canonicalCodes, decisionOf, keepOrder, sameCode } from '../domain/decision-record';
import { decisionVersion, describeChanges, recordVersion, savedDecision } from '../domain/edits';
import { columnCells, nextId, parseId } from '../domain/ids';
import { gcmObjectives } from '../domain/gcm';
import type { Network } from '../domain/network';
import { decisionGuidance } from '../domain/rules/guidance';
import {
  decisionFieldLabel,
  fieldError,
  parseDecisionInput,
  parseDecisionUpdate,
  type DecisionInput,
  type DecisionSidebarData,
  type FieldError,
  type GuidanceNetwork,
  type RecordDecisionResult,
  type SavedDecision,
  unchangedMessage,
} from '../domain/rpc';
import {
  ActionsTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  type Action,
  type Decision,
} from '../domain/tables';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { statusOf } from './automation';
import { readNetwork } from './network';
import { type LockedTabs, describeSkipped, leftAlone, withLockedTabs } from './repository';
import { errorText } from '../domain/errors';
import { keyOf } from '../domain/words';
import { t } from '../domain/i18n';

/** What requireSecretariat says the user may not do: "Only the Secretariat can record a decision". */
const what = () => t('sidebar.server.what');

/**
 * The tabs a decision touches: who may record (Settings, Members, Focal points), what it may refer to
 * (Members, Meetings), its follow-up (Actions) and which IDs are taken (Decisions, Actions, Log). Each
 * read is a round trip in Sheets, so the other tabs are left unread.
 */
const TABS = [
  SettingsTable,
  MembersTable,
  FocalPointsTable,
  MeetingsTable,
  DecisionsTable,
  ActionsTable,
  LogTable,
] as const;

/** Thrown when a decision cannot be recorded as given; each error names its field. */
export class DecisionInputError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(errors.map((e) => e.message).join('\n'));
    this.name = 'DecisionInputError';
  }
}

/** The next decision ID of a year, counting the Decisions tab's ID cells and the Log's references. */
export function nextDecisionId(
  network: Network,
  decisionsGrid: readonly (readonly Cell[])[] | null | undefined,
  logGrid: readonly (readonly Cell[])[] | null | undefined,
  year: number,
): string {
  const cells = [
    ...columnCells(decisionsGrid, network.decisions.header?.index.get('id')),
    ...columnCells(logGrid, network.log.header?.index.get('ref')),
  ];
  return nextId(DecisionsTable, cells, year);
}

/** The Actions tab's IDs and the Log's references, which nextId counts for a new action ID. */
function actionIdCells(
  network: Network,
  actionsGrid: readonly (readonly Cell[])[] | null | undefined,
  logGrid: readonly (readonly Cell[])[] | null | undefined,
): Cell[] {
  return [
    ...columnCells(actionsGrid, network.actions.header?.index.get('id')),
    ...columnCells(logGrid, network.log.header?.index.get('ref')),
  ].filter((c): c is Cell => c !== undefined);
}

function mayRecord(ports: Pick<Ports, 'user' | 'clock'>, network: Network): string {
  try {
    requireSecretariat(ports, network, what());
    return '';
  } catch (error) {
    return errorText(error);
  }
}

/** A decoded tab as it travels: plain JSON, the header map reduced to whether there is one. */
function travelling<T>(table: DecodedTable<T>) {
  return {
    records: table.records,
    lastRow: table.lastRow,
    unreadable: [...table.unreadable],
    readable: table.header !== null,
  };
}

/** What the sidebar's ToR guidance runs over: what the server decoded, so that the sidebar carries no codec. */
export function guidanceNetwork(network: Network): GuidanceNetwork {
  return {
    profile: network.profile,
    settings: network.settings,
    members: travelling(network.members),
    meetings: travelling(network.meetings),
    decisions: travelling(network.decisions),
    actions: travelling(network.actions),
  };
}

/** The version of each decision with its actions, and of each meeting, as savedDecision and savedMeeting give them. */
function editVersions(network: Network): DecisionSidebarData['versions'] {
  const actions = new Map<string, Action[]>();
  for (const { row: _row, invalid: _invalid, ...a } of network.actions.records)
    actions.set(keyOf(a.source), [...(actions.get(keyOf(a.source)) ?? []), a]);
  const decisions: Record<string, string> = {};
  for (const { row: _row, invalid: _invalid, ...d } of network.decisions.records)
    decisions[keyOf(d.id)] ??= decisionVersion(d, actions.get(keyOf(d.id)) ?? []);
  const meetings: Record<string, string> = {};
  for (const { row: _row, invalid: _invalid, ...m } of network.meetings.records)
    meetings[keyOf(m.id)] ??= recordVersion(MeetingsTable, m);
  return { decisions, meetings };
}

/** Everything the sidebar shows when it opens: one read per tab it needs, one round trip. */
export function decisionSidebarData(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'triggers'>,
): DecisionSidebarData {
  const { network, grids } = readNetwork(ports.workbook, TABS);
  const today = ports.clock.today();
  const refusal = mayRecord(ports, network);
  return {
    networkName: network.settings.networkName ?? '',
    today,
    nextId: nextDecisionId(network, grids.Decisions, grids.Log, Number(today.slice(0, 4))),
    members: network.members.records.map((m) => ({
      code: m.agency,
      name: m.name,
      status: m.status,
      joinedOn: m.joinedOn,
      leftOn: m.leftOn,
    })),
    meetings: network.meetings.records
      .filter((m) => m.status !== 'Cancelled')
      .map((m) => ({ id: m.id, date: m.date, title: m.title, attendees: m.attendees }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    gcmObjectives: gcmObjectives().map((o) => ({ number: o.number, title: o.title })),
    stateConsultationBody: network.settings.stateConsultationBody ?? '',
    network: guidanceNetwork(network),
    versions: editVersions(network),
    automation: statusOf(network, today, ports.user.email(), ports.triggers?.list() ?? null).lines,
    user: { email: ports.user.email(), mayRecord: refusal === '', refusal },
  };
}

/** The checks that need the workbook: dates against today, the meeting, the agencies, the subject. */
export function checkDecision(input: DecisionInput, network: Network, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.date > today) errors.push(fieldError('date', t('sidebar.server.date-future', { date: input.date, today })));
  if (input.meeting !== '') {
    const meeting = network.meetings.records.find((m) => sameCode(m.id, input.meeting));
    if (!meeting) errors.push(fieldError('meeting', t('sidebar.server.meeting-unknown', { meeting: input.meeting })));
    else if (meeting.status === 'Cancelled')
      errors.push(fieldError('meeting', t('sidebar.server.meeting-cancelled', { meeting: meeting.id })));
  }
  const codes = network.members.records.map((m) => m.agency);
  const unknown = (list: readonly string[]) => list.filter((a) => !codes.some((c) => sameCode(c, a)));
  const notMembers = (codes: readonly string[]) =>
    t('sidebar.server.not-members', { codes: codes.join(', '), n: codes.length });
  const badConsulted = unknown(input.consulted);
  if (badConsulted.length > 0) errors.push(fieldError('consulted', notMembers(badConsulted)));
  const badObjections = unknown(input.objections);
  if (badObjections.length > 0) {
    errors.push(fieldError('objections', notMembers(badObjections)));
  } else {
    const notConsulted = input.objections.filter((a) => !input.consulted.some((c) => sameCode(c, a)));
    if (notConsulted.length > 0)
      errors.push(
        fieldError(
          'objections',
          t('sidebar.server.objected-not-consulted', { codes: notConsulted.join(', '), n: notConsulted.length }),
        ),
      );
  }
  const subject = input.subject.trim();
  if (input.kind === 'Admission' && subject === '')
    errors.push(fieldError('subject', t('sidebar.server.subject-admission')));
  if (input.kind === 'Workplan endorsement' && !/^\d{4}$/.test(subject))
    errors.push(fieldError('subject', t('sidebar.server.subject-workplan')));
  if (input.kind === 'Working group' && subject === '')
    errors.push(fieldError('subject', t('sidebar.server.subject-group')));
  if (input.stateConsultedOn !== '' && input.stateConsultedOn > today)
    errors.push(
      fieldError('stateConsultedOn', t('sidebar.server.after-today', { date: input.stateConsultedOn, today })),
    );
  if (input.stateConsultedOn !== '' && !input.stateRelevant)
    errors.push(fieldError('stateConsultedOn', t('sidebar.server.state-not-relevant')));
  (input.actions ?? []).forEach((a, i) => {
    const n = i + 1;
    if (a.action.trim() === '') errors.push(fieldError('actions', t('sidebar.server.action-words', { n })));
    if (a.owner.trim() === '') errors.push(fieldError('actions', t('sidebar.server.action-owner', { n })));
    else if (unknown([a.owner]).length > 0)
      errors.push(fieldError('actions', t('sidebar.server.action-owner-unknown', { n, owner: a.owner.trim() })));
    if (a.due !== '' && a.due < input.date)
      errors.push(fieldError('actions', t('sidebar.server.action-due', { n, due: a.due, date: input.date })));
  });
  return errors;
}

/**
 * The decision's follow-up actions as records: an action the input names by ID keeps its status and
 * notes, a new one gets the next `A-YYYY-NNN` and Status Open.
 */
function actionsOf(
  value: DecisionInput,
  network: Network,
  id: string,
  existing: readonly Action[],
  cells: Cell[],
): Action[] {
  const year = Number(value.date.slice(0, 4));
  const taken = [...cells];
  return (value.actions ?? []).map((a) => {
    const was = a.id === '' ? undefined : existing.find((x) => sameCode(x.id, a.id));
    if (a.id !== '' && was === undefined)
      throw new DecisionInputError([fieldError('actions', t('sidebar.server.action-unknown', { action: a.id, id }))]);
    const actionId = was?.id ?? nextId(ActionsTable, taken, year);
    taken.push(actionId);
    const owner = canonicalCodes([a.owner], network)[0] ?? a.owner.trim();
    const base: Action = was ?? {
      id: actionId,
      source: id,
      action: '',
      owner: '',
      due: null,
      status: 'Open',
      doneOn: null,
      lastRemindedOn: null,
      notes: '',
    };
    return { ...base, action: a.action.trim(), owner, due: a.due === '' ? null : a.due };
  });
}

/**
 * The ToR guidance on the saved state: an Adopted decision with findings is refused unless the input
 * confirms it, with the findings named beside the confirmation; a Pending one saves quietly.
 */
function requireConfirmation(
  value: DecisionInput,
  network: Network,
  today: string,
  decision: Decision,
  actions: readonly Action[],
): void {
  if (value.outcome !== 'Adopted' || value.confirmed === true) return;
  const findings = decisionGuidance(network, today, decision, actions);
  if (findings.length === 0) return;
  const rules = [...new Set(findings.map((f) => f.rule))].join(', ');
  throw new DecisionInputError([
    fieldError('confirmed', t('sidebar.server.confirm', { rules, confirm: decisionFieldLabel('confirmed') })),
  ]);
}

/** The tabs the save writes to; Actions only when there are follow-up actions to write. */
function requireTabs(network: Network, value: DecisionInput): void {
  for (const [name, header] of [
    ['Decisions', network.decisions.header],
    ['Actions', (value.actions ?? []).length > 0 ? network.actions.header : true],
    ['Log', network.log.header],
  ] as const) {
    if (header === null) throw new Error(t('sidebar.server.tab-missing', { tab: name }));
  }
}

/** Reads the network under the lock, refuses anyone outside the secretariat, then checks the input. */
function checkedInput<T extends DecisionInput>(
  ports: Pick<Ports, 'clock' | 'user'>,
  tabs: LockedTabs,
  parse: (raw: unknown) => { ok: true; value: T } | { ok: false; errors: FieldError[] },
  input: unknown,
) {
  const { network, grids } = tabs.readNetwork(TABS);
  requireSecretariat(ports, network, what());
  const parsed = parse(input);
  if (!parsed.ok) throw new DecisionInputError(parsed.errors);
  const today = ports.clock.today();
  const errors = checkDecision(parsed.value, network, today);
  if (errors.length > 0) throw new DecisionInputError(errors);
  requireTabs(network, parsed.value);
  return { network, grids, email: ports.user.email(), today, value: parsed.value };
}

export interface SavedIds {
  readonly id: string;
  readonly row: number;
  /** The IDs of the decision's actions written by this save. */
  readonly actions: string[];
  /** False when an edit changed nothing, and nothing was written or logged. */
  readonly changed: boolean;
  /** The cells the save left alone because people changed or moved them while it wrote (see writeIfUnchanged). */
  readonly notWritten?: readonly string[];
}

/**
 * Records one decision with its follow-up actions and returns the new IDs. Refuses anyone outside the
 * secretariat and any input that breaks the contract before writing anything. Text is stored exactly
 * as typed: the workbook port keeps `=`, `+`, `-` and `@` text as text.
 */
export function recordDecision(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>, input: unknown): SavedIds {
  return withLockedTabs(ports, (tabs) => {
    const { network, grids, email, today, value } = checkedInput(ports, tabs, parseDecisionInput, input);
    const id = nextDecisionId(network, grids.Decisions, grids.Log, Number(value.date.slice(0, 4)));
    const now = ports.clock.now();
    const decision = decisionOf(value, network, id, email, now);
    const actions = actionsOf(value, network, id, [], actionIdCells(network, grids.Actions, grids.Log));
    requireConfirmation(value, network, today, decision, actions);
    const [row] = tabs.append(DecisionsTable, [decision]);
    if (actions.length > 0) tabs.append(ActionsTable, actions);
    const details = `${value.kind}: ${value.title} (${value.outcome})${actions.length > 0 ? `; follow-up ${actions.map((a) => a.id).join(', ')}` : ''}`;
    tabs.append(LogTable, [
      { timestamp: now, actor: email, event: 'Decision recorded', ref: id, recipients: [], outcome: 'Done', details },
    ]);
    const notWritten = linkConsultation(tabs, decision.consultation, id);
    return {
      id,
      row: row ?? network.decisions.lastRow + 1,
      actions: actions.map((a) => a.id),
      changed: true,
      ...(notWritten.length > 0 ? { notWritten } : {}),
    };
  });
}

/**
 * A decision taken by written consultation names it; the consultation's Decision column then names
 * the decision, unless it names one already (a second decision from one consultation leaves it).
 * Consultations is read only then, so that most recordings cost no extra read.
 */
function linkConsultation(tabs: LockedTabs, consultation: string, decision: string): readonly string[] {
  if (consultation === '') return [];
  const c = tabs.read(ConsultationsTable).records.find((r) => keyOf(r.id) === keyOf(consultation));
  if (c === undefined || c.decision.trim() !== '') return [];
  return describeSkipped(ConsultationsTable, tabs.update(ConsultationsTable, [{ ...c, decision }]).skipped);
}

/** Thrown when the decision changed since the sidebar read it: nothing is written, and its new state goes back. */
export class DecisionConflictError extends Error {
  constructor(readonly current: SavedDecision) {
    super(t('sidebar.server.changed', { id: current.decision.id }));
    this.name = 'DecisionConflictError';
  }
}

/**
 * Changes a decision in place, found by ID under the lock, and its follow-up actions (new ones are
 * appended). Refused, with nothing written, when the decision or its actions changed since the sidebar
 * read them (their version differs). A `Decision updated` Log row says what changed.
 */
export function updateDecision(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>, input: unknown): SavedIds {
  return withLockedTabs(ports, (tabs) => {
    const { network, grids, email, today, value } = checkedInput(ports, tabs, parseDecisionUpdate, input);
    const before = savedDecision(network, value.id);
    if (before === null)
      throw new DecisionInputError([fieldError('id', t('sidebar.server.decision-unknown', { id: value.id }))]);
    if (before.version !== value.version) throw new DecisionConflictError(before);
    const id = before.decision.id;
    const year = parseId(DecisionsTable, id)?.year;
    if (year != null && year !== Number(value.date.slice(0, 4))) {
      throw new DecisionInputError([fieldError('date', t('sidebar.server.year-fixed', { id, year: String(year) }))]);
    }
    const decision = keepOrder(
      before.decision,
      decisionOf(
        value,
        network,
        id,
        before.decision.recordedBy,
        before.decision.recordedAt,
        value.consultation ?? before.decision.consultation,
      ),
      ['consulted', 'objections'],
    );
    const actions = actionsOf(value, network, id, before.actions, actionIdCells(network, grids.Actions, grids.Log));
    const row = network.decisions.records.find((d) => d.id === id)?.row ?? 0;
    const details = describeChanges(before, decision, actions);
    // Nothing new: nothing to write, to log or to confirm.
    if (details === '') return { id, row, actions: actions.map((a) => a.id), changed: false };
    requireConfirmation(value, network, today, decision, actions);
    const known = new Set(before.actions.map((a) => a.id));
    const notWritten = [
      ...describeSkipped(DecisionsTable, tabs.update(DecisionsTable, [decision]).skipped),
      ...describeSkipped(
        ActionsTable,
        tabs.update(
          ActionsTable,
          actions.filter((a) => known.has(a.id)),
        ).skipped,
      ),
    ];
    tabs.append(
      ActionsTable,
      actions.filter((a) => !known.has(a.id)),
    );
    const logged =
      notWritten.length === 0
        ? details
        : t('sidebar.server.log-not-written', { details, cells: notWritten.join('; ') });
    tabs.append(LogTable, [
      {
        timestamp: ports.clock.now(),
        actor: email,
        event: 'Decision updated',
        ref: id,
        recipients: [],
        outcome: 'Done',
        details: logged,
      },
    ]);
    return { id, row, actions: actions.map((a) => a.id), changed: true, notWritten };
  });
}

/**
 * The `google.script.run` targets' body, shared by Apps Script and the playground: input errors come
 * back as a result the sidebar shows beside each field, a concurrent change with the decision's new
 * state; a refusal or a broken workbook is thrown, so the sidebar's failure handler shows its message.
 */
function saveRpc(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'ui'>,
  save: (p: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>) => SavedIds,
  verb: 'recorded' | 'updated',
): RecordDecisionResult {
  try {
    const { id, row, actions, changed, notWritten = [] } = save(ports);
    const saved = { id, row: String(row), left: leftAlone(notWritten) };
    ports.ui.toast(
      !changed
        ? unchangedMessage('Decision', id)
        : verb === 'recorded'
          ? t('sidebar.server.toast-recorded', saved)
          : t('sidebar.server.toast-updated', saved),
      t('sidebar.server.toast-title'),
    );
    return { ok: true, id, row, actions, changed };
  } catch (error) {
    if (error instanceof DecisionInputError) return { ok: false, errors: [...error.errors] };
    if (error instanceof DecisionConflictError) {
      const d = error.current.decision;
      return {
        ok: false,
        errors: [fieldError('', t('sidebar.server.conflict', { id: d.id }))],
        current: error.current,
      };
    }
    throw error;
  }
}

export function recordDecisionRpc(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'ui'>,
  input: unknown,
): RecordDecisionResult {
  return saveRpc(ports, (p) => recordDecision(p, input), 'recorded');
}

export function updateDecisionRpc(
  ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'ui'>,
  input: unknown,
): RecordDecisionResult {
  return saveRpc(ports, (p) => updateDecision(p, input), 'updated');
}
