/**
 * Workplan progress, for the UN Country Team: each key action of a year with its expected result,
 * partners, period, money, status and results to date; its money by status, lead agency, Cooperation
 * Framework outcome and GCM objective; and the cover note of what the network asks of the UNCT.
 */
import type { Located } from '../codec';
import type { IsoDay } from '../dates';
import { longDay } from '../email/render';
import { gcmObjective } from '../gcm';
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

const MONEY: readonly ReportColumn[] = [
  { header: 'Items', kind: 'count' },
  { header: 'Budget', kind: 'money' },
  { header: 'Funded', kind: 'money' },
  { header: 'Funding gap', kind: 'money', width: 120 },
];

/** RULES.md's workplan.overdue: its End has passed and it is neither Completed nor Dropped. */
function isLate(w: WorkplanRow, today: IsoDay): boolean {
  return w.end !== null && w.end < today && w.status !== 'Completed' && w.status !== 'Dropped';
}

function keyActions(items: readonly Located<WorkplanRow>[], year: number, today: IsoDay): ReportTable {
  return {
    id: 'key-actions',
    title: `Key actions of ${year}`,
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Key action', kind: 'text', width: 260 },
      { header: 'Expected result', kind: 'text', width: 220 },
      { header: 'Lead agency', kind: 'text', width: 90 },
      { header: 'Partner agencies', kind: 'text', width: 150 },
      { header: 'Start', kind: 'date', width: 120 },
      { header: 'End', kind: 'date', width: 120 },
      { header: 'Budget', kind: 'money' },
      { header: 'Funded', kind: 'money' },
      { header: 'Funding gap', kind: 'money', width: 120 },
      { header: 'Status', kind: 'text', width: 90 },
      { header: 'Progress', kind: 'percent' },
      { header: 'Results to date', kind: 'text', width: 280 },
      { header: 'Cooperation Framework outcome', kind: 'text', width: 200 },
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
        'Total',
        `${f.items} key actions`,
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
    note: `Highlighted in red: past its End on ${longDay(today)} and neither Completed nor Dropped. Funding gap: budget less funded.`,
    empty: `The Workplan has no key action for ${year}.`,
  };
}

/**
 * The items' money by one key of each item: a row per key in the order given, then the items with no
 * key (when there are any), and the workplan's totals.
 */
function fundingBy<K>(
  id: string,
  header: string,
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
    title: `By ${header.toLowerCase()}`,
    columns: [{ header, kind: 'text', width: header.length > 20 ? 260 : 110 }, ...MONEY],
    rows,
    totals: ['Total', ...fundingCells(funding(items))],
    note: '',
    empty: '',
  };
}

function byLead(network: Network, items: readonly WorkplanRow[]): ReportTable {
  const codes = inRegisterOrder(
    network,
    items.map((w) => w.leadAgency),
  ).map((code) => [keyOf(code), code] as const);
  return fundingBy('by-lead-agency', 'Lead agency', items, (w) => keyOf(w.leadAgency), codes, ['', '(no lead agency)']);
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
  if (none.length > 0) rows.push(['(none)', 'No GCM objective named', ...fundingCells(funding(none))]);
  return {
    id: 'by-gcm-objective',
    title: 'By GCM objective',
    columns: [
      { header: 'GCM objective', kind: 'text', width: 110 },
      { header: 'Objective', kind: 'text', width: 360 },
      ...MONEY,
    ],
    rows,
    totals: null,
    note: 'A key action that serves several objectives counts, with its whole budget, under each of them: the rows add up to more than the workplan.',
    empty: '',
  };
}

function byOutcome(items: readonly WorkplanRow[]): ReportTable {
  const outcomes = [...new Set(items.map((w) => w.cooperationFrameworkOutcome.trim()).filter((o) => o !== ''))];
  return fundingBy(
    'by-cf-outcome',
    'Cooperation Framework outcome',
    items,
    (w) => w.cooperationFrameworkOutcome.trim(),
    outcomes.map((o) => [o, o] as const),
    ['', '(no outcome named)'],
  );
}

function byStatus(items: readonly WorkplanRow[]): ReportTable {
  return fundingBy<WorkplanRow['status']>(
    'by-status',
    'Status',
    items,
    (w) => w.status,
    WORKPLAN_STATUSES.map((s) => [s, s] as const),
    [null, '(no status)'],
  );
}

export function workplanProgress(network: Network, { year, today, notes }: ReportOptions): Report {
  const items = workplanOf(network, year);
  const coverNote = notes?.coverNote ?? network.settings.unctCoverNote;
  const objectives = byObjective(items);
  const statuses = byStatus(items);
  return {
    id: 'workplan-progress',
    title: `Workplan progress ${year}`,
    network: networkName(network),
    year,
    today,
    subtitle: `Progress and funding of the ${year} annual workplan, for the UN Country Team.`,
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: sections({ title: 'Cover note', text: coverNote, place: 'before' }),
    tables: [keyActions(items, year, today), statuses, byLead(network, items), byOutcome(items), objectives],
    charts: [
      { title: 'Budget and funding by GCM objective (USD)', table: objectives.id, category: 0, series: [3, 4] },
      { title: 'Key actions by status', table: statuses.id, category: 0, series: [1] },
    ],
  };
}
