/** Written consultations: none is left open once its deadline has passed. */
import { daysBetween, longDay } from '../dates';
import { clip, finding, type RuleContext, type RuleDef, withClauses } from './context';
import type { Finding } from './finding';
import { t } from '../i18n';
import { AZ_CONSENSUS, AZ_ROLE, UZ_CONSENSUS, UZ_MEMBERSHIP, type BaselineTable, type ClauseTable } from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'consultations.overdue': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_CONSENSUS] },
    uzbekistan: { section: UZ_MEMBERSHIP, words: [UZ_CONSENSUS] },
  },
};

function overdue(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('consultations.overdue');
  return ctx.network.consultations.records
    .filter((c) => c.status === 'Open' && c.deadline < ctx.today)
    .map((c) => {
      const answered = ctx.answersTo(c.id).size;
      return finding('consultations.overdue', 'warning', {
        sheet: 'Consultations',
        row: c.row,
        ref: c.id,
        message: t('rules.consultations.overdue', {
          id: c.id,
          title: clip(c.title),
          deadline: longDay(c.deadline),
          days: daysBetween(c.deadline, ctx.today),
          answered,
        }),
        clause,
        fix: t('rules.consultations.overdue-fix', { id: c.id }),
      });
    });
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'consultations.overdue': 'rules.baseline.consultations-overdue',
};

export const CONSULTATION_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [{ id: 'consultations.overdue', sheet: 'Consultations', needs: ['Consultations', 'Answers'], run: overdue }],
  QUOTES,
  BASELINES,
);
