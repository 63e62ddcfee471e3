/**
 * A decision as the sidebar's form gives it, shared by the sidebar (for the ToR guidance) and the
 * server (to save it): the record an input makes, and how agency codes compare. What an edit compares
 * is in edits.ts, which the sidebar's bundle leaves out.
 */
import type { Network } from './network';
import type { DecisionInput } from './rpc';
import type { Decision } from './tables';
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
