/** Working groups: drawn from the members, established by a decision, closed or extended when an ad hoc term ends. */
import { longDay } from '../dates';
import { t } from '../i18n';
import { clip, finding, unknownCodes, type RuleContext, type RuleDef, withClauses } from './context';
import { joinWords, keyOf } from '../words';
import type { Finding } from './finding';
import { AZ_GROUPS, AZ_ROLE, UZ_MEMBERSHIP, UZ_METHODS, type BaselineTable, type ClauseTable } from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'groups.members': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['The composition of Working Groups will be drawn from Network members and may include external partners'],
    },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
  'groups.established': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_GROUPS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
  'groups.ended': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_GROUPS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_METHODS] },
  },
};

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
        message: t('rules.groups.outsiders', {
          id: g.id,
          name: clip(g.name),
          outsiders: joinWords(outsiders),
          count: outsiders.length,
        }),
        clause,
        fix: t('rules.groups.outsiders-fix', { id: g.id, outsiders: joinWords(outsiders), count: outsiders.length }),
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
            ? t('rules.groups.unestablished', { id: g.id, name: clip(g.name) })
            : t('rules.groups.unknown-decision', { id: g.id, name: clip(g.name), named }),
        clause,
        fix:
          named === ''
            ? t('rules.groups.unestablished-fix', { id: g.id })
            : t('rules.groups.unknown-decision-fix', { named }),
      }),
    );
  }
  return out;
}

/** An Ad hoc group past its "Ends on": closed by a decision about it on or after that day, or extended. */
function ended(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('groups.ended');
  const closedOn = new Map<string, string>();
  for (const d of ctx.network.decisions.records) {
    if (d.kind !== 'Working group' || d.outcome !== 'Adopted') continue;
    const k = keyOf(d.subject);
    if ((closedOn.get(k) ?? '') < d.date) closedOn.set(k, d.date);
  }
  return ctx.network.groups.records
    .filter(
      (g) =>
        g.kind === 'Ad hoc' &&
        g.endsOn !== null &&
        g.endsOn < ctx.today &&
        (closedOn.get(keyOf(g.id)) ?? '') < g.endsOn,
    )
    .map((g) =>
      finding('groups.ended', 'info', {
        sheet: 'Working groups',
        row: g.row,
        ref: g.id,
        message: t('rules.groups.ended', { id: g.id, name: clip(g.name), ends: longDay(g.endsOn) }),
        clause,
        fix: t('rules.groups.ended-fix', { id: g.id }),
      }),
    );
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'groups.ended': 'rules.baseline.groups-ended',
  'groups.members': 'rules.baseline.groups-members',
  'groups.established': 'rules.baseline.groups-established',
};

export const GROUP_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'groups.members', sheet: 'Working groups', needs: ['Working groups', 'Members'], run: members },
    { id: 'groups.established', sheet: 'Working groups', needs: ['Working groups'], run: established },
    { id: 'groups.ended', sheet: 'Working groups', needs: ['Working groups', 'Decisions'], run: ended },
  ],
  QUOTES,
  BASELINES,
);
