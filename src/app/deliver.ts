/**
 * The only code that decides whether a message goes out. Under the document lock, with the Log and
 * the dated columns read again (what was read before the lock is stale), for each message:
 *   skip what is sent or claimed (the domain leaves it out of the due jobs);
 *   check time left and quota (a `Deferred` row when the quota cannot cover it);
 *   claim: a `Sending` Log row (and a reminder's "Last reminded on"), flushed;
 *   send;
 *   confirm: a `Sent` Log row (and "Minutes circulated on" once every recipient has it), flushed.
 * A send that throws gets a `Failed` row and goes again at the next tick. An execution killed between
 * claim and confirmation leaves a `Sending` row alone: never sent again, reported for a person to
 * check. Google's mail-merge sample marks rows after its loop, so a run killed half-way resends
 * everything; here each message's mark is durable before the message goes.
 */
import type { Column } from '../domain/cells';
import type { IsoDay } from '../domain/dates';
import {
  consultationsOwed,
  dueJobs,
  isComplete,
  mayBeDue,
  packOwed,
  minutesOwed,
  openClaims,
  stoppedTabs,
  type Blocked,
  type DueScope,
  type Job,
  type Mark,
  type Message,
  type StoppedTab,
} from '../domain/email/due';
import { EVENTS, Ledger, messageKey, type Claim } from '../domain/email/ledger';
import { decodeNetworkReusing, type Network } from '../domain/network';
import {
  ActionsTable,
  AnswersTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  SettingsTable,
  type LogEntry,
} from '../domain/tables';
import { t } from '../domain/i18n';
import { emailKey, keyOf } from '../domain/words';
import type { Email, Ports, WorkbookPort } from '../ports';
import { withLockedTabs, writeIfUnchanged, type GuardedWrite, type LockedTabs } from './repository';
import { errorText } from '../domain/errors';

/** The tabs a delivery reads: who receives, what the minutes say, and the Log. */
export const DELIVERY_TABS = [
  SettingsTable,
  MembersTable,
  FocalPointsTable,
  MeetingsTable,
  DecisionsTable,
  ActionsTable,
  LogTable,
] as const;

/** Read first: whether anything can be due, and whether minutes are (the Decisions tab serves only them). */
const GLANCE_TABS = [SettingsTable, MeetingsTable, ActionsTable] as const;

/** Read first too where consultations are in scope; their answers only when something can be due. */
const CONSULTATION_TABS = { glance: [ConsultationsTable], rest: [AnswersTable] } as const;

/**
 * A message that failed this often today waits for tomorrow: an address Google keeps refusing would
 * otherwise add a Failed row to the Log every hour.
 */
export const FAILURES_A_DAY = 3;

/** No message starts after 4.5 of the 6 minutes an execution may run: the rest waits for the next tick. */
export const TIME_BUDGET_MS = 4.5 * 60_000;

export type DeliveryPorts = Pick<Ports, 'workbook' | 'clock' | 'lock' | 'mailer' | 'user' | 'stopwatch' | 'inbox'>;

export interface Delivered {
  readonly what: string;
  readonly event: string;
  readonly ref: string;
  readonly recipients: readonly string[];
  readonly outcome: 'Sent' | 'Failed' | 'Deferred' | 'Refused';
  readonly details: string;
}

export interface DeliveryReport {
  /** False when another execution held the document lock: nothing was sent or written. */
  readonly locked: boolean;
  readonly delivered: Delivered[];
  /** Claims never confirmed that a person must check: never sent again automatically. */
  readonly unconfirmed: Claim[];
  readonly blocked: Blocked[];
  /** Why it stopped before the end: the execution's time, or the day's mail quota. */
  readonly stopped: 'time' | 'quota' | null;
  /** A workbook that cannot remember what it sent (no Log tab): nothing was sent. */
  readonly problem: string;
  /** Tabs whose header the deliveries cannot trust: nothing of them went out. */
  readonly stoppedTabs: StoppedTab[];
  /** What this run told the Log for the first time (a tab stopped), for a toast. */
  readonly announced: string[];
}

export interface DeliveryOptions {
  /** Runs on the fresh read, under the lock, before anything is written or sent (throws to refuse). */
  readonly authorize?: (network: Network) => void;
  /** Stops after Settings, Meetings and Actions when nothing there can be due (the hourly tick). */
  readonly stopWhenIdle?: boolean;
  /** Work that waits outside the workbook (answers in the inbox): the tick does not stop idle. */
  readonly busy?: () => boolean;
  /** Runs after authorize, under the lock, before what is due is decided: writes records and returns the network as it then stands. */
  readonly prepare?: (tabs: LockedTabs, network: Network) => Network;
}

const NOTHING_DUE: Omit<DeliveryReport, 'locked'> = {
  delivered: [],
  unconfirmed: [],
  blocked: [],
  stopped: null,
  problem: '',
  stoppedTabs: [],
  announced: [],
};

/** Appends Log rows, stamped with the time and the user, below the Log as read under the lock. */
export class LogAppender {
  constructor(
    private readonly ports: Pick<Ports, 'clock' | 'user'>,
    private readonly tabs: LockedTabs,
  ) {}

  append(entry: Omit<LogEntry, 'timestamp' | 'actor'>): void {
    this.tabs.append(LogTable, [{ timestamp: this.ports.clock.now(), actor: this.ports.user.email(), ...entry }]);
  }
}

/** What a sent message's Log rows say: the event, the ID concerned, and the Details of its claim. */
export interface Sending {
  readonly event: string;
  readonly ref: string;
  readonly details: string;
}

/**
 * The one sender: claims the message with a `Sending` Log row, flushed so that the claim is durable
 * before the message goes, and sends it. Returns the error a send threw, for the caller to log as
 * `Failed` in its own words (and give its other claims back), or null once it went; the caller then
 * confirms with a `Sent` row. A run killed between the two leaves the claim, which the tick reports.
 */
export function sendClaimed(
  ports: Pick<Ports, 'workbook' | 'mailer'>,
  log: LogAppender,
  sending: Sending,
  email: Email,
): unknown {
  log.append({
    event: sending.event,
    ref: sending.ref,
    recipients: [...email.to],
    outcome: 'Sending',
    details: sending.details,
  });
  ports.workbook.flush();
  try {
    ports.mailer.send(email);
    return null;
  } catch (error) {
    return error ?? new Error(t('app.deliver.no-reason'));
  }
}

const MARK_TABLES = { Meetings: MeetingsTable, Actions: ActionsTable } as const;

interface Unwritten {
  readonly mark: Mark;
  readonly reason: string;
}

/** Writes dated cells into the rows with their IDs, each while it still reads what the tick read; returns those left alone. */
function writeMarks(workbook: WorkbookPort, marks: readonly Mark[]): Unwritten[] {
  const out: Unwritten[] = [];
  for (const tab of ['Meetings', 'Actions'] as const) {
    const mine = marks.filter((m) => m.tab === tab);
    if (mine.length === 0) continue;
    const writes: GuardedWrite[] = mine.map((m) => ({ id: m.id, field: m.field, was: m.was, value: m.day }));
    for (const { write, reason } of writeIfUnchanged(workbook, MARK_TABLES[tab], writes))
      out.push({ mark: mine[writes.indexOf(write)]!, reason });
  }
  return out;
}

function markHeader(mark: Mark): string {
  return ((MARK_TABLES[mark.tab].columns as Record<string, Column>)[mark.field] as Column).header;
}

/** Details that carry the job's tag, which the Ledger counts its rows by. */
function tagged(job: Job, details: string): string {
  return job.tag === '' ? details : `${details} ${job.tag}`;
}

/** What a date left unwritten means when the message went out already. */
function doneRetry(): string {
  return t('app.deliver.done-retry');
}

/** What a claim's date left unwritten means when it was to be given back. */
function undoCheck(): string {
  return t('app.deliver.undo-check');
}

/** The line of a claim never confirmed, for a person to check (a delivery's report and the automation status). */
export function unconfirmedLine(claim: Claim): string {
  return t('app.automation.unconfirmed', {
    event: claim.event,
    ref: claim.ref,
    recipients: claim.recipients.join(', '),
    timestamp: claim.timestamp,
  });
}

class Run {
  readonly delivered: Delivered[] = [];
  stopped: DeliveryReport['stopped'] = null;

  constructor(
    private readonly ports: DeliveryPorts,
    private readonly ledger: Ledger,
    private readonly log: LogAppender,
    private readonly today: IsoDay,
  ) {}

  private record(job: Job, message: Pick<Message, 'to'>, outcome: Delivered['outcome'], details: string): void {
    this.log.append({
      event: job.event,
      ref: job.ref,
      recipients: [...message.to],
      outcome,
      details: tagged(job, details),
    });
    this.delivered.push({ what: job.what, event: job.event, ref: job.ref, recipients: message.to, outcome, details });
  }

  private outOfTime(): boolean {
    const elapsed = this.ports.stopwatch?.elapsedMs() ?? 0;
    return elapsed > TIME_BUDGET_MS;
  }

  /** Whether the day's quota covers the message; when not, says so once a day in the Log. */
  private fits(job: Job, message: Message): boolean {
    const left = this.ports.mailer.remainingQuota();
    if (left >= message.to.length) return true;
    const details = t('app.deliver.quota', { count: message.to.length, left });
    if (!this.ledger.has(message.key, 'Deferred', this.today)) {
      this.record(job, message, 'Deferred', details);
      this.ports.workbook.flush();
    } else {
      this.delivered.push({
        what: job.what,
        event: job.event,
        ref: job.ref,
        recipients: message.to,
        outcome: 'Deferred',
        details,
      });
    }
    return false;
  }

  /** Writes marks; a Log line for each left alone (`then`: what happens to the delivery). Returns the IDs (by keyOf) left alone. */
  private mark(marks: readonly Mark[], then: string): Set<string> {
    const unwritten = writeMarks(this.ports.workbook, marks);
    for (const { mark, reason } of unwritten) {
      this.log.append({
        event: EVENTS.notWritten,
        ref: mark.id,
        recipients: [],
        outcome: null,
        details: t('app.deliver.not-written', { header: markHeader(mark), id: mark.id, reason, then }),
      });
    }
    return new Set(unwritten.map((u) => keyOf(u.mark.id)));
  }

  job(job: Job): void {
    const { workbook } = this.ports;
    if (job.refused.length > 0) {
      this.record(
        job,
        { to: job.refused },
        'Refused',
        t('app.deliver.refused', { what: job.what, count: job.refused.length, refusal: job.refusal }),
      );
    }
    const reached = new Set(job.confirmed);
    let claimHeld = false;
    let claimWritten = false;
    for (const message of job.messages) {
      if (this.ledger.failures(message.key, this.today) >= FAILURES_A_DAY) {
        const details = t('app.deliver.failed-today', { count: FAILURES_A_DAY });
        this.delivered.push({
          what: job.what,
          event: job.event,
          ref: job.ref,
          recipients: message.to,
          outcome: 'Deferred',
          details,
        });
        continue;
      }
      if (this.outOfTime()) this.stopped = 'time';
      else if (!this.fits(job, message)) this.stopped = 'quota';
      if (this.stopped !== null) return;
      if (!claimWritten && job.claim.marks.length > 0) {
        const unwritten = this.mark(job.claim.marks, t('app.deliver.waits', { what: job.what }));
        if (unwritten.size > 0) {
          // Nothing goes out on a claim half written: the dates that were written are given back.
          this.mark(
            job.claim.undo.filter((m) => !unwritten.has(keyOf(m.id))),
            undoCheck(),
          );
          workbook.flush();
          return;
        }
        claimWritten = claimHeld = true;
      }
      const error = sendClaimed(
        this.ports,
        this.log,
        { event: job.event, ref: job.ref, details: tagged(job, job.what) },
        {
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.replyTo === '' ? {} : { replyTo: message.replyTo }),
          ...(message.invitation ? { invitation: message.invitation } : {}),
        },
      );
      if (error !== null) {
        this.record(job, message, 'Failed', t('app.deliver.failed', { error: errorText(error) }));
        if (claimHeld) {
          this.mark(job.claim.undo, undoCheck());
          claimWritten = claimHeld = false;
        }
        workbook.flush();
        continue;
      }
      claimHeld = false;
      for (const r of message.to) reached.add(emailKey(r));
      this.record(job, message, 'Sent', job.what);
      if (isComplete(job, reached)) this.mark(job.done, doneRetry());
      workbook.flush();
    }
    if (job.messages.length === 0 && isComplete(job, reached)) {
      this.mark(job.done, doneRetry());
      workbook.flush();
    }
  }
}

/** Logs each claim never confirmed, once; returns whether it logged any. */
function reportClaims(claims: readonly Claim[], ledger: Ledger, log: LogAppender): boolean {
  let logged = false;
  for (const claim of claims) {
    if (ledger.has(messageKey(EVENTS.unconfirmed, claim.ref, claim.recipients), null, null)) continue;
    logged = true;
    log.append({
      event: EVENTS.unconfirmed,
      ref: claim.ref,
      recipients: [...claim.recipients],
      outcome: null,
      details: t('app.deliver.unconfirmed', { event: claim.event, timestamp: claim.timestamp, row: claim.row }),
    });
  }
  return logged;
}

/** Logs each stopped tab once (while its message stays the same); returns the messages logged now. */
function announceStopped(stopped: readonly StoppedTab[], network: Network, log: LogAppender): string[] {
  const said = new Set(
    network.log.records
      .filter((e) => keyOf(e.event) === keyOf(EVENTS.stopped))
      .map((e) => `${keyOf(e.ref)}|${e.details}`),
  );
  const fresh = stopped.filter((t) => !said.has(`${keyOf(t.tab)}|${t.message}`));
  for (const t of fresh)
    log.append({ event: EVENTS.stopped, ref: t.tab, recipients: [], outcome: null, details: t.message });
  return fresh.map((t) => t.message);
}

/**
 * Settings, Meetings and Actions first; the register and the Log only when something can be due,
 * and Decisions only when minutes are: an idle hour costs three reads.
 */
function readForDelivery(tabs: LockedTabs, today: IsoDay, scope: DueScope, options: DeliveryOptions): Network | null {
  const consultations = scope.consultations === true;
  const glance = tabs.readNetwork([...GLANCE_TABS, ...(consultations ? CONSULTATION_TABS.glance : [])]);
  const intact = stoppedTabs(glance.network, [MeetingsTable.name, ActionsTable.name]).length === 0;
  if (options.stopWhenIdle && intact && !mayBeDue(glance.network, today) && !(options.busy?.() ?? false)) return null;
  const rest = tabs.readNetwork([
    MembersTable,
    FocalPointsTable,
    ...(minutesOwed(glance.network, today) || packOwed(glance.network, today, scope) ? [DecisionsTable] : []),
    ...(consultations && (consultationsOwed(glance.network, today) || (options.busy?.() ?? false))
      ? CONSULTATION_TABS.rest
      : []),
    LogTable,
  ]);
  return decodeNetworkReusing({ ...glance.grids, ...rest.grids }, [glance, rest]);
}

function deliverLocked(
  ports: DeliveryPorts,
  tabs: LockedTabs,
  scope: DueScope,
  options: DeliveryOptions,
): DeliveryReport {
  const read = readForDelivery(tabs, ports.clock.today(), scope, options);
  if (read === null) return { ...NOTHING_DUE, locked: true };
  options.authorize?.(read);
  const stopped = stoppedTabs(read);
  const brokenLog = stopped.find((t) => t.tab === LogTable.name);
  // A Log that cannot be read cannot be written either: nothing is sent, and the status says why.
  if (brokenLog !== undefined)
    return { ...NOTHING_DUE, locked: true, problem: brokenLog.message, stoppedTabs: stopped };
  const network = options.prepare?.(tabs, read) ?? read;
  const today = ports.clock.today();
  const ledger = new Ledger(network.log.records);
  const log = new LogAppender(ports, tabs);
  const announced = announceStopped(stopped, network, log);
  if (announced.length > 0) ports.workbook.flush();
  const unconfirmed = openClaims(network, today, ledger);
  if (reportClaims(unconfirmed, ledger, log)) ports.workbook.flush();
  const due = dueJobs(network, today, ledger, scope);
  const run = new Run(ports, ledger, log, today);
  for (const job of due.jobs) {
    run.job(job);
    if (run.stopped !== null) break;
  }
  return {
    locked: true,
    delivered: run.delivered,
    unconfirmed,
    blocked: due.blocked,
    stopped: run.stopped,
    problem: '',
    stoppedTabs: stopped,
    announced,
  };
}

/**
 * Sends what is due in `scope`, exactly once. When another execution holds the document lock past
 * the port's wait, sends nothing and writes nothing: the next tick tries again.
 */
export function deliver(ports: DeliveryPorts, scope: DueScope, options: DeliveryOptions = {}): DeliveryReport {
  let entered = false;
  try {
    return withLockedTabs(ports, (tabs) => {
      entered = true;
      return deliverLocked(ports, tabs, scope, options);
    });
  } catch (error) {
    if (entered) throw error;
    return { ...NOTHING_DUE, locked: false, problem: errorText(error) };
  }
}

/** The report in a person's words, one line each. */
export function describeDelivery(report: DeliveryReport): string[] {
  if (!report.locked) return [t('app.deliver.busy', { problem: report.problem })];
  const lines = report.problem === '' ? report.stoppedTabs.map((tab) => tab.message) : [report.problem];
  for (const d of report.delivered) {
    const values = {
      outcome: d.outcome,
      what: d.what,
      count: d.recipients.length,
      recipient: d.recipients[0] ?? '',
      details: d.details,
    };
    lines.push(d.outcome === 'Sent' ? t('app.deliver.line.sent', values) : t('app.deliver.line.other', values));
  }
  if (report.stopped === 'time') lines.push(t('app.deliver.out-of-time'));
  for (const b of report.blocked) lines.push(t('app.deliver.cannot-send', { reason: b.reason }));
  for (const c of report.unconfirmed) lines.push(unconfirmedLine(c));
  if (lines.length === 0) lines.push(t('app.deliver.nothing-due'));
  return lines;
}
