/** Who is a member on a given day: the one definition that the rules and the secretariat check share. */
import type { IsoDay } from './dates';
import type { Member } from './tables';

/**
 * RULES.md's "active on day X": Status Active, Joined on blank or ≤ X, Left on blank or > X. The
 * sidebar offers the same members for consultation as the consensus rule then requires.
 */
export function isActiveOn(member: Pick<Member, 'status' | 'joinedOn' | 'leftOn'>, day: IsoDay): boolean {
  return member.status === 'Active' && (member.joinedOn === null || member.joinedOn <= day) && (member.leftOn === null || member.leftOn > day);
}
