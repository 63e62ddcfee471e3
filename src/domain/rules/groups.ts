/** Working groups: drawn from the members, established by a decision. */
import { clip, finding, joinWords, unknownCodes, type RuleContext, type RuleDef } from './context';
import type { Finding } from './finding';

function members(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('groups.members');
  const out: Finding[] = [];
  for (const g of ctx.network.groups.records) {
    const outsiders = unknownCodes(g.members, ctx.members);
    if (outsiders.length === 0) continue;
    out.push(
      finding('groups.members', 'error', {
        sheet: 'Working groups',
        row: g.row,
        ref: g.id,
        message: `${g.id} (${clip(g.name)}) lists ${joinWords(outsiders)} in Members, but ${outsiders.length === 1 ? 'it is' : 'they are'} not in the network's Members`,
        clause,
        fix: `Move ${joinWords(outsiders)} to ${g.id}'s External partners, or correct the agency code${outsiders.length === 1 ? '' : 's'}`,
      }),
    );
  }
  return out;
}

/** A blank Established by; one that names a decision no row has is data.reference's. */
function established(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('groups.established');
  return ctx.network.groups.records
    .filter((g) => g.establishedBy.trim() === '')
    .map((g) =>
      finding('groups.established', 'warning', {
        sheet: 'Working groups',
        row: g.row,
        ref: g.id,
        message: `${g.id} (${clip(g.name)}) does not name the decision that established it`,
        clause,
        fix: `Enter the ID of the decision that set up ${g.id} in Established by (record the decision first if it is missing)`,
      }),
    );
}

export const GROUP_RULES: readonly RuleDef[] = [
  { id: 'groups.members', sheet: 'Working groups', needs: ['Working groups', 'Members'], run: members },
  { id: 'groups.established', sheet: 'Working groups', needs: ['Working groups'], run: established },
];
