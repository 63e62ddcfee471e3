/**
 * A decision as the sidebar's form gives it, shared by the sidebar (for the ToR guidance) and the
 * server (to save it): the record an input makes; and what an edit compares: the version of a
 * decision and its actions as read (so that a concurrent change is refused instead of overwritten),
 * and what changed, in words for the Log.
 */
import type { Network } from './network';
import type { DecisionInput, SavedDecision } from './rpc';
import { ActionsTable, DecisionsTable, type Action, type Decision, type TableDef } from './tables';
import { keyOf } from './words';

export function sameCode(a: string, b: string): boolean {
  return keyOf(a) === keyOf(b);
}

/** The codes as the register spells them, once each; a code it lacks stays as typed. */
export function canonicalCodes(list: readonly string[], network: Network): string[] {
  const out: string[] = [];
  for (const a of list) {
    const code = network.members.records.find((m) => sameCode(m.agency, a))?.agency ?? a.trim();
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

/** Whether the two lists name the same agencies, in any order and however spelt. */
export function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  const set = (list: readonly string[]) => [...new Set(list.map(keyOf))].sort().join();
  return set(a) === set(b);
}

/** `after`, with each of those lists that names the same agencies as in `before` as it was: a list reordered is no change. */
export function keepOrder<K extends string, T extends Record<K, readonly string[]>>(
  before: T,
  after: T,
  keys: readonly K[],
): T {
  const kept = { ...after };
  for (const k of keys) if (sameCodes(before[k], after[k])) kept[k] = before[k];
  return kept;
}

/** The record a valid input makes, with the ID, author and stamp given. */
export function decisionOf(
  value: DecisionInput,
  network: Network,
  id: string,
  recordedBy: string,
  recordedAt: string | null,
  consultation = value.consultation ?? '',
): Decision {
  return {
    id,
    date: value.date,
    meeting: network.meetings.records.find((m) => sameCode(m.id, value.meeting))?.id ?? '',
    kind: value.kind,
    title: value.title,
    decision: value.decision,
    subject: value.subject.trim(),
    consultation: consultation.trim(),
    consulted: canonicalCodes(value.consulted, network),
    objections: canonicalCodes(value.objections, network),
    outcome: value.outcome,
    stateRelevant: value.stateRelevant,
    stateConsultedOn: value.stateConsultedOn === '' ? null : value.stateConsultedOn,
    gcmObjectives: [...new Set(value.gcmObjectives)].sort((a, b) => a - b),
    recordedBy,
    recordedAt,
  };
}

function fieldsOf<T extends TableDef>(def: T, record: Record<string, unknown>): unknown[] {
  return Object.keys(def.columns).map((k) => record[k] ?? null);
}

/** FNV-1a over the text, as 8 hex digits: short enough to travel, and any change of a cell changes it. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function decisionVersion(decision: Decision, actions: readonly Action[]): string {
  const sorted = [...actions].sort((a, b) => a.id.localeCompare(b.id));
  return hash(JSON.stringify([fieldsOf(DecisionsTable, decision), ...sorted.map((a) => fieldsOf(ActionsTable, a))]));
}

/** The version of one row of a tab: any change of one of its contract cells changes it. */
export function recordVersion<T extends TableDef>(def: T, record: Record<string, unknown>): string {
  return hash(JSON.stringify(fieldsOf(def, record)));
}

/** The decision of that ID as the workbook holds it, with the actions whose Source it is; null when no row has it. */
export function savedDecision(network: Network, id: string): SavedDecision | null {
  const key = keyOf(id);
  const found = network.decisions.records.find((d) => keyOf(d.id) === key);
  if (found === undefined) return null;
  const { row: _row, invalid: _invalid, ...decision } = found;
  const actions: Action[] = network.actions.records
    .filter((a) => keyOf(a.source) === key)
    .map(({ row: _r, invalid: _i, ...a }) => a);
  return { decision, actions, version: decisionVersion(decision, actions) };
}

function shown(value: unknown): string {
  if (value === null || value === '') return 'blank';
  if (Array.isArray(value)) return value.length === 0 ? 'blank' : value.join(', ');
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  const text = String(value);
  return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`;
}

/** "Title: "a" → "b"; Outcome: "Pending" → "Adopted"; A-2026-004 added": what the Log's Details say; '' when nothing changed. */
export function describeChanges(before: SavedDecision, after: Decision, actions: readonly Action[]): string {
  const parts: string[] = [];
  for (const [key, column] of Object.entries(DecisionsTable.columns)) {
    const k = key as keyof Decision;
    if (k === 'recordedBy' || k === 'recordedAt') continue;
    if (JSON.stringify(before.decision[k]) !== JSON.stringify(after[k]))
      parts.push(`${column.header}: ${shown(before.decision[k])} → ${shown(after[k])}`);
  }
  const old = new Map(before.actions.map((a) => [keyOf(a.id), a]));
  for (const a of actions) {
    const was = old.get(keyOf(a.id));
    if (was === undefined) parts.push(`${a.id} added`);
    else if (JSON.stringify(fieldsOf(ActionsTable, was)) !== JSON.stringify(fieldsOf(ActionsTable, a)))
      parts.push(`${a.id} changed`);
  }
  return parts.join('; ');
}
