/** Who is a member on a given day: the one definition that the rules and the secretariat check share. */
import type { IsoDay } from './dates';
import type { Member } from './tables';
import { keyOf } from './words';

/** The codes one entity may go by: the Resident Coordinator and the Office are one member, UNRC or RCO. */
export function codesOf(agency: string): readonly string[] {
  const k = keyOf(agency);
  return k === 'UNRC' || k === 'RCO' ? ['UNRC', 'RCO'] : [k];
}

/**
 * RULES.md's "active on day X": Status Active, Joined on blank or ≤ X, Left on blank or > X. The
 * sidebar offers the same members for consultation as the consensus rule then requires.
 */
export function isActiveOn(member: Pick<Member, 'status' | 'joinedOn' | 'leftOn'>, day: IsoDay): boolean {
  return (
    member.status === 'Active' &&
    (member.joinedOn === null || member.joinedOn <= day) &&
    (member.leftOn === null || member.leftOn > day)
  );
}
