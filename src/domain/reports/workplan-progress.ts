/**
 * Workplan progress, for the UN Country Team: each key action of a year with its expected result,
 * partners, period, money, status and results to date; its money by status, lead agency, Cooperation
 * Framework outcome and GCM objective; and the cover note of what the network asks of the UNCT.
 */
import type { Located } from '../codec';
import type { IsoDay } from '../dates';
import { longDay } from '../email/render';
import { gcmObjective } from '../gcm';
import { t } from '../i18n';
import type { Network } from '../network';
import { WORKPLAN_STATUSES, type WorkplanRow } from '../tables';
import { keyOf } from '../words';
import {
  funding,
  fundingCells,
  fundingGap,
  groupBy,
  inRegisterOrder,
  networkName,
  rowLink,
  workplanOf,
} from './figures';
import { OVERDUE_FILL, sections, type ReportColumn, type ReportOptions, type ReportTable, type Report } from './report';

const money = (): ReportColumn[] => [
  { header: t('reports.col.items'), kind: 'count' },
  { header: t('reports.col.budget'), kind: 'money' },
  { header: t('reports.col.funded'), kind: 'money' },
  { header: t('reports.col.funding-gap'), kind: 'money', width: 120 },
];

/** RULES.md's workplan.overdue: its End has passed and it is neither Completed nor Dropped. */
function isLate(w: WorkplanRow, today: IsoDay): boolean {
  return w.end !== null && w.end < today && w.status !== 'Completed' && w.status !== 'Dropped';
}

function keyActions(items: readonly Located<WorkplanRow>[], year: number, today: IsoDay): ReportTable {
  return {
    id: 'key-actions',
    title: t('reports.workplan.key-actions.title', { year }),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.key-action'), kind: 'text', width: 260 },
      { header: t('reports.col.expected-result'), kind: 'text', width: 220 },
      { header: t('reports.col.lead-agency'), kind: 'text', width: 90 },
      { header: t('reports.col.partner-agencies'), kind: 'text', width: 150 },
      { header: t('reports.col.start'), kind: 'date', width: 120 },
      { header: t('reports.col.end'), kind: 'date', width: 120 },
      { header: t('reports.col.budget'), kind: 'money' },
      { header: t('reports.col.funded'), kind: 'money' },
      { header: t('reports.col.funding-gap'), kind: 'money', width: 120 },
      { header: t('reports.col.status'), kind: 'text', width: 90 },
      { header: t('reports.col.progress'), kind: 'percent' },
      { header: t('reports.col.results-to-date'), kind: 'text', width: 280 },
      { header: t('reports.col.cf-outcome'), kind: 'text', width: 200 },
    ],
    rows: items.map((w) => [
      rowLink('Workplan', w.row, w.id),
      w.keyAction,
      w.expectedResult,
      w.leadAgency.trim(),
      w.partnerAgencies.join(', '),
      w.start,
      w.end,
      w.budgetUsd,
      w.fundedUsd,
      fundingGap(w),
      w.status,
      w.progressPct === null ? null : w.progressPct / 100,
      w.resultsToDate,
      w.cooperationFrameworkOutcome,
    ]),
    totals: (() => {
      const f = funding(items);
      return [
        t('reports.total'),
        t('reports.workplan.key-actions.count', { n: f.items }),
        null,
        null,
        null,
        null,
        null,
        f.budget,
        f.funded,
        f.gap,
        null,
        null,
        null,
        null,
      ];
    })(),
    fills: items.map((w) => (isLate(w, today) ? OVERDUE_FILL : null)),
    note: t('reports.workplan.key-actions.note', { day: longDay(today) }),
    empty: t('reports.workplan.key-actions.empty', { year }),
  };
}

/**
 * The items' money by one key of each item: a row per key in the order given, then the items with no
 * key (when there are any), and the workplan's totals.
 */
function fundingBy<K>(
  id: string,
  header: string,
  title: string,
  items: readonly WorkplanRow[],
  keyOf: (w: WorkplanRow) => K,
  keys: readonly (readonly [K, string])[],
  none: readonly [K, string],
): ReportTable {
  const groups = groupBy(items, (w) => [keyOf(w)]);
  const rows = keys.map(([k, label]) => [label, ...fundingCells(funding(groups.get(k) ?? []))]);
  const blank = groups.get(none[0]) ?? [];
  if (blank.length > 0) rows.push([none[1], ...fundingCells(funding(blank))]);
  return {
    id,
    title,
    columns: [{ header, kind: 'text', width: header.length > 20 ? 260 : 110 }, ...money()],
    rows,
    totals: [t('reports.total'), ...fundingCells(funding(items))],
    note: '',
    empty: '',
  };
}

function byLead(network: Network, items: readonly WorkplanRow[]): ReportTable {
  const codes = inRegisterOrder(
    network,
    items.map((w) => w.leadAgency),
  ).map((code) => [keyOf(code), code] as const);
  return fundingBy(
    'by-lead-agency',
    t('reports.col.lead-agency'),
    t('reports.workplan.by-lead.title'),
    items,
    (w) => keyOf(w.leadAgency),
    codes,
    ['', t('reports.workplan.by-lead.none')],
  );
}

function byObjective(items: readonly WorkplanRow[]): ReportTable {
  const groups = groupBy(items, (w) => w.gcmObjectives);
  const numbers = [...groups.keys()].sort((a, b) => a - b);
  const rows = numbers.map((n) => [
    String(n),
    gcmObjective(n)?.title ?? '',
    ...fundingCells(funding(groups.get(n) ?? [])),
  ]);
  const none = items.filter((w) => w.gcmObjectives.length === 0);
  if (none.length > 0)
    rows.push([
      t('reports.workplan.by-objective.none'),
      t('reports.workplan.by-objective.none-title'),
      ...fundingCells(funding(none)),
    ]);
  return {
    id: 'by-gcm-objective',
    title: t('reports.workplan.by-objective.title'),
    columns: [
      { header: t('reports.col.gcm-objective'), kind: 'text', width: 110 },
      { header: t('reports.col.objective'), kind: 'text', width: 360 },
      ...money(),
    ],
    rows,
    totals: null,
    note: t('reports.workplan.by-objective.note'),
    empty: '',
  };
}

function byOutcome(items: readonly WorkplanRow[]): ReportTable {
  const outcomes = [...new Set(items.map((w) => w.cooperationFrameworkOutcome.trim()).filter((o) => o !== ''))];
  return fundingBy(
    'by-cf-outcome',
    t('reports.col.cf-outcome'),
    t('reports.workplan.by-outcome.title'),
    items,
    (w) => w.cooperationFrameworkOutcome.trim(),
    outcomes.map((o) => [o, o] as const),
    ['', t('reports.workplan.by-outcome.none')],
  );
}

function byStatus(items: readonly WorkplanRow[]): ReportTable {
  return fundingBy<WorkplanRow['status']>(
    'by-status',
    t('reports.col.status'),
    t('reports.workplan.by-status.title'),
    items,
    (w) => w.status,
    WORKPLAN_STATUSES.map((s) => [s, s] as const),
    [null, t('reports.workplan.by-status.none')],
  );
}

export function workplanProgress(network: Network, { year, today, notes }: ReportOptions): Report {
  const items = workplanOf(network, year);
  const coverNote = notes?.coverNote ?? network.settings.unctCoverNote;
  const objectives = byObjective(items);
  const statuses = byStatus(items);
  return {
    id: 'workplan-progress',
    title: t('reports.workplan.title', { year }),
    network: networkName(network),
    year,
    today,
    subtitle: t('reports.workplan.subtitle', { year }),
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: sections({ title: t('reports.workplan.cover-note'), text: coverNote, place: 'before' }),
    tables: [keyActions(items, year, today), statuses, byLead(network, items), byOutcome(items), objectives],
    charts: [
      { title: t('reports.workplan.chart.objectives'), table: objectives.id, category: 0, series: [3, 4] },
      { title: t('reports.workplan.chart.statuses'), table: statuses.id, category: 0, series: [1] },
    ],
  };
}
