/** The action tracker: overdue action points and their owners. */
import { daysBetween, longDay } from '../dates';
import { clip, finding, type RuleContext, type RuleDef, withClauses } from './context';
import { keyOf } from '../words';
import { t } from '../i18n';
import type { Finding } from './finding';
import { AZ_MONITORING, AZ_ROLE, UZ_WORKING, type BaselineTable, type ClauseTable } from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'actions.overdue': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: {
      section: UZ_WORKING,
      words: ['The Network and its members have the responsibility to implement their decisions as agreed'],
    },
  },
  'actions.owner': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MONITORING] },
    uzbekistan: {
      section: UZ_WORKING,
      words: ['The Network and its members have the responsibility to implement their decisions as agreed'],
    },
  },
};

function overdue(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('actions.overdue');
  return ctx.network.actions.records
    .filter((a) => a.status === 'Open' && a.due !== null && a.due < ctx.today)
    .map((a) =>
      finding('actions.overdue', 'warning', {
        sheet: 'Actions',
        row: a.row,
        ref: a.id,
        message: t('rules.actions.overdue', {
          id: a.id,
          owned: a.owner ? 'yes' : 'no',
          owner: a.owner,
          due: longDay(a.due),
          days: daysBetween(a.due!, ctx.today),
          action: clip(a.action),
        }),
        clause,
        fix: t('rules.actions.overdue-fix', { id: a.id, owned: a.owner ? 'yes' : 'no', owner: a.owner }),
      }),
    );
}

/** Blank, not in Members (data.reference reports the broken code too), or a member that is not active. */
function owner(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('actions.owner');
  const out: Finding[] = [];
  for (const a of ctx.network.actions.records) {
    if (a.status !== 'Open') continue;
    const code = a.owner.trim();
    const member = code === '' ? undefined : ctx.members.get(keyOf(code));
    if (member !== undefined && ctx.isActiveOn(member, ctx.today)) continue;
    // The owner's own row is malformed: data.invalid reports it, and its status cannot be known.
    if (member === undefined && code !== '' && ctx.exists.members.has(keyOf(code))) continue;
    out.push(
      finding('actions.owner', 'error', {
        sheet: 'Actions',
        row: a.row,
        ref: a.id,
        message:
          code === ''
            ? t('rules.actions.no-owner', { id: a.id, action: clip(a.action) })
            : member === undefined
              ? t('rules.actions.unknown-owner', { id: a.id, code })
              : t('rules.actions.inactive-owner', {
                  id: a.id,
                  code,
                  today: longDay(ctx.today),
                  status: member.status,
                  left: member.leftOn ? 'yes' : 'no',
                  leftOn: longDay(member.leftOn),
                }),
        clause,
        fix: t('rules.actions.owner-fix', { id: a.id }),
      }),
    );
  }
  return out;
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'actions.overdue': 'rules.baseline.actions-overdue',
  'actions.owner': 'rules.baseline.actions-owner',
};

export const ACTION_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'actions.overdue', sheet: 'Actions', needs: ['Actions'], run: overdue },
    { id: 'actions.owner', sheet: 'Actions', needs: ['Actions', 'Members'], run: owner },
  ],
  QUOTES,
  BASELINES,
);
