/**
 * What sets deliveries off: the hourly tick (circulations, reminders, and whatever a failure or the
 * quota held back), the edit trigger (minutes just approved), and the secretariat's "Circulate
 * minutes now" with its preview. All of them go through deliver(), so none can send a message twice.
 */
import { INBOX_PREFIX } from '../domain/consultations';
import { dueJobs } from '../domain/email/due';
import { EVENTS, Ledger } from '../domain/email/ledger';
import { networkName } from '../domain/email/minutes';
import {
  CirculationRequestSchema,
  previewMeetings,
  type CirculationPreview,
  type CirculationResult,
} from '../domain/email/preview';
import type { Network } from '../domain/network';
import type { Located } from '../domain/codec';
import { MeetingsTable, type Meeting } from '../domain/tables';
import { t } from '../domain/i18n';
import { keyOf } from '../domain/words';
import type { Ports } from '../ports';
import { NotAuthorizedError, requireSecretariat } from './authorize';
import { requireAutomationAccount } from './automation';
import { deliver, describeDelivery, DELIVERY_TABS, type DeliveryPorts, type DeliveryReport } from './deliver';
import { consultationUpkeep } from './consultations';
import { readNetwork } from './network';
import type { LockedTabs } from './repository';

/** Completes "Only the secretariat can …". */
function circulateCommand(): string {
  return t('app.tick.circulate-command');
}

/**
 * Every hour: the members' answers into Answers, the minutes due, the day's reminders, the
 * consultations' proposals, reminders and outcomes (a `No objection` one closed once its deadline has
 * passed), and what a failure or the quota held back. Most hours have nothing to do, which Settings, Meetings and Actions settle before the rest is read.
 */
export function hourlyTick(ports: TickPorts, options: TickOptions = {}): DeliveryReport {
  const authorize = options.anyCaller ? undefined : (network: Network) => void requireAutomationAccount(ports, network);
  const busy = () => Object.keys(ports.inbox.entries(INBOX_PREFIX)).length > 0;
  const prepare = (tabs: LockedTabs, network: Network) => consultationUpkeep(ports, tabs, network);
  return announce(
    ports,
    deliver(
      ports,
      { reminders: true, consultations: true, agendas: { pick: () => true, now: false } },
      { stopWhenIdle: true, busy, prepare, ...(authorize ? { authorize } : {}) },
    ),
  );
}

export interface TickOptions {
  /** The command line on a file of one's own: nobody else could have called it, and no account is signed in to check. */
  readonly anyCaller?: boolean;
}

/** A trigger's ports: a toast tells whoever has the file open what the Log just recorded for them. */
export type TickPorts = DeliveryPorts & Partial<Pick<Ports, 'ui'>>;

function announce(ports: TickPorts, report: DeliveryReport): DeliveryReport {
  for (const message of report.announced) ports.ui?.toast(message, t('menu.title.automation'));
  return report;
}

/** The rows an edit touched, as the edit trigger reports them. */
export interface SheetEdit {
  readonly tab: string;
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * The installable edit trigger: an edit of the Meetings tab sends the minutes of the rows it touched
 * when they are due (approved, with a link, not yet out). Any other edit reads nothing.
 */
export function onSheetEdit(ports: TickPorts, edit: SheetEdit): DeliveryReport | null {
  if (edit.tab !== MeetingsTable.name) return null;
  const scope = { meetings: (m: { row: number }) => m.row >= edit.firstRow && m.row <= edit.lastRow, reminders: false };
  return announce(ports, deliver(ports, scope, { authorize: (network) => requireAutomationAccount(ports, network) }));
}

/** Sends the due minutes of the meetings named, for the secretariat only; checked again under the lock. */
export function circulateMeetings(ports: DeliveryPorts, ids: readonly string[]): DeliveryReport {
  const wanted = new Set(ids.map(keyOf));
  return deliver(
    ports,
    { meetings: (m) => wanted.has(keyOf(m.id)), reminders: false },
    { authorize: (network) => requireSecretariat(ports, network, circulateCommand()) },
  );
}

/** What the preview dialog shows: each due message's recipients, subject and HTML body. Writes nothing. */
export function circulationPreview(ports: Ports): CirculationPreview {
  const { network } = readNetwork(ports.workbook, DELIVERY_TABS);
  const base = { networkName: networkName(network), sender: ports.user.email(), quota: 0, meetings: [], blocked: [] };
  try {
    requireSecretariat(ports, network, circulateCommand());
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) throw error;
    return { ...base, refusal: error.message };
  }
  const due = dueJobs(network, ports.clock.today(), new Ledger(network.log.records), { reminders: false });
  return {
    ...base,
    quota: ports.mailer.remainingQuota(),
    meetings: previewMeetings(network.meetings.records, due.jobs),
    blocked: due.blocked,
    refusal: '',
  };
}

/**
 * The dialog's confirmation: sends what is still due of the meetings the person saw. A trigger that
 * sent them in the meantime leaves nothing to send. A refusal is thrown, for the dialog to show.
 */
export function confirmCirculation(ports: DeliveryPorts, input: unknown): CirculationResult {
  const parsed = CirculationRequestSchema.safeParse(input);
  if (!parsed.success) throw new Error(t('app.tick.no-meetings'));
  const report = circulateMeetings(ports, parsed.data.meetings);
  return { sent: report.delivered.filter((d) => d.outcome === 'Sent').length, lines: describeDelivery(report) };
}

/** Completes "Only the secretariat can …". */
function agendaCommand(): string {
  return t('app.tick.agenda-command');
}

/** The title of the agenda's dialogs. */
function agendaTitle(): string {
  return t('app.tick.agenda-title');
}

/** Whether a planned meeting's agenda could go now: it has a link and has not gone. */
function agendaReady(m: Located<Meeting>, today: string): boolean {
  return m.status === 'Planned' && m.agendaLink.trim() !== '' && m.agendaCirculatedOn === null && m.date >= today;
}

/**
 * "Circulate agenda now…": a preview of each agenda that could go before its due day (subject and
 * recipients), then the meeting the secretariat names goes at once, with its invitation, through the
 * same exactly-once path as the tick. Nothing goes unless a meeting ID is typed.
 */
export function circulateAgendaNow(ports: Ports): DeliveryReport | null {
  const { network } = readNetwork(ports.workbook, DELIVERY_TABS);
  try {
    requireSecretariat(ports, network, agendaCommand());
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) throw error;
    ports.ui.alert(error.message, agendaTitle());
    return null;
  }
  const today = ports.clock.today();
  const agendas = { pick: (m: Located<Meeting>) => agendaReady(m, today), now: true };
  const due = dueJobs(network, today, new Ledger(network.log.records), { meetings: null, reminders: false, agendas });
  const jobs = due.jobs.filter((j) => keyOf(j.event) === keyOf(EVENTS.agendaCirculated) && j.messages.length > 0);
  const blocked = due.blocked.map((b) => t('app.deliver.cannot-send', { reason: b.reason }));
  if (jobs.length === 0) {
    ports.ui.alert([t('app.tick.no-agenda'), ...blocked].join('\n'), agendaTitle());
    return null;
  }
  const preview = jobs.map((j) => {
    const to = j.messages.flatMap((m) => m.to);
    return t('app.tick.agenda-preview', {
      id: j.ref,
      count: to.length,
      recipients: to.join(', '),
      subject: j.messages[0]!.subject,
    });
  });
  const answer = ports.ui.prompt([...preview, ...blocked, '', t('app.tick.agenda-ask')].join('\n'), agendaTitle());
  if (answer === null || answer === '') return null;
  const chosen = jobs.find((j) => keyOf(j.ref) === keyOf(answer));
  if (chosen === undefined) {
    ports.ui.alert(t('app.tick.agenda-not-one', { answer, ids: jobs.map((j) => j.ref).join(', ') }), agendaTitle());
    return null;
  }
  const report = deliver(
    ports,
    { meetings: null, reminders: false, agendas: { pick: (m) => keyOf(m.id) === keyOf(chosen.ref), now: true } },
    { authorize: (fresh) => requireSecretariat(ports, fresh, agendaCommand()) },
  );
  ports.ui.alert(describeDelivery(report).join('\n'), agendaTitle());
  return report;
}
