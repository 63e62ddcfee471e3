/** The annual workplan: it exists, its rows are complete, it is endorsed, reported on, kept current, tied to the GCM. */
import type { Located } from '../codec';
import { addDays, addMonths, yearOf, longDay } from '../dates';
import { DEADLINES } from '../profiles';
import type { WorkplanRow } from '../tables';
import { clip, finding, whoAsks, type RuleContext, type RuleDef } from './context';
import { joinWords, keyOf, plural } from '../words';
import type { Finding } from './finding';
import { latestLogDay } from './log';
import { AZ_ROLE, UZ_AWP, UZ_ROLE, UZ_WORKING, type ClauseTable } from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
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
      message: `The Workplan has no rows for ${year}, the current year`,
      clause: ctx.clause('workplan.exists'),
      fix: `Draw up the ${year} workplan with the members and enter its key actions in Workplan (Year ${year})`,
    }),
  ];
}

function fields(ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  // Without a Members tab every code would look unknown: that tab's absence is data.invalid's.
  const members = ctx.network.members.header === null ? null : ctx.exists.members;
  const costed = ctx.settings.workplanMustBeCosted === true;
  const clause = ctx.clause('workplan.fields');
  const budgetClause = ctx.clause('workplan.fields/budget', 'workplanMustBeCosted');
  for (const w of ctx.network.workplan.records) {
    const gaps: string[] = [];
    if (w.keyAction.trim() === '') gaps.push('no Key action');
    if (w.leadAgency.trim() === '') gaps.push('no Lead agency');
    else if (members !== null && !members.has(keyOf(w.leadAgency)))
      gaps.push(`a Lead agency, ${w.leadAgency.trim()}, that is not a member`);
    if (w.start === null && !w.invalid.includes('start')) gaps.push('no Start');
    if (w.end === null && !w.invalid.includes('end')) gaps.push('no End');
    if (w.start !== null && w.end !== null && w.end < w.start)
      gaps.push(`End ${longDay(w.end)} is before Start ${longDay(w.start)}`);
    if (gaps.length > 0) {
      out.push(
        finding('workplan.fields', 'error', {
          sheet: 'Workplan',
          row: w.row,
          ref: w.id,
          message: `${w.id} (${w.year}${w.keyAction ? `, "${clip(w.keyAction)}"` : ''}) has ${joinWords(gaps)}`,
          clause,
          fix: `Complete ${w.id}: a key action, the lead agency's code, and Start and End days with End on or after Start`,
        }),
      );
    }
    if (costed && w.budgetUsd === null && !w.invalid.includes('budgetUsd')) {
      out.push(
        finding('workplan.fields', 'warning', {
          sheet: 'Workplan',
          row: w.row,
          ref: w.id,
          message: `${w.id} (${w.year}${w.keyAction ? `, "${clip(w.keyAction)}"` : ''}) has no Budget (USD); ${whoAsks(budgetClause)} for costed work plans`,
          clause: budgetClause,
          fix: `Enter ${w.id}'s estimated cost in Budget (USD) (0 when it costs nothing)`,
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
  const clause = ctx.clause('workplan.endorsed', 'workplanMustBeEndorsed');
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
    const state = pending
      ? `its endorsement, ${pending.id}, is ${pending.outcome}, not Adopted`
      : 'no decision of Kind Workplan endorsement with Subject ' + String(year) + ' is Adopted';
    const fields = {
      sheet: 'Workplan' as const,
      row: w.row,
      ref: String(year),
      message: early
        ? `The ${year} workplan is not endorsed yet (${state}); ${whoAsks(clause)} the members to endorse it, and it is due by ${longDay(dueDay)}.${next === undefined ? '' : next.date <= dueDay ? ` ${next.id} on ${longDay(next.date)} could endorse it.` : ` The first meeting planned, ${next.id}, is on ${longDay(next.date)}, after that day.`}`
        : `The ${year} workplan is not endorsed: ${state}; ${whoAsks(clause)} the members to endorse each annual work plan${year === thisYear ? `, and it was due by ${longDay(dueDay)}` : ''}`,
      clause,
      fix: pending
        ? `Have the members endorse the ${year} workplan and record ${pending.id} as Adopted`
        : `Put the ${year} workplan to the members${next ? ` at ${next.id}` : ''} and record their decision (Kind Workplan endorsement, Subject ${year})`,
    };
    out.push(early ? finding('workplan.endorsed', 'info', fields) : finding('workplan.endorsed', 'error', fields));
  }
  return out;
}

function reported(ctx: RuleContext): Finding[] {
  const months = ctx.settings.workplanReportingMonths;
  if (months === null) return [];
  const clause = ctx.clause('workplan.reported', 'workplanReportingMonths');
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
        ? `The last workplan report went to the UNCT on ${longDay(last.day)}; the next was due by ${longDay(due)} (every ${plural(months, 'month')})`
        : `No workplan report has gone to the UNCT (no "Workplan report sent" row with Outcome Sent in the Log) since the workplan started on ${longDay(from)}; the first was due by ${longDay(due)}`,
      clause,
      fix: 'Send a workplan progress report to the UNCT, and record it in the Log as "Workplan report sent" with Outcome Sent',
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
        message: `${w.id}${w.keyAction ? ` ("${clip(w.keyAction)}")` : ''} was to end on ${longDay(w.end)} and is ${w.status ?? 'without a Status'}`,
        clause,
        fix: `Ask ${w.leadAgency || 'the lead agency'} where ${w.id} stands: mark it Completed or Dropped, or agree a new End`,
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
        message: `${w.id}${w.keyAction ? ` ("${clip(w.keyAction)}")` : ''} names no GCM objective`,
        clause,
        fix: `Enter the numbers (1–23) of the GCM objectives ${w.id} serves in GCM objectives`,
      }),
    );
}

export const WORKPLAN_RULES: readonly RuleDef[] = [
  { id: 'workplan.exists', sheet: 'Workplan', needs: ['Workplan'], run: exists, quotes: QUOTES },
  { id: 'workplan.fields', sheet: 'Workplan', needs: ['Workplan'], run: fields, quotes: QUOTES },
  { id: 'workplan.endorsed', sheet: 'Workplan', needs: ['Workplan', 'Decisions'], run: endorsed, quotes: QUOTES },
  { id: 'workplan.reported', sheet: 'Log', needs: ['Workplan', 'Log'], run: reported, quotes: QUOTES },
  { id: 'workplan.overdue', sheet: 'Workplan', needs: ['Workplan'], run: overdue, quotes: QUOTES },
  { id: 'workplan.gcm', sheet: 'Workplan', needs: ['Workplan'], run: gcm, quotes: QUOTES },
];
