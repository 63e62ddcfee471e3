/** The annual workplan: it exists, its rows are complete, it is endorsed, reported on, kept current, tied to the GCM. */
import type { Located } from '../codec';
import { addDays, addMonths, yearOf, longDay } from '../dates';
import { DEADLINES } from '../profiles';
import type { WorkplanRow } from '../tables';
import { clip, finding, whoAsks, type RuleContext, type RuleDef, withClauses } from './context';
import { joinWords, keyOf } from '../words';
import { t } from '../i18n';
import type { Finding } from './finding';
import { latestLogDay } from './log';
import { AZ_ROLE, UZ_AWP, UZ_ROLE, UZ_WORKING, type BaselineTable, type ClauseTable } from './clauses';
import { WORKPLAN_MUST_BE_COSTED, WORKPLAN_MUST_BE_ENDORSED, WORKPLAN_REPORTING_MONTHS } from '../setting-labels';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'workplan.exists': {
    azerbaijan: {
      section: AZ_ROLE,
      words: [
        "Members of the Network will contribute to design and implementation of the Network's objectives and workplan",
      ],
    },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.fields': {
    azerbaijan: {
      section: AZ_ROLE,
      words: [
        "Members of the Network will contribute to design and implementation of the Network's objectives and workplan",
      ],
    },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.fields/budget': {
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.endorsed': {
    uzbekistan: { section: UZ_ROLE, words: ['The AWPs shall be endorsed by the UNMN members'] },
  },
  'workplan.reported': {
    uzbekistan: {
      section: UZ_ROLE,
      words: ['the implementation is to be monitored and reported to UNCT on regular basis'],
    },
  },
  'workplan.overdue': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['contribute to reviewing the progress made by the Network, making recommendations for necessary actions'],
    },
    uzbekistan: { section: UZ_ROLE, words: [UZ_AWP] },
  },
  'workplan.gcm': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['Galvanize coordinated support to the implementation of, and reporting on, the GCM'],
    },
    uzbekistan: {
      section: UZ_WORKING,
      words: [
        'The Network will focus on supporting the progress of Uzbekistan towards achieving implementation of the GCM',
      ],
    },
  },
};

function exists(ctx: RuleContext): Finding[] {
  const year = yearOf(ctx.today);
  if (ctx.network.workplan.records.some((w) => w.year === year)) return [];
  return [
    finding('workplan.exists', 'warning', {
      sheet: 'Workplan',
      row: null,
      ref: String(year),
      message: t('rules.workplan.exists', { year: String(year) }),
      clause: ctx.clause('workplan.exists'),
      fix: t('rules.workplan.exists-fix', { year: String(year) }),
    }),
  ];
}

function fields(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // Without a Members tab every code would look unknown: that tab's absence is data.invalid's.
  const members = ctx.network.members.header === null ? null : ctx.exists.members;
  const costed = ctx.settings.workplanMustBeCosted === true;
  const clause = ctx.clause('workplan.fields');
  const budgetClause = ctx.clause('workplan.fields/budget', WORKPLAN_MUST_BE_COSTED);
  for (const w of ctx.network.workplan.records) {
    const gaps: string[] = [];
    if (w.keyAction.trim() === '') gaps.push(t('rules.workplan.gap.key-action'));
    if (w.leadAgency.trim() === '') gaps.push(t('rules.workplan.gap.lead'));
    else if (members !== null && !members.has(keyOf(w.leadAgency)))
      gaps.push(t('rules.workplan.gap.lead-unknown', { agency: w.leadAgency.trim() }));
    if (w.start === null && !w.invalid.includes('start')) gaps.push(t('rules.workplan.gap.start'));
    if (w.end === null && !w.invalid.includes('end')) gaps.push(t('rules.workplan.gap.end'));
    if (w.start !== null && w.end !== null && w.end < w.start)
      gaps.push(t('rules.workplan.gap.order', { end: longDay(w.end), start: longDay(w.start) }));
    const row = { id: w.id, year: String(w.year), titled: w.keyAction ? 'yes' : 'no', title: clip(w.keyAction) };
    if (gaps.length > 0) {
      out.push(
        finding('workplan.fields', 'error', {
          sheet: 'Workplan',
          row: w.row,
          ref: w.id,
          message: t('rules.workplan.fields', { ...row, gaps: joinWords(gaps) }),
          clause,
          fix: t('rules.workplan.fields-fix', { id: w.id }),
        }),
      );
    }
    if (costed && w.budgetUsd === null && !w.invalid.includes('budgetUsd')) {
      out.push(
        finding('workplan.fields', 'warning', {
          sheet: 'Workplan',
          row: w.row,
          ref: w.id,
          message: t('rules.workplan.budget', { ...row, asks: whoAsks(ctx, budgetClause) }),
          clause: budgetClause,
          fix: t('rules.workplan.budget-fix', { id: w.id }),
        }),
      );
    }
  }
  return out;
}

/**
 * Each year's plan endorsed by an Adopted decision: past years at once, the current year once it is
 * "Workplan endorsement due" days old (a plan drafted early waits for the meeting that endorses it).
 */
function endorsed(ctx: RuleContext): Finding[] {
  if (ctx.settings.workplanMustBeEndorsed !== true) return [];
  const clause = ctx.clause('workplan.endorsed', WORKPLAN_MUST_BE_ENDORSED);
  const thisYear = yearOf(ctx.today);
  const dueDay = addDays(
    `${thisYear}-01-01`,
    (ctx.settings.workplanEndorsementDueDays ?? DEADLINES.workplanEndorsementDueDays) - 1,
  );
  const firstRow = new Map<number, Located<WorkplanRow>>();
  for (const w of ctx.network.workplan.records)
    if (w.year <= thisYear && !firstRow.has(w.year)) firstRow.set(w.year, w);
  const endorsements = ctx.network.decisions.records.filter((d) => d.kind === 'Workplan endorsement');
  // A network meeting can endorse the plan (a working group's cannot): the first planned from today.
  const next = ctx.network.meetings.records
    .filter((m) => m.status === 'Planned' && m.date >= ctx.today && m.kind !== 'Working group')
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  const out: Finding[] = [];
  for (const [year, w] of [...firstRow].sort((a, b) => a[0] - b[0])) {
    const forYear = endorsements.filter((d) => d.subject.trim() === String(year));
    if (forYear.some((d) => d.outcome === 'Adopted')) continue;
    const pending = forYear[0];
    const early = year === thisYear && ctx.today <= dueDay;
    const state = {
      year: String(year),
      pending: pending ? 'yes' : 'no',
      pendingId: pending?.id ?? '',
      outcome: pending?.outcome ?? '',
      asks: whoAsks(ctx, clause),
      due: longDay(dueDay),
    };
    const fields = {
      sheet: 'Workplan' as const,
      row: w.row,
      ref: String(year),
      message: early
        ? t('rules.workplan.endorsed-early', {
            ...state,
            next: next === undefined ? 'none' : next.date <= dueDay ? 'before' : 'after',
            nextId: next?.id ?? '',
            nextDate: next === undefined ? '' : longDay(next.date),
          })
        : t('rules.workplan.endorsed-late', { ...state, current: year === thisYear ? 'yes' : 'no' }),
      clause,
      fix: pending
        ? t('rules.workplan.endorsed-fix-pending', state)
        : t('rules.workplan.endorsed-fix', { ...state, planned: next ? 'yes' : 'no', nextId: next?.id ?? '' }),
    };
    out.push(early ? finding('workplan.endorsed', 'info', fields) : finding('workplan.endorsed', 'error', fields));
  }
  return out;
}

function reported(ctx: RuleContext): Finding[] {
  const months = ctx.settings.workplanReportingMonths;
  if (months === null) return [];
  const clause = ctx.clause('workplan.reported', WORKPLAN_REPORTING_MONTHS);
  // @i18n-exempt: a Log event of WORKBOOK.md, the same in every language
  const last = latestLogDay(ctx, 'Workplan report sent');
  const starts = ctx.network.workplan.records.flatMap((w) => (w.start === null ? [] : [w.start])).sort();
  const from = last?.day ?? starts[0];
  if (from === undefined) return [];
  const due = addMonths(from, months);
  if (ctx.today <= due) return [];
  return [
    finding('workplan.reported', 'warning', {
      sheet: 'Log',
      row: last?.row ?? null,
      ref: null,
      message: last
        ? t('rules.workplan.reported', { last: longDay(last.day), due: longDay(due), months })
        : t('rules.workplan.never-reported', { from: longDay(from), due: longDay(due) }),
      clause,
      fix: t('rules.workplan.reported-fix'),
    }),
  ];
}

function overdue(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('workplan.overdue');
  return ctx.network.workplan.records
    .filter((w) => w.end !== null && w.end < ctx.today && w.status !== 'Completed' && w.status !== 'Dropped')
    .map((w) =>
      finding('workplan.overdue', 'warning', {
        sheet: 'Workplan',
        row: w.row,
        ref: w.id,
        message: t('rules.workplan.overdue', {
          id: w.id,
          titled: w.keyAction ? 'yes' : 'no',
          title: clip(w.keyAction),
          end: longDay(w.end),
          statused: w.status === null ? 'no' : 'yes',
          status: w.status ?? '',
        }),
        clause,
        fix: t('rules.workplan.overdue-fix', { id: w.id, led: w.leadAgency ? 'yes' : 'no', lead: w.leadAgency }),
      }),
    );
}

function gcm(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('workplan.gcm');
  return ctx.network.workplan.records
    .filter((w) => w.gcmObjectives.length === 0 && !w.invalid.includes('gcmObjectives'))
    .map((w) =>
      finding('workplan.gcm', 'info', {
        sheet: 'Workplan',
        row: w.row,
        ref: w.id,
        message: t('rules.workplan.gcm', { id: w.id, titled: w.keyAction ? 'yes' : 'no', title: clip(w.keyAction) }),
        clause,
        fix: t('rules.workplan.gcm-fix', { id: w.id }),
      }),
    );
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'workplan.exists': 'rules.baseline.workplan-exists',
  'workplan.fields': 'rules.baseline.workplan-fields',
  'workplan.overdue': 'rules.baseline.workplan-overdue',
  'workplan.gcm': 'rules.baseline.workplan-gcm',
};

export const WORKPLAN_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'workplan.exists', sheet: 'Workplan', needs: ['Workplan'], run: exists },
    { id: 'workplan.fields', sheet: 'Workplan', needs: ['Workplan'], run: fields },
    { id: 'workplan.endorsed', sheet: 'Workplan', needs: ['Workplan', 'Decisions'], run: endorsed },
    { id: 'workplan.reported', sheet: 'Log', needs: ['Workplan', 'Log'], run: reported },
    { id: 'workplan.overdue', sheet: 'Workplan', needs: ['Workplan'], run: overdue },
    { id: 'workplan.gcm', sheet: 'Workplan', needs: ['Workplan'], run: gcm },
  ],
  QUOTES,
  BASELINES,
);
