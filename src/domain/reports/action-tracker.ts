/** The action tracker: the open action points, overdue first, and how each owner agency keeps up. */
import type { Located } from '../codec';
import { longDay } from '../email/render';
import { daysBetween, type IsoDay } from '../dates';
import { t } from '../i18n';
import type { Network } from '../network';
import type { Action } from '../tables';
import { keyOf } from '../words';
import { groupBy, inRegisterOrder, networkName, rowLink, share } from './figures';
import { OVERDUE_FILL, type Report, type ReportCell, type ReportTable } from './report';

/** RULES.md's actions.overdue: Open, with a Due day before today. */
export function isOverdue(a: Action, today: IsoDay): boolean {
  return a.status === 'Open' && a.due !== null && a.due < today;
}

function openActions(network: Network, today: IsoDay, agencies: readonly string[]): ReportTable {
  const rank = new Map(agencies.map((code, i) => [keyOf(code), i]));
  const open = network.actions.records
    .filter((a) => a.status === 'Open')
    .sort(
      (a, b) =>
        Number(isOverdue(b, today)) - Number(isOverdue(a, today)) ||
        (rank.get(keyOf(a.owner)) ?? Infinity) - (rank.get(keyOf(b.owner)) ?? Infinity) ||
        (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
        a.row - b.row,
    );
  return {
    id: 'open-actions',
    title: t('reports.actions.open.title'),
    columns: [
      { header: t('reports.col.id'), kind: 'link' },
      { header: t('reports.col.owner'), kind: 'text', width: 90 },
      { header: t('reports.col.action'), kind: 'text', width: 360 },
      { header: t('reports.col.source'), kind: 'text' },
      { header: t('reports.col.due'), kind: 'date' },
      { header: t('reports.col.days-overdue'), kind: 'count' },
      { header: t('reports.col.last-reminded-on'), kind: 'date', width: 120 },
      { header: t('reports.col.notes'), kind: 'text', width: 240 },
    ],
    rows: open.map((a) => [
      rowLink('Actions', a.row, a.id),
      a.owner.trim(),
      a.action,
      a.source.trim(),
      a.due,
      isOverdue(a, today) ? daysBetween(a.due!, today) : null,
      a.lastRemindedOn,
      a.notes,
    ]),
    totals: null,
    fills: open.map((a) => (isOverdue(a, today) ? OVERDUE_FILL : null)),
    note: t('reports.actions.open.note', { day: longDay(today) }),
    empty: t('reports.actions.open.empty'),
  };
}

interface Tally {
  open: number;
  overdue: number;
  done: number;
  dropped: number;
}

function tally(actions: readonly Action[], today: IsoDay): Tally {
  return {
    open: actions.filter((a) => a.status === 'Open').length,
    overdue: actions.filter((a) => isOverdue(a, today)).length,
    done: actions.filter((a) => a.status === 'Done').length,
    dropped: actions.filter((a) => a.status === 'Dropped').length,
  };
}

function tallyCells(t: Tally): ReportCell[] {
  return [t.open, t.overdue, t.done, t.dropped, share(t.done, t.done + t.open)];
}

function byAgency(actions: readonly Located<Action>[], today: IsoDay, agencies: readonly string[]): ReportTable {
  const groups = groupBy(actions, (a) => [keyOf(a.owner)]);
  const unowned = groups.get('') ?? [];
  const rows = agencies.map((code) => [code, ...tallyCells(tally(groups.get(keyOf(code)) ?? [], today))]);
  if (unowned.length > 0) rows.push([t('reports.actions.by-agency.no-owner'), ...tallyCells(tally(unowned, today))]);
  return {
    id: 'by-agency',
    title: t('reports.actions.by-agency.title'),
    columns: [
      { header: t('reports.col.agency'), kind: 'text', width: 110 },
      { header: t('reports.col.open'), kind: 'count' },
      { header: t('reports.col.overdue'), kind: 'count' },
      { header: t('reports.col.done'), kind: 'count' },
      { header: t('reports.col.dropped'), kind: 'count' },
      { header: t('reports.col.completion-rate'), kind: 'percent', width: 120 },
    ],
    rows,
    totals: [t('reports.total'), ...tallyCells(tally(actions, today))],
    note: t('reports.actions.by-agency.note'),
    empty: t('reports.actions.by-agency.empty'),
  };
}

export function actionTracker(network: Network, { today }: { today: IsoDay }): Report {
  const actions = network.actions.records;
  const agencies = inRegisterOrder(
    network,
    actions.map((a) => a.owner),
  );
  const agencyTable = byAgency(actions, today, agencies);
  return {
    id: 'action-tracker',
    title: t('reports.actions.title'),
    network: networkName(network),
    year: null,
    today,
    subtitle: t('reports.actions.subtitle'),
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: [],
    tables: [openActions(network, today, agencies), agencyTable],
    charts: [{ title: t('reports.actions.chart'), table: agencyTable.id, category: 0, series: [1, 2, 3] }],
  };
}
