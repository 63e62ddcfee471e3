/**
 * A simulated year of a busy network: dist/Code.js over the Apps Script fake, one hourly tick after
 * another, with people working between them (people.ts) and faults injected: a trigger firing twice,
 * a lock held by another execution, days with no mail quota or too little, a send failing, an execution
 * killed between two service calls (its unflushed writes lost) or after a send, an execution running
 * into the 6-minute limit, a person inserting, deleting or sorting rows of Meetings and Actions between
 * two of a tick's service calls (the document lock does not stop typing). Every mail is matched to the Log claim that preceded it as it goes; no Log
 * row may ever change; the other invariants are checked at the end. Seeded: a seed replays its year.
 */
import ICAL from 'ical.js';
import { decodeTable } from '../../src/domain/codec';
import { daysBetween, type IsoDay } from '../../src/domain/dates';
import { TIME_BUDGET_MS } from '../../src/app/deliver';
import { EVENTS } from '../../src/domain/email/ledger';
import { INBOX_PREFIX } from '../../src/domain/consultations';
import { consultationMailWhat } from '../../src/domain/email/due';
import { emailKey } from '../../src/domain/words';
import {
  ActionsTable,
  AnswersTable,
  ConsultationsTable,
  DecisionsTable,
  FocalPointsTable,
  LogTable,
  MeetingsTable,
  MembersTable,
  type TableDef,
} from '../../src/domain/tables';
import { createGasFake, type GasFake, type SentMail, type Value } from '../fakes/gas';
import { gridsOf } from '../domain/rules/support';
import { loadBundle, type Script } from '../support/bundle';
import { installClock, type SimClock } from './clock';
import { MAILING_LIST, RCO, SECRETARIAT, emailNetwork } from './network';
import { People, type Sim } from './people';

/** mulberry32: a small seeded PRNG, enough to replay a year from its seed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface YearOptions {
  readonly seed: number;
  readonly hours: number;
  /** A bug planted on purpose: the first circulation goes out twice, with no second claim. */
  readonly plantDoubleSend?: boolean;
  /** Told every 1,000 simulated hours how far the year has come. */
  readonly progress?: (line: string) => void;
}

export interface YearResult {
  readonly seed: number;
  readonly violations: string[];
  readonly stats: Record<string, number>;
}

const START = new Date(2026, 5, 15, 0, 0, 0).getTime();
const SIX_MINUTES = 6 * 60_000;
/** Quiet days at the end, with full quota and no faults, for what was held back to go out. */
const QUIET_HOURS = 3 * 24;
const MAIL_EVENTS = new Set<string>([
  EVENTS.circulated,
  EVENTS.archived,
  EVENTS.reminder,
  EVENTS.agenda,
  EVENTS.minutes,
  EVENTS.approval,
  EVENTS.agendaCirculated,
  EVENTS.invitationUpdated,
  EVENTS.invitationCancelled,
  EVENTS.consultation,
  EVENTS.consultationReminder,
  EVENTS.consultationOutcome,
  EVENTS.consultationWithdrawn,
]);
const AUTOMATION_FIELDS = new Set(['minutesCirculatedOn', 'sharedWithRcoOn', 'lastRemindedOn', 'agendaCirculatedOn']);
const LOCK_BUSY = /another run of the add-on is still working/i;
/** How likely a person edits Meetings or Actions before any one service call of a tick. */
const EDIT_CHANCE = 0.05;

interface Claim {
  readonly row: number;
  readonly event: string;
  readonly ref: string;
  readonly recipients: string[];
  readonly details: string;
  readonly day: IsoDay;
}

/** What goes wrong in one execution: it dies at a service call, or runs slow into the 6-minute limit; and whether its sends may fail or die. */
export type Fault = { kind: 'kill-at-call'; at: number } | { kind: 'slow'; msPerCall: number } | { kind: 'mail' };

export interface ExecuteOptions {
  readonly user?: string;
  readonly fault?: Fault | null;
  readonly ui?: boolean;
  /** A person sends this mail by hand (a report): it is logged after it goes, not claimed before. */
  readonly manual?: boolean;
}

/** How an execution ended: with its return value, killed, refused the document lock, or thrown out to the person. */
export type Outcome =
  { readonly ended: 'ok'; readonly value: unknown } | { readonly ended: 'killed' | 'busy' | 'threw' };

const key = (event: string, ref: string, recipients: readonly string[]) =>
  `${event}|${ref}|${[...recipients]
    .map((r) => r.toLowerCase())
    .sort()
    .join(',')}`;
const dayOf = (d: Date): IsoDay =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const sameValue = (a: Value | undefined, b: Value | undefined) =>
  a instanceof Date || b instanceof Date
    ? a instanceof Date && b instanceof Date && a.getTime() === b.getTime()
    : (a ?? '') === (b ?? '');
const copyRow = (line: readonly Value[] | undefined): Value[] =>
  (line ?? []).map((v) => (v instanceof Date ? new Date(v.getTime()) : v));

export class Year implements Sim {
  readonly violations: string[] = [];
  readonly stats: Record<string, number> = {
    executions: 0,
    killed: 0,
    sixMinuteLimit: 0,
    stoppedInTime: 0,
    lockHeldByOther: 0,
    lockBusy: 0,
    doubleFired: 0,
    noQuotaDays: 0,
    lowQuotaDays: 0,
    failedSends: 0,
    mails: 0,
    invitations: 0,
    updates: 0,
    cancellations: 0,
    rowsInserted: 0,
    rowsDeleted: 0,
    tabsSorted: 0,
  };
  readonly fake: GasFake;
  readonly script: Script;
  private readonly random: () => number;
  private readonly people: People;
  private readonly mails: { mail: SentMail; claim: Claim | null }[] = [];
  private readonly claimedRows = new Set<number>();
  /** What people typed or the add-on recorded for them, by tab and ID: what must still be there at the end. */
  private readonly expected = new Map<TableDef, Map<string, Record<string, unknown>>>();
  /** Meetings whose minutes the add-on owes the network: approved and not circulated at the start, or approved since. */
  private readonly owed = new Set<string>();
  /** The answers the add-on took (ok: true): each must reach Answers under the agency of its focal point. */
  private readonly answers: { consultation: string; agency: string; answer: string; answeredBy: string }[] = [];
  /** The Log's rows as last seen: none may change. */
  private readonly logSeen: Value[][] = [];
  private fault: Fault | null = null;
  private manual = false;
  private pending: Claim | null = null;
  private callsThisExecution = 0;
  private startedAt = 0;
  private planted = false;
  private hour = 0;
  /** A tick is running: a person may edit between two of its calls. */
  private ticking = false;

  constructor(
    code: string,
    private readonly options: YearOptions,
    private readonly clock: SimClock,
  ) {
    this.random = prng(options.seed);
    const spec = emailNetwork();
    this.fake = createGasFake({
      owner: 'owner@un.org',
      activeUser: SECRETARIAT,
      sheets: gridsOf(spec),
      uiAvailable: false,
    });
    this.script = loadBundle(code, this.fake);
    for (const [def, records, id] of [
      [MembersTable, spec.members, 'agency'],
      [MeetingsTable, spec.meetings, 'id'],
      [DecisionsTable, spec.decisions, 'id'],
      [ActionsTable, spec.actions, 'id'],
    ] as const) {
      this.expected.set(
        def,
        new Map(records.map((r) => [String((r as Record<string, unknown>)[id]), { ...r } as Record<string, unknown>])),
      );
    }
    for (const m of spec.meetings) if (m.minutesApprovedOn && !m.minutesCirculatedOn) this.owed.add(m.id!);
    this.people = new People(this);
    this.hookCalls();
    this.hookMail();
    this.fake.person.between(() => {
      if (this.ticking && this.chance(EDIT_CHANCE)) this.personEdits();
    });
    this.checkLogUnchanged();
  }

  run(): YearResult {
    const { hours, progress } = this.options;
    for (this.hour = 0; this.hour < hours + QUIET_HOURS; this.hour++) {
      const quiet = this.hour >= hours;
      const at = new Date(START + this.hour * 3_600_000);
      this.clock.set(at.getTime());
      if (at.getHours() === 0) this.newDay(quiet);
      if (!quiet) this.people.work(at);
      this.tick(quiet);
      if (!quiet) this.people.afterTick();
      if (this.hour % 1000 === 999)
        progress?.(
          `${this.hour + 1} of ${hours} hours, ${this.violations.length} violations, Log ${this.logSeen.length} rows`,
        );
    }
    this.checkEnd();
    return {
      seed: this.options.seed,
      violations: this.violations,
      stats: { ...this.stats, ...this.people.stats, ...this.logStats() },
    };
  }

  // ---------- what people use ----------

  get today(): IsoDay {
    return dayOf(new Date());
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  records<T extends TableDef>(def: T) {
    return decodeTable(def, this.fake.sheetValues(def.name));
  }

  expect(def: TableDef, id: string, fields: Record<string, unknown>): void {
    const records = this.expected.get(def);
    if (records === undefined) return;
    records.set(id, { ...records.get(id), ...fields });
  }

  answered(answer: { consultation: string; agency: string; answer: string; answeredBy: string }): void {
    this.answers.push(answer);
  }

  owe(meeting: string): void {
    this.owed.add(meeting);
  }

  violation(text: string): void {
    this.violations.push(`hour ${this.hour} (${new Date().toISOString()}): ${text}`);
  }

  /** One execution: the fake's calls work again, and its writes land at its end unless it was killed. */
  execute(what: string, fn: () => unknown, options: ExecuteOptions = {}): Outcome {
    this.fake.nextExecution();
    this.fake.setContext({ activeUser: options.user ?? SECRETARIAT, uiAvailable: options.ui ?? false });
    this.fault = options.fault ?? null;
    this.manual = options.manual ?? false;
    this.callsThisExecution = 0;
    this.startedAt = Date.now();
    this.stats.executions!++;
    let outcome: Outcome;
    try {
      const value = fn();
      this.fake.globals.SpreadsheetApp.flush();
      outcome = { ended: 'ok', value };
      if (Date.now() - this.startedAt > TIME_BUDGET_MS) this.stats.stoppedInTime!++;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message === 'Exceeded maximum execution time') {
        this.stats.killed!++;
        outcome = { ended: 'killed' };
      } else if (LOCK_BUSY.test(message)) {
        this.stats.lockBusy!++;
        outcome = { ended: 'busy' };
      } else {
        this.violation(`${what} threw: ${message}`);
        outcome = { ended: 'threw' };
      }
    } finally {
      this.fault = null;
      this.manual = false;
      this.pending = null;
    }
    if (this.fake.locks.holder === 'this') {
      this.violation(`${what} ended holding the document lock`);
      this.fake.locks.holder = null;
    }
    this.checkLogUnchanged();
    return outcome;
  }

  randomFault(): Fault {
    const r = this.random();
    if (r < 0.03) return { kind: 'kill-at-call', at: 1 + Math.floor(this.random() * 60) };
    if (r < 0.05) return { kind: 'slow', msPerCall: 5_000 + Math.floor(this.random() * 10_000) };
    return { kind: 'mail' };
  }

  /** Runs `fn` while another execution holds the document lock. */
  withLockHeld<T>(fn: () => T): T {
    this.stats.lockHeldByOther!++;
    this.fake.locks.holdByOther();
    try {
      return fn();
    } finally {
      this.fake.locks.releaseOther();
    }
  }

  // ---------- the fake's hooks ----------

  /** Each service call may cost time, or be where the execution dies. */
  private hookCalls(): void {
    const calls = this.fake.calls;
    const record = calls.record.bind(calls);
    calls.record = (method: string) => {
      record(method);
      this.callsThisExecution++;
      const fault = this.fault;
      if (fault?.kind === 'slow') {
        this.clock.set(Date.now() + fault.msPerCall);
        if (Date.now() - this.startedAt > SIX_MINUTES) {
          this.stats.sixMinuteLimit!++;
          this.fake.kill();
        }
      }
      if (fault?.kind === 'kill-at-call' && this.callsThisExecution === fault.at) this.fake.kill();
    };
  }

  /** Every mail must follow its own claim: the newest Sending row of the Log not yet matched, for the same recipients. */
  private hookMail(): void {
    this.fake.mail.beforeSend = (mail) => {
      const recipients = [...mail.to, ...mail.cc, ...mail.bcc];
      const claim = this.manual ? null : this.newestClaim();
      if (!this.manual && claim === null)
        this.violation(
          `a mail to ${recipients.join(',')} ("${mail.subject}") went out with no Sending row before it in the Log`,
        );
      else if (claim !== null && key('', '', claim.recipients) !== key('', '', recipients))
        this.violation(
          `a mail to ${recipients.join(',')} went out under the claim of Log row ${claim.row} for ${claim.recipients.join(',')}`,
        );
      this.pending = claim;
      if (this.fault !== null && this.chance(0.1)) {
        this.stats.failedSends!++;
        throw new Error('Service unavailable: Gmail');
      }
    };
    this.fake.mail.afterSend = (mail) => {
      this.stats.mails!++;
      const claim = this.pending;
      this.mails.push({ mail, claim });
      if (this.options.plantDoubleSend && !this.planted && claim?.event === EVENTS.circulated) {
        this.planted = true;
        this.fake.globals.MailApp.sendEmail({
          to: mail.to.join(','),
          subject: mail.subject,
          body: mail.body,
          htmlBody: mail.htmlBody,
        });
      }
      if (this.fault !== null && this.chance(0.1)) this.fake.kill();
    };
  }

  /** The newest Sending row of the Log that no mail has matched yet: read from the bottom, up to the last one matched. */
  private newestClaim(): Claim | null {
    const rows = this.fake.sheet(LogTable.name).rows;
    const header = rows[0] ?? [];
    const outcomeAt = decodeTable(LogTable, [header]).header?.index.get('outcome');
    if (outcomeAt === undefined) return null;
    for (let i = rows.length - 1; i > 0; i--) {
      if (this.claimedRows.has(i + 1)) break;
      if (rows[i]?.[outcomeAt] !== 'Sending') continue;
      this.claimedRows.add(i + 1);
      const entry = decodeTable(LogTable, [header, rows[i]!]).records[0];
      if (entry === undefined) return null;
      return {
        row: i + 1,
        event: entry.event,
        ref: entry.ref,
        recipients: [...entry.recipients],
        details: entry.details,
        day: entry.timestamp.slice(0, 10),
      };
    }
    return null;
  }

  // ---------- days and ticks ----------

  /** Midnight: the mail quota comes back, in full on most days, not at all on some, short on others. */
  private newDay(quiet: boolean): void {
    const r = quiet ? 1 : this.random();
    if (r < 0.04) this.stats.noQuotaDays!++;
    else if (r < 0.08) this.stats.lowQuotaDays!++;
    this.fake.mail.remaining = r < 0.04 ? 0 : r < 0.08 ? this.int(1, 3) : 1500;
  }

  /** Between two calls of a tick: a blank row inserted, a blank row deleted, or a tab sorted by ID. */
  private personEdits(): void {
    const tab = this.pick([MeetingsTable.name, ActionsTable.name]);
    const rows = this.fake.sheetValues(tab);
    const r = this.random();
    if (r < 0.4) {
      this.fake.person.insertRows(tab, this.int(2, rows.length + 1));
      this.stats.rowsInserted!++;
    } else if (r < 0.7) {
      const blank = rows.findIndex((row, i) => i > 0 && row.every((v) => v === ''));
      if (blank < 0) return;
      this.fake.person.deleteRows(tab, blank + 1);
      this.stats.rowsDeleted!++;
    } else {
      this.fake.person.sortRows(tab, 1, this.chance(0.5));
      this.stats.tabsSorted!++;
    }
  }

  private tick(quiet: boolean): void {
    this.ticking = !quiet;
    try {
      this.ticks(quiet);
    } finally {
      this.ticking = false;
    }
  }

  private ticks(quiet: boolean): void {
    const run = () =>
      this.execute('hourlyTick', () => this.script.hourlyTick!(), { fault: quiet ? null : this.randomFault() });
    if (!quiet && this.chance(0.02)) this.withLockHeld(run);
    else run();
    if (!quiet && this.chance(0.02)) {
      this.stats.doubleFired!++;
      this.execute('hourlyTick (fired twice)', () => this.script.hourlyTick!(), { fault: this.randomFault() });
    }
  }

  // ---------- invariants ----------

  /** No Log row ever changes, whatever an execution did or how it died. */
  private checkLogUnchanged(): void {
    const sheet = this.fake.sheet(LogTable.name);
    const rows = sheet.rows;
    for (let i = 0; i < this.logSeen.length; i++) {
      const seen = this.logSeen[i]!;
      const now = rows[i] ?? [];
      const width = Math.max(seen.length, now.length);
      for (let j = 0; j < width; j++) {
        if (sameValue(seen[j], now[j])) continue;
        this.violation(`Log row ${i + 1} changed from ${JSON.stringify(seen)} to ${JSON.stringify(now)}`);
        this.logSeen[i] = copyRow(now);
        break;
      }
    }
    for (let i = this.logSeen.length, last = sheet._lastRow(); i < last; i++) this.logSeen.push(copyRow(rows[i]));
  }

  private checkEnd(): void {
    this.checkMinutes();
    this.checkReminders();
    this.checkLogMatchesMail();
    this.checkRows();
    this.checkDates();
    this.checkConsultations();
    this.checkInvitations();
  }

  /**
   * No invitation (UID and SEQUENCE) reached anyone twice; each meeting's sequences follow one
   * another from 0; a planned meeting's last invitation names its date as it stands, and a cancelled
   * one's is a cancellation, unless its last claim is reported as uncertain.
   */
  private checkInvitations(): void {
    const reported = this.unconfirmedReported();
    const byMeeting = new Map<string, { sequence: number; method: string; start: string; to: string[] }[]>();
    const seen = new Set<string>();
    for (const { mail } of this.mails) {
      const ics = mail.attachments.find((a) => a.contentType === 'text/calendar')?.text;
      if (ics === undefined) continue;
      const calendar = new ICAL.Component(ICAL.parse(ics));
      const event = calendar.getFirstSubcomponent('vevent')!;
      const uid = String(event.getFirstPropertyValue('uid'));
      const sequence = Number(event.getFirstPropertyValue('sequence'));
      const method = String(calendar.getFirstPropertyValue('method'));
      for (const to of mail.to) {
        const k = `${uid}|${sequence}|${to.toLowerCase()}`;
        if (seen.has(k)) this.violation(`the invitation ${uid} sequence ${sequence} went to ${to} twice`);
        seen.add(k);
      }
      const id = uid.split('@')[0]!;
      const list = byMeeting.get(id) ?? [];
      list.push({ sequence, method, start: String(event.getFirstPropertyValue('dtstart')).slice(0, 10), to: mail.to });
      byMeeting.set(id, list);
      this.stats.invitations!++;
      if (sequence > 0) this.stats[method === 'CANCEL' ? 'cancellations' : 'updates']!++;
    }
    const meetings = new Map(this.records(MeetingsTable).records.map((m) => [m.id.toUpperCase(), m]));
    for (const [id, sent] of byMeeting) {
      const sequences = [...new Set(sent.map((s) => s.sequence))].sort((a, b) => a - b);
      if (sequences.some((n, i) => n !== i))
        this.violation(`${id}'s invitations skipped a sequence: ${sequences.join(', ')}`);
      const meeting = meetings.get(id);
      if (
        meeting === undefined ||
        reported.has(`${meeting.id}|`) ||
        [...reported].some((r) => r.startsWith(`${meeting.id}|`))
      )
        continue;
      const last = sent[sent.length - 1]!;
      if (meeting.status === 'Planned' && meeting.date >= this.today && last.start !== meeting.date)
        this.violation(`${id} is planned for ${meeting.date}, and its last invitation said ${last.start}`);
      if (meeting.status === 'Cancelled' && meeting.date >= this.today && last.method !== 'CANCEL')
        this.violation(`${id} is cancelled, and no cancellation of its invitation went out`);
    }
  }

  /**
   * Each consultation's proposal went to each member at most once (once, or reported uncertain, to
   * those still active while it is open); every answer taken is in Answers once, under the agency of
   * the focal point who gave it; the inbox is empty after the quiet days.
   */
  private checkConsultations(): void {
    const waiting = this.fake.properties.document.getKeys().filter((k) => k.startsWith(INBOX_PREFIX));
    if (waiting.length > 0) this.violation(`${waiting.length} answers are still in the inbox after the quiet days`);
    const sent = new Map<string, number>();
    for (const { claim } of this.mails)
      if (claim?.event === EVENTS.consultation)
        sent.set(`${claim.ref}|${claim.details}`, (sent.get(`${claim.ref}|${claim.details}`) ?? 0) + 1);
    for (const [k, n] of sent) if (n > 1) this.violation(`the proposal ${k} went out ${n} times`);
    const notices = new Map<string, number>();
    for (const { claim } of this.mails)
      if (claim?.event === EVENTS.consultationWithdrawn) notices.set(claim.ref, (notices.get(claim.ref) ?? 0) + 1);
    for (const [id, n] of notices) if (n > 1) this.violation(`the withdrawal of ${id} was told ${n} times`);
    const reported = new Set(
      this.records(LogTable)
        .records.filter((e) => e.event === EVENTS.unconfirmed)
        .map((e) => e.ref),
    );
    const log = this.records(LogTable).records;
    const active = new Set(
      this.records(MembersTable)
        .records.filter((m) => m.status === 'Active')
        .map((m) => m.agency),
    );
    const refused = new Set(log.filter((e) => e.outcome === 'Refused').flatMap((e) => e.recipients.map(emailKey)));
    const focalPoints = this.records(FocalPointsTable).records;
    const primaries = (agency: string) =>
      focalPoints
        .filter((f) => f.agency === agency && f.active === true && f.kind === 'Primary' && f.email !== '')
        .map((f) => f.email);
    for (const c of this.records(ConsultationsTable).records) {
      if (c.deadline < this.today || c.status === 'Withdrawn') continue;
      const opened = log.find((e) => e.event === 'Consultation opened' && e.ref === c.id);
      const asked = (opened?.details.split('; ').at(-1) ?? '').split(', ').filter((a) => active.has(a));
      for (const agency of asked) {
        // A member whose every Primary focal point is held back (a personal address where corporate
        // domains are set, with its Refused row) or missing cannot be written to: the add-on says so.
        if (!primaries(agency).some((email) => !refused.has(emailKey(email)))) continue;
        if ((sent.get(`${c.id}|${consultationMailWhat(c.id, 'proposal', agency)}`) ?? 0) === 0 && !reported.has(c.id))
          this.violation(`${c.id}'s proposal never went to ${agency}`);
      }
    }
    const focal = this.records(FocalPointsTable).records;
    const rows = this.records(AnswersTable).records;
    for (const a of rows) {
      if (!focal.some((f) => f.agency === a.agency && f.email === a.answeredBy))
        this.violation(`an answer of ${a.answeredBy} to ${a.consultation} is attributed to ${a.agency}`);
    }
    const unmatched = [...rows];
    for (const a of this.answers) {
      const at = unmatched.findIndex(
        (r) =>
          r.consultation === a.consultation &&
          r.agency === a.agency &&
          r.answer === a.answer &&
          r.answeredBy === a.answeredBy,
      );
      if (at < 0) this.violation(`${a.answeredBy}'s answer ${a.answer} to ${a.consultation} for ${a.agency} was lost`);
      else unmatched.splice(at, 1);
    }
  }

  /**
   * Each date the add-on writes stands on the row whose ID the Log names: a circulation or archive
   * date on a meeting whose delivery the Log records, a reminder date on an action that a claim of
   * that day listed. A date written by row number onto a row a person moved breaks this.
   */
  private checkDates(): void {
    const log = this.records(LogTable).records;
    const typed = (def: TableDef, id: string, field: string) => this.expected.get(def)?.get(id)?.[field] ?? null;
    for (const m of this.records(MeetingsTable).records) {
      for (const [field, event] of [
        ['minutesCirculatedOn', EVENTS.circulated],
        ['sharedWithRcoOn', EVENTS.archived],
      ] as const) {
        if (m[field] === null || typed(MeetingsTable, m.id, field) !== null) continue;
        if (!log.some((e) => e.event === event && e.ref === m.id && (e.outcome === 'Sent' || e.outcome === 'Sending')))
          this.violation(`${m.id}'s ${field} is ${m[field]}, and the Log has no ${event} of it`);
      }
    }
    for (const a of this.records(ActionsTable).records) {
      if (a.lastRemindedOn === null || typed(ActionsTable, a.id, 'lastRemindedOn') === a.lastRemindedOn) continue;
      const claimed = log.some(
        (e) =>
          e.event === EVENTS.reminder &&
          e.outcome === 'Sending' &&
          e.timestamp.startsWith(a.lastRemindedOn!) &&
          e.details.includes(a.id),
      );
      if (!claimed)
        this.violation(`${a.id} was last reminded on ${a.lastRemindedOn}, and no reminder of that day listed it`);
    }
  }

  private unconfirmedReported(): Set<string> {
    return new Set(
      this.records(LogTable)
        .records.filter((e) => e.event === EVENTS.unconfirmed)
        .map((e) => `${e.ref}|${key('', '', e.recipients)}`),
    );
  }

  /** Each approved meeting's minutes reached the mailing list once and the RCO once, or the claim is reported as uncertain. */
  private checkMinutes(): void {
    const reported = this.unconfirmedReported();
    const log = this.records(LogTable).records;
    for (const meeting of this.records(MeetingsTable).records.filter((m) => this.owed.has(m.id))) {
      for (const [event, to, field] of [
        [EVENTS.circulated, MAILING_LIST, 'minutesCirculatedOn'],
        [EVENTS.archived, RCO, 'sharedWithRcoOn'],
      ] as const) {
        const k = key(event, meeting.id, [to]);
        const mails = this.mails.filter(
          (m) => m.claim !== null && key(m.claim.event, m.claim.ref, m.claim.recipients) === k,
        ).length;
        const rows = log.filter((e) => key(e.event, e.ref, e.recipients) === k);
        const confirmed = rows.some((e) => e.outcome === 'Sent');
        const uncertain = rows.some(
          (c) =>
            c.outcome === 'Sending' &&
            !rows.some((e) => e.row > c.row && (e.outcome === 'Sent' || e.outcome === 'Failed')),
        );
        if (mails > 1) this.violation(`${event} of ${meeting.id} went to ${to} ${mails} times`);
        else if (uncertain && !reported.has(`${meeting.id}|${key('', '', [to])}`))
          this.violation(
            `${event} of ${meeting.id} was claimed and never confirmed, and no "Delivery unconfirmed" row says so`,
          );
        else if (mails === 0 && !uncertain) this.violation(`${event} of ${meeting.id} never went to ${to}`);
        else if (mails === 1 && !confirmed && !uncertain)
          this.violation(`${event} of ${meeting.id} went out and the Log neither confirms it nor reports it uncertain`);
        if (confirmed && meeting[field] === null)
          this.violation(`${event} of ${meeting.id} is confirmed in the Log, and its row does not say so`);
      }
    }
    const sentTimes = new Map<string, number>();
    for (const { mail } of this.mails) {
      const k = `${mail.subject}|${key('', '', [...mail.to, ...mail.cc])}`;
      sentTimes.set(k, (sentTimes.get(k) ?? 0) + 1);
    }
    for (const [k, n] of sentTimes)
      if (n > 1 && /minutes/i.test(k) && !/reminder/i.test(k)) this.violation(`the mail "${k}" went out ${n} times`);
  }

  /** No action is reminded twice within seven days. */
  private checkReminders(): void {
    const last = new Map<string, IsoDay>();
    for (const { claim } of this.mails) {
      if (claim?.event !== EVENTS.reminder) continue;
      for (const action of claim.details.match(/A-\d{4}-\d{3}/g) ?? []) {
        const before = last.get(action);
        if (before !== undefined && daysBetween(before, claim.day) < 7)
          this.violation(`action ${action} was reminded on ${before} and again on ${claim.day}`);
        last.set(action, claim.day);
      }
    }
  }

  /** Every Sent row of the Log stands for a mail the mail service sent (claimed or sent by hand), and no more Sent rows than mails. */
  private checkLogMatchesMail(): void {
    const mailsBy = new Map<string, number>();
    const count = (k: string) => mailsBy.set(k, (mailsBy.get(k) ?? 0) + 1);
    for (const { mail, claim } of this.mails)
      count(claim ? key(claim.event, claim.ref, claim.recipients) : key('by hand', '', mail.to));
    const sentBy = new Map<string, number>();
    for (const e of this.records(LogTable).records) {
      if (e.outcome !== 'Sent') continue;
      const k = MAIL_EVENTS.has(e.event)
        ? key(e.event, e.ref, e.recipients)
        : e.recipients.length > 0
          ? key('by hand', '', e.recipients)
          : null;
      if (k !== null) sentBy.set(k, (sentBy.get(k) ?? 0) + 1);
    }
    const initial = new Map<string, number>();
    for (const e of emailNetwork().log)
      if (e.outcome === 'Sent' && e.recipients?.length)
        initial.set(key('by hand', '', e.recipients), (initial.get(key('by hand', '', e.recipients)) ?? 0) + 1);
    for (const [k, n] of sentBy) {
      const mails = (mailsBy.get(k) ?? 0) + (initial.get(k) ?? 0);
      if (n > mails) this.violation(`the Log has ${n} Sent rows for ${k} and the mail service sent ${mails}`);
    }
    if (this.fake.sentMail.length !== this.mails.length)
      this.violation(
        `the mail service sent ${this.fake.sentMail.length} mails and ${this.mails.length} were seen going out`,
      );
  }

  /** Every row a person typed or the sidebar recorded is there once, as typed. */
  private checkRows(): void {
    for (const [def, expected] of this.expected) {
      const idField = def === MembersTable ? 'agency' : 'id';
      const table = this.records(def);
      const seen = new Map<string, number>();
      for (const r of table.records) {
        const id = String((r as Record<string, unknown>)[idField]);
        seen.set(id, (seen.get(id) ?? 0) + 1);
      }
      for (const [id, n] of seen) if (n > 1) this.violation(`${def.name} holds ${id} ${n} times`);
      for (const [id, record] of expected) {
        const actual = table.records.find((r) => String((r as Record<string, unknown>)[idField]) === id) as
          Record<string, unknown> | undefined;
        if (!actual) {
          this.violation(`${def.name} lost ${id}`);
          continue;
        }
        for (const [field, value] of Object.entries(record)) {
          if (AUTOMATION_FIELDS.has(field)) continue;
          if (JSON.stringify(actual[field]) !== JSON.stringify(value))
            this.violation(
              `${def.name} ${id}: ${field} is ${JSON.stringify(actual[field])}, was typed as ${JSON.stringify(value)}`,
            );
        }
      }
    }
  }

  /** The Log's rows of mail and of what happened to it, by event and outcome, for the stats line. */
  private logStats(): Record<string, number> {
    const out: Record<string, number> = { logRows: this.logSeen.length - 1 };
    for (const e of this.records(LogTable).records) {
      const name =
        e.event === EVENTS.unconfirmed
          ? 'logUnconfirmed'
          : e.event === EVENTS.notWritten
            ? 'logDateNotWritten'
            : MAIL_EVENTS.has(e.event) && e.outcome !== null
              ? `log${e.outcome}`
              : null;
      if (name !== null) out[name] = (out[name] ?? 0) + 1;
    }
    return out;
  }
}

export function simulateYear(code: string, options: YearOptions): YearResult {
  const clock = installClock(START);
  try {
    return new Year(code, options, clock).run();
  } finally {
    clock.restore();
  }
}
