/** The action tracker: the open action points, overdue first, and how each owner agency keeps up. */
import type { Located } from '../codec';
import { longDay } from '../email/render';
import { daysBetween, type IsoDay } from '../dates';
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
    title: 'Open action points',
    columns: [
      { header: 'ID', kind: 'link' },
      { header: 'Owner', kind: 'text', width: 90 },
      { header: 'Action', kind: 'text', width: 360 },
      { header: 'Source', kind: 'text' },
      { header: 'Due', kind: 'date' },
      { header: 'Days overdue', kind: 'count' },
      { header: 'Last reminded on', kind: 'date', width: 120 },
      { header: 'Notes', kind: 'text', width: 240 },
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
    note: `Overdue (due before ${longDay(today)}) first and highlighted in red, then by owner in register order and by due day.`,
    empty: 'No action point is open.',
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
  if (unowned.length > 0) rows.push(['(no owner)', ...tallyCells(tally(unowned, today))]);
  return {
    id: 'by-agency',
    title: 'By owner agency',
    columns: [
      { header: 'Agency', kind: 'text', width: 110 },
      { header: 'Open', kind: 'count' },
      { header: 'Overdue', kind: 'count' },
      { header: 'Done', kind: 'count' },
      { header: 'Dropped', kind: 'count' },
      { header: 'Completion rate', kind: 'percent', width: 120 },
    ],
    rows,
    totals: ['Total', ...tallyCells(tally(actions, today))],
    note: 'Completion rate: action points done out of those done or still open (dropped ones aside). Overdue ones are among the open.',
    empty: 'No action point is recorded.',
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
    title: 'Action tracker',
    network: networkName(network),
    year: null,
    today,
    subtitle: 'The action points the network agreed: what is open, what is late, and each owner agency’s record.',
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: [],
    tables: [openActions(network, today, agencies), agencyTable],
    charts: [{ title: 'Action points by owner agency', table: agencyTable.id, category: 0, series: [1, 2, 3] }],
  };
}
