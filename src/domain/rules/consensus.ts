/**
 * What consensus asks of a decision, shared by decisions.consensus (every Adopted decision) and the
 * unanimous rule of members.admission: every member active on its date consulted (the candidate of an
 * admission aside), and nobody objecting.
 */
import type { Located } from '../codec';
import type { IsoDay } from '../dates';
import type { Decision, Member } from '../tables';
import { keyOf } from '../words';
import { keySetOf, type RuleContext } from './context';

/** The members a decision of that day had to consult: those active on it, the candidate aside. */
export function requiredConsultees(ctx: RuleContext, day: IsoDay, candidate: string): Located<Member>[] {
  return ctx.activeOn(day).filter((m) => keyOf(m.agency) !== keyOf(candidate));
}

export interface ConsensusGaps {
  /** Agencies active that day and not in Consulted. */
  readonly missing: string[];
  /** Agencies in Objections. */
  readonly objections: string[];
}

export function consensusGaps(
  ctx: RuleContext,
  decision: Pick<Decision, 'date' | 'consulted' | 'objections'>,
  candidate: string,
): ConsensusGaps {
  const consulted = keySetOf(decision.consulted);
  const candidateKey = keyOf(candidate);
  // requiredConsultees less those consulted, in one pass: it runs for every decision against every member.
  const missing: string[] = [];
  const active = ctx.activeOn(decision.date);
  const keys = ctx.activeKeysOn(decision.date);
  active.forEach((m, i) => {
    const key = keys[i]!;
    if (key !== candidateKey && !consulted.has(key)) missing.push(m.agency);
  });
  return {
    missing,
    objections: decision.objections.map((o) => o.trim()).filter((o) => o !== ''),
  };
}
