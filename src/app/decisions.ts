/**
 * Recording a decision from the sidebar: what the sidebar needs to open, and the checked, locked
 * append of one Decisions row and its Log row.
 */
import type { Cell } from '../domain/cells';
import { columnCells, nextId } from '../domain/ids';
import { GCM_OBJECTIVES } from '../domain/gcm';
import type { Network } from '../domain/network';
import { fieldError, parseDecisionInput, type DecisionInput, type DecisionSidebarData, type FieldError, type RecordDecisionResult } from '../domain/rpc';
import { DecisionsTable, FocalPointsTable, LogTable, MeetingsTable, MembersTable, SettingsTable, type Decision, type LogEntry } from '../domain/tables';
import { keyOf } from '../domain/words';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { readNetwork } from './network';
import { withLockedTabs } from './repository';

const WHAT = 'record a decision';

/**
 * The tabs a decision touches: who may record (Settings, Members, Focal points), what it may refer to
 * (Members, Meetings) and which IDs are taken (Decisions, Log). Each read is a round trip in Sheets, so
 * the other tabs are left unread.
 */
const TABS = [SettingsTable, MembersTable, FocalPointsTable, MeetingsTable, DecisionsTable, LogTable] as const;

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
  const cells = [...columnCells(decisionsGrid, network.decisions.header?.index.get('id')), ...columnCells(logGrid, network.log.header?.index.get('ref'))];
  return nextId(DecisionsTable, cells, year);
}

function mayRecord(ports: Pick<Ports, 'user' | 'clock'>, network: Network): string {
  try {
    requireSecretariat(ports, network, WHAT);
    return '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Everything the sidebar shows when it opens: one read per tab it needs, one round trip. */
export function decisionSidebarData(ports: Pick<Ports, 'workbook' | 'clock' | 'user'>): DecisionSidebarData {
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
      .map((m) => ({ id: m.id, date: m.date, title: m.title }))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0)),
    gcmObjectives: GCM_OBJECTIVES.map((o) => ({ number: o.number, title: o.title })),
    stateConsultationBody: network.settings.stateConsultationBody ?? '',
    user: { email: ports.user.email(), mayRecord: refusal === '', refusal },
  };
}

function sameCode(a: string, b: string): boolean {
  return keyOf(a) === keyOf(b);
}

/** The checks that need the workbook: dates against today, the meeting, the agencies, the subject. */
export function checkDecision(input: DecisionInput, network: Network, today: string): FieldError[] {
  const errors: FieldError[] = [];
  if (input.date > today) errors.push(fieldError('date', `${input.date} is after today (${today}); record a decision once it is taken`));
  if (input.meeting !== '') {
    const meeting = network.meetings.records.find((m) => sameCode(m.id, input.meeting));
    if (!meeting) errors.push(fieldError('meeting', `${input.meeting} is not a meeting of the Meetings tab (leave it blank for a written consultation)`));
    else if (meeting.status === 'Cancelled') errors.push(fieldError('meeting', `${meeting.id} was cancelled`));
  }
  const codes = network.members.records.map((m) => m.agency);
  const unknown = (list: readonly string[]) => list.filter((a) => !codes.some((c) => sameCode(c, a)));
  const badConsulted = unknown(input.consulted);
  if (badConsulted.length > 0)
    errors.push(fieldError('consulted', `${badConsulted.join(', ')} ${badConsulted.length === 1 ? 'is not a member' : 'are not members'} of the Members tab`));
  const badObjections = unknown(input.objections);
  if (badObjections.length > 0) {
    errors.push(fieldError('objections', `${badObjections.join(', ')} ${badObjections.length === 1 ? 'is not a member' : 'are not members'} of the Members tab`));
  } else {
    const notConsulted = input.objections.filter((a) => !input.consulted.some((c) => sameCode(c, a)));
    if (notConsulted.length > 0)
      errors.push(fieldError('objections', `${notConsulted.join(', ')} objected but ${notConsulted.length === 1 ? 'is' : 'are'} not among the members consulted`));
  }
  const subject = input.subject.trim();
  if (input.kind === 'Admission' && subject === '') errors.push(fieldError('subject', 'give the agency code of the member admitted'));
  if (input.kind === 'Workplan endorsement' && !/^\d{4}$/.test(subject)) errors.push(fieldError('subject', 'give the year of the workplan endorsed (YYYY)'));
  if (input.kind === 'Working group' && subject === '') errors.push(fieldError('subject', 'give the ID of the working group (WG-NN)'));
  if (input.stateConsultedOn !== '' && input.stateConsultedOn > today) errors.push(fieldError('stateConsultedOn', `${input.stateConsultedOn} is after today (${today})`));
  if (input.stateConsultedOn !== '' && !input.stateRelevant) errors.push(fieldError('stateConsultedOn', 'tick State relevant, or leave this blank'));
  return errors;
}

function canonicalCodes(list: readonly string[], network: Network): string[] {
  const out: string[] = [];
  for (const a of list) {
    const code = network.members.records.find((m) => sameCode(m.agency, a))?.agency ?? a.trim();
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/**
 * Records one decision and returns its new ID. Refuses anyone outside the secretariat and any input
 * that breaks the contract before writing anything. Text is stored exactly as typed: the workbook
 * port keeps `=`, `+`, `-` and `@` text as text.
 */
export function recordDecision(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock'>, input: unknown): { id: string; row: number } {
  return withLockedTabs(ports, (tabs) => {
    const { network, grids } = tabs.readNetwork(TABS);
    requireSecretariat(ports, network, WHAT);
    const parsed = parseDecisionInput(input);
    if (!parsed.ok) throw new DecisionInputError(parsed.errors);
    const value = parsed.value;
    const today = ports.clock.today();
    const errors = checkDecision(value, network, today);
    if (errors.length > 0) throw new DecisionInputError(errors);
    if (network.decisions.header === null || network.log.header === null) {
      throw new Error(`The ${network.decisions.header === null ? 'Decisions' : 'Log'} tab is missing or has no header row: run Set up / repair workbook first.`);
    }
    const id = nextDecisionId(network, grids.Decisions, grids.Log, Number(value.date.slice(0, 4)));
    const email = ports.user.email();
    const now = ports.clock.now();
    const meeting = network.meetings.records.find((m) => sameCode(m.id, value.meeting))?.id ?? '';
    const decision: Decision = {
      id,
      date: value.date,
      meeting,
      kind: value.kind,
      title: value.title,
      decision: value.decision,
      subject: value.subject.trim(),
      consulted: canonicalCodes(value.consulted, network),
      objections: canonicalCodes(value.objections, network),
      outcome: value.outcome,
      stateRelevant: value.stateRelevant,
      stateConsultedOn: value.stateConsultedOn === '' ? null : value.stateConsultedOn,
      gcmObjectives: [...new Set(value.gcmObjectives)].sort((a, b) => a - b),
      recordedBy: email,
      recordedAt: now,
    };
    const [row] = tabs.append(DecisionsTable, [decision]);
    const entry: LogEntry = {
      timestamp: now,
      actor: email,
      event: 'Decision recorded',
      ref: id,
      recipients: [],
      outcome: 'Done',
      details: `${value.kind}: ${value.title} (${value.outcome})`,
    };
    tabs.append(LogTable, [entry]);
    return { id, row: row ?? network.decisions.lastRow + 1 };
  });
}

/**
 * The `google.script.run` target's body, shared by Apps Script and the playground: input errors come
 * back as a result the sidebar shows beside each field; a refusal or a broken workbook is thrown, so
 * the sidebar's failure handler shows its message.
 */
export function recordDecisionRpc(ports: Pick<Ports, 'workbook' | 'clock' | 'user' | 'lock' | 'ui'>, input: unknown): RecordDecisionResult {
  try {
    const { id, row } = recordDecision(ports, input);
    ports.ui.toast(`Decision ${id} recorded in row ${row}.`, 'Decisions');
    return { ok: true, id, row };
  } catch (error) {
    if (error instanceof DecisionInputError) return { ok: false, errors: [...error.errors] };
    throw error;
  }
}
