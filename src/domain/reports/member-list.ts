/** The member list: who the members are and whom to write to, ready to share with the members. */
import type { IsoDay } from '../dates';
import { longDay } from '../email/render';
import { t } from '../i18n';
import { isActiveOn } from '../membership';
import type { Network } from '../network';
import { FOCAL_KINDS } from '../tables';
import { keyOf } from '../words';
import { networkName, rowLink } from './figures';
import type { Report, ReportTable } from './report';

export function memberList(network: Network, { today }: { today: IsoDay }): Report {
  const members = network.members.records.filter((m) => isActiveOn(m, today));
  const order = new Map<string, number>();
  members.forEach((m, i) => {
    if (!order.has(keyOf(m.agency))) order.set(keyOf(m.agency), i);
  });
  const memberTable: ReportTable = {
    id: 'members',
    title: t('reports.members.members.title'),
    columns: [
      { header: t('reports.col.agency'), kind: 'link', width: 100 },
      { header: t('reports.col.name'), kind: 'text', width: 320 },
      { header: t('reports.col.roles'), kind: 'text', width: 200 },
      { header: t('reports.col.status'), kind: 'text', width: 90 },
      { header: t('reports.col.joined-on'), kind: 'date' },
    ],
    rows: members.map((m) => [
      rowLink('Members', m.row, m.agency.trim()),
      m.name,
      m.roles.join(', '),
      m.status,
      m.joinedOn,
    ]),
    totals: null,
    note: t('reports.members.members.note', { day: longDay(today) }),
    empty: t('reports.members.members.empty'),
  };
  const kindOrder = (kind: string | null) =>
    kind === null ? FOCAL_KINDS.length : FOCAL_KINDS.indexOf(kind as (typeof FOCAL_KINDS)[number]);
  const focalPoints = network.focalPoints.records
    .filter((fp) => fp.active === true && order.has(keyOf(fp.agency)))
    .sort(
      (a, b) =>
        order.get(keyOf(a.agency))! - order.get(keyOf(b.agency))! ||
        kindOrder(a.kind) - kindOrder(b.kind) ||
        a.row - b.row,
    );
  const focalTable: ReportTable = {
    id: 'focal-points',
    title: t('reports.members.focal.title'),
    columns: [
      { header: t('reports.col.agency'), kind: 'link', width: 100 },
      { header: t('reports.col.name'), kind: 'text', width: 200 },
      { header: t('reports.col.position'), kind: 'text', width: 260 },
      { header: t('reports.col.email'), kind: 'text', width: 240 },
      { header: t('reports.col.kind'), kind: 'text', width: 90 },
    ],
    rows: focalPoints.map((fp) => [
      rowLink('Focal points', fp.row, fp.agency.trim()),
      fp.name,
      fp.position,
      fp.email,
      fp.kind,
    ]),
    totals: null,
    note: t('reports.members.focal.note'),
    empty: t('reports.members.focal.empty'),
  };
  return {
    id: 'member-list',
    title: t('reports.members.title'),
    network: networkName(network),
    year: null,
    today,
    subtitle: t('reports.members.subtitle', { members: members.length, focal: focalPoints.length }),
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: [],
    tables: [memberTable, focalTable],
    charts: [],
  };
}
