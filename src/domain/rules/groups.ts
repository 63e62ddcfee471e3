/** Working groups: drawn from the members, established by a decision. */
import { clip, finding, unknownCodes, type RuleContext, type RuleDef } from './context';
import { joinWords, keyOf } from '../words';
import type { Finding } from './finding';

function members(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('groups.members');
  const out: Finding[] = [];
  for (const g of ctx.network.groups.records) {
    const outsiders = unknownCodes(g.members, ctx.exists.members);
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

/** Established by is blank, or names a decision that no row has (data.reference reports that too). */
function established(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('groups.established');
  // Without a Decisions tab no decision can be found: that tab's absence is data.invalid's.
  const decisions = ctx.network.decisions.header === null ? null : ctx.exists.decisions;
  const out: Finding[] = [];
  for (const g of ctx.network.groups.records) {
    const named = g.establishedBy.trim();
    if (named !== '' && (decisions === null || decisions.has(keyOf(named)))) continue;
    out.push(
      finding('groups.established', 'warning', {
        sheet: 'Working groups',
        row: g.row,
        ref: g.id,
        message:
          named === ''
            ? `${g.id} (${clip(g.name)}) does not name the decision that established it`
            : `${g.id} (${clip(g.name)}) names ${named} as the decision that established it, but Decisions has no ${named}`,
        clause,
        fix:
          named === ''
            ? `Enter the ID of the decision that set up ${g.id} in Established by (record the decision first if it is missing)`
            : `Correct Established by, or record ${named} in Decisions`,
      }),
    );
  }
  return out;
}

export const GROUP_RULES: readonly RuleDef[] = [
  { id: 'groups.members', sheet: 'Working groups', needs: ['Working groups', 'Members'], run: members },
  { id: 'groups.established', sheet: 'Working groups', needs: ['Working groups'], run: established },
];
