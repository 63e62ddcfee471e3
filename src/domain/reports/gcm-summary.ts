/**
 * The GCM review pack: what the network's workplans and decisions contributed to each of the 23
 * objectives of the Global Compact in a period (by default since the last GCM review), with their
 * results; the guiding principles its work applies; the objectives nothing served (the gaps); and
 * the SDG targets its workplans serve. An input to the GCM regional reviews and the International
 * Migration Review Forum. Decisions about the network itself (an admission, a workplan's
 * endorsement, a disclosure) are not contributions: the work they endorse is counted where it is.
 */
import type { Located } from '../codec';
import { addDays, yearOf, type IsoDay } from '../dates';
import { gcmObjectives, gcmPrinciples } from '../gcm';
import { t } from '../i18n';
import type { Network } from '../network';
import type { Decision, WorkplanRow } from '../tables';
import { joinWords } from '../words';
import { funding, groupBy, networkName, rowLink } from './figures';
import { periodWords, type Period, type Report, type ReportCell, type ReportOptions, type ReportTable } from './report';

/** The target the Compact serves most directly ("facilitate orderly, safe, regular and responsible migration"). */
export const SDG_MIGRATION_TARGET = '10.7';

/** Decisions on how the network runs, which serve no objective by themselves. */
export const PROCEDURAL_DECISIONS: readonly Decision['kind'][] = ['Admission', 'Workplan endorsement', 'Disclosure'];

/** The twelve months of a year. */
export function yearPeriod(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

/**
 * Since the last review: from the day after Settings' `Last GCM review on` (else from the founding,
 * else from the start of this year) to today.
 */
export function sinceLastReview(network: Network, today: IsoDay): Period {
  const { lastGcmReviewOn, foundedOn } = network.settings;
  const from = lastGcmReviewOn !== null ? addDays(lastGcmReviewOn, 1) : (foundedOn ?? `${yearOf(today)}-01-01`);
  return { from, to: today };
}

/** A key action runs in the period when its Start to End (blank: its year's first or last day) meets it. */
function runsIn(w: WorkplanRow, { from, to }: Period): boolean {
  const start = w.start ?? `${w.year}-01-01`;
  const end = w.end ?? `${w.year}-12-31`;
  return start <= to && end >= from;
}

/** "10.7" → [10, 7]; a lettered target ("10.c") comes after the numbered ones of its goal. */
function targetOrder(target: string): [number, number, string] {
  const [goal = '', sub = ''] = target.split('.');
  const number = Number(sub);
  return [Number(goal) || Infinity, Number.isInteger(number) && sub !== '' ? number : Infinity, sub];
}

function compareTargets(a: string, b: string): number {
  if (a === SDG_MIGRATION_TARGET || b === SDG_MIGRATION_TARGET)
    return Number(b === SDG_MIGRATION_TARGET) - Number(a === SDG_MIGRATION_TARGET);
  const [ga, na, sa] = targetOrder(a);
  const [gb, nb, sb] = targetOrder(b);
  return ga - gb || na - nb || sa.localeCompare(sb);
}

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id).join(', ');

function sdgTable(items: readonly WorkplanRow[]): ReportTable {
  const groups = groupBy(items, (w) => w.sdgTargets.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''));
  const targets = [...new Set([SDG_MIGRATION_TARGET, ...groups.keys()])].sort(compareTargets);
  return {
    id: 'sdg-targets',
    title: t('reports.gcm.sdg.title'),
    columns: [
      { header: t('reports.col.sdg-target'), kind: 'text', width: 100 },
      { header: t('reports.col.key-actions'), kind: 'count', width: 100 },
      { header: t('reports.col.budget'), kind: 'money' },
      { header: t('reports.col.funded'), kind: 'money' },
      { header: t('reports.col.workplan-ids'), kind: 'text', width: 320 },
    ],
    rows: targets.map((t) => {
      const f = funding(groups.get(t) ?? []);
      return [t, f.items, f.budget, f.funded, ids(groups.get(t) ?? [])];
    }),
    totals: null,
    note: t('reports.gcm.sdg.note', { target: SDG_MIGRATION_TARGET }),
    empty: '',
  };
}

function objectivesTable(
  itemsBy: Map<number, Located<WorkplanRow>[]>,
  decisionsBy: Map<number, Located<Decision>[]>,
): ReportTable {
  return {
    id: 'objectives',
    title: t('reports.gcm.objectives.title'),
    columns: [
      { header: t('reports.col.gcm-objective'), kind: 'text', width: 100 },
      { header: t('reports.col.objective'), kind: 'text', width: 360 },
      { header: t('reports.col.key-actions'), kind: 'count', width: 100 },
      { header: t('reports.col.budget'), kind: 'money' },
      { header: t('reports.col.funded'), kind: 'money' },
      { header: t('reports.col.decisions'), kind: 'count' },
      { header: t('reports.col.workplan-ids'), kind: 'text', width: 200 },
      { header: t('reports.col.decision-ids'), kind: 'text', width: 200 },
    ],
    rows: gcmObjectives().map((o) => {
      const w = itemsBy.get(o.number) ?? [];
      const d = decisionsBy.get(o.number) ?? [];
      const f = funding(w);
      return [String(o.number), o.title, f.items, f.budget, f.funded, d.length, ids(w), ids(d)];
    }),
    totals: null,
    note: t('reports.gcm.objectives.note'),
    empty: '',
  };
}

/** Per objective, each key action and decision that serves it, with what it achieved. */
function contributionsTable(
  itemsBy: Map<number, Located<WorkplanRow>[]>,
  decisionsBy: Map<number, Located<Decision>[]>,
): ReportTable {
  const rows: ReportCell[][] = [];
  for (const o of gcmObjectives()) {
    for (const w of itemsBy.get(o.number) ?? [])
      rows.push([
        String(o.number),
        rowLink('Workplan', w.row, w.id),
        t('reports.gcm.contributions.key-action'),
        w.keyAction,
        w.leadAgency.trim(),
        w.status ?? '',
        w.resultsToDate.trim() || w.expectedResult.trim(),
      ]);
    for (const d of decisionsBy.get(o.number) ?? [])
      rows.push([String(o.number), rowLink('Decisions', d.row, d.id), d.kind, d.title, '', d.outcome, d.decision]);
  }
  return {
    id: 'contributions',
    title: t('reports.gcm.contributions.title'),
    columns: [
      { header: t('reports.col.gcm-objective'), kind: 'text', width: 100 },
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.kind'), kind: 'text', width: 110 },
      { header: t('reports.col.key-action-or-decision'), kind: 'text', width: 300 },
      { header: t('reports.col.lead-agency'), kind: 'text', width: 90 },
      { header: t('reports.col.status'), kind: 'text', width: 90 },
      { header: t('reports.col.results'), kind: 'text', width: 360 },
    ],
    rows,
    totals: null,
    note: t('reports.gcm.contributions.note'),
    empty: t('reports.gcm.contributions.empty'),
  };
}

function principlesTable(items: readonly Located<WorkplanRow>[]): ReportTable {
  const by = groupBy(items, (w) => w.guidingPrinciples);
  const unnamed = gcmPrinciples().filter((p) => !by.has(p.title));
  return {
    id: 'principles',
    title: t('reports.gcm.principles.title'),
    columns: [
      { header: t('reports.col.principle'), kind: 'text', width: 260 },
      { header: t('reports.col.key-actions'), kind: 'count', width: 100 },
      { header: t('reports.col.workplan-ids'), kind: 'text', width: 320 },
    ],
    rows: gcmPrinciples().map((p) => {
      const named = by.get(p.title) ?? [];
      return [t('reports.gcm.principles.row', { letter: p.letter, title: p.label }), named.length, ids(named)];
    }),
    totals: null,
    note:
      unnamed.length === 0
        ? t('reports.gcm.principles.note-all')
        : t('reports.gcm.principles.note-unnamed', { principles: joinWords(unnamed.map((p) => p.label)) }),
    empty: '',
  };
}

function gapsTable(
  itemsBy: Map<number, readonly unknown[]>,
  decisionsBy: Map<number, readonly unknown[]>,
): ReportTable {
  const gaps = gcmObjectives().filter((o) => !itemsBy.has(o.number) && !decisionsBy.has(o.number));
  return {
    id: 'gaps',
    title: t('reports.gcm.gaps.title'),
    columns: [
      { header: t('reports.col.gcm-objective'), kind: 'text', width: 100 },
      { header: t('reports.col.objective'), kind: 'text', width: 360 },
    ],
    rows: gaps.map((o) => [String(o.number), o.title]),
    totals: null,
    note: t('reports.gcm.gaps.note'),
    empty: t('reports.gcm.gaps.empty'),
  };
}

export function gcmSummary(network: Network, { today, period: asked }: ReportOptions): Report {
  const period = asked ?? sinceLastReview(network, today);
  const items = network.workplan.records.filter((w) => w.status !== 'Dropped' && runsIn(w, period));
  const decisions = network.decisions.records.filter(
    (d) =>
      d.outcome === 'Adopted' && d.date >= period.from && d.date <= period.to && !PROCEDURAL_DECISIONS.includes(d.kind),
  );
  const itemsBy = groupBy(items, (w) => w.gcmObjectives);
  const decisionsBy = groupBy(decisions, (d) => d.gcmObjectives);
  const objectives = objectivesTable(itemsBy, decisionsBy);
  const principles = principlesTable(items);
  return {
    id: 'gcm-summary',
    title: t('reports.gcm.title', { period: periodWords(period) }),
    network: networkName(network),
    year: null,
    today,
    subtitle: t('reports.gcm.subtitle', { period: periodWords(period) }),
    notice: network.settings.confidentialityNotice,
    period,
    sections: [],
    tables: [
      objectives,
      contributionsTable(itemsBy, decisionsBy),
      gapsTable(itemsBy, decisionsBy),
      principles,
      sdgTable(items),
    ],
    charts: [
      { title: t('reports.gcm.chart.objectives'), table: objectives.id, category: 0, series: [2, 5] },
      { title: t('reports.gcm.chart.principles'), table: principles.id, category: 0, series: [1] },
    ],
  };
}
