/** The member list: who the members are and whom to write to, ready to share with the members. */
import type { IsoDay } from '../dates';
import { longDay } from '../email/render';
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
    title: 'Members',
    columns: [
      { header: 'Agency', kind: 'link', width: 100 },
      { header: 'Name', kind: 'text', width: 320 },
      { header: 'Roles', kind: 'text', width: 200 },
      { header: 'Status', kind: 'text', width: 90 },
      { header: 'Joined on', kind: 'date' },
    ],
    rows: members.map((m) => [
      rowLink('Members', m.row, m.agency.trim()),
      m.name,
      m.roles.join(', '),
      m.status,
      m.joinedOn,
    ]),
    totals: null,
    note: `The members on ${longDay(today)}: applicants (Pending) and members that have withdrawn or left are not listed.`,
    empty: 'The register lists no members.',
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
    title: 'Focal points',
    columns: [
      { header: 'Agency', kind: 'link', width: 100 },
      { header: 'Name', kind: 'text', width: 200 },
      { header: 'Position', kind: 'text', width: 260 },
      { header: 'Email', kind: 'text', width: 240 },
      { header: 'Kind', kind: 'text', width: 90 },
    ],
    rows: focalPoints.map((fp) => [
      rowLink('Focal points', fp.row, fp.agency.trim()),
      fp.name,
      fp.position,
      fp.email,
      fp.kind,
    ]),
    totals: null,
    note: 'Active focal points of the listed members, primary before alternate.',
    empty: 'No active focal point is recorded.',
  };
  return {
    id: 'member-list',
    title: 'Member list',
    network: networkName(network),
    year: null,
    today,
    subtitle: `${members.length} member entities and ${focalPoints.length} focal points, for sharing with the members.`,
    notice: network.settings.confidentialityNotice,
    period: null,
    sections: [],
    tables: [memberTable, focalTable],
    charts: [],
  };
}
