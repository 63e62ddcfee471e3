/**
 * What an edit compares: the version of a decision and its actions, or of a meeting, as read (so that
 * a concurrent change is refused instead of overwritten), and what changed, in words for the Log. The
 * server computes each version; the sidebar gets them with its data (DecisionSidebarData.versions).
 */
import type { Network } from './network';
import type { SavedDecision, SavedMeeting } from './rpc';
import { ActionsTable, DecisionsTable, MeetingsTable, type Action, type Decision, type TableDef } from './tables';
import { keyOf } from './words';
import { sameCode } from './decision-record';

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

export function savedMeeting(network: Network, id: string): SavedMeeting | null {
  const found = network.meetings.records.find((m) => sameCode(m.id, id));
  if (found === undefined) return null;
  const { row: _row, invalid: _invalid, ...meeting } = found;
  return { meeting, version: recordVersion(MeetingsTable, meeting) };
}
