/** Written consultations: none is left open once its deadline has passed. */
import { daysBetween, longDay } from '../dates';
import { clip, finding, type RuleContext, type RuleDef } from './context';
import type { Finding } from './finding';
import { plural } from '../words';
import { AZ_CONSENSUS, AZ_ROLE, UZ_CONSENSUS, UZ_MEMBERSHIP, type ClauseTable } from './clauses';

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
        message: `${c.id} ("${clip(c.title)}") closed for answers on ${longDay(c.deadline)}, ${plural(daysBetween(c.deadline, ctx.today), 'day')} ago, and is still Open with ${plural(answered, 'answer')}; until it is closed, its outcome is not on record`,
        clause,
        fix: `Close ${c.id} from the sidebar (Consultations): the add-on computes the outcome from the answers and drafts the decision`,
      });
    });
}

export const CONSULTATION_RULES: readonly RuleDef[] = [
  {
    id: 'consultations.overdue',
    sheet: 'Consultations',
    needs: ['Consultations', 'Answers'],
    run: overdue,
    quotes: QUOTES,
  },
];
