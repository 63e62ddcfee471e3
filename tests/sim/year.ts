/**
 * A simulated year of a busy network: dist/Code.js over the Apps Script fake, one hourly tick after
 * another, with people editing between them and faults injected (a trigger firing twice, a lock held
 * by another execution, days with no mail quota, a send failing, an execution killed between two
 * service calls or after a send, an execution running into the 6-minute limit). Every mail is matched
 * to the Log claim that preceded it as it goes; the invariants are checked at the end. Seeded: the same
 * seed replays the same year. The clock is Date, faked by the caller (vi.useFakeTimers).
 */
import { vi } from 'vitest';
import { decodeTable } from '../../src/domain/codec';
import { addDays, daysBetween, type IsoDay } from '../../src/domain/dates';
import { EVENTS } from '../../src/domain/email/ledger';
import { ActionsTable, DecisionsTable, FocalPointsTable, LogTable, MeetingsTable, MembersTable, type TableDef } from '../../src/domain/tables';
import { createGasFake, type GasFake, type SentMail } from '../fakes/gas';
import { gridOf, gridsOf } from '../domain/rules/support';
import { loadBundle, type Script } from '../support/bundle';
import { MAILING_LIST, RCO, SECRETARIAT, emailNetwork } from './network';

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
}

export interface YearResult {
  readonly seed: number;
  readonly violations: string[];
  readonly stats: Record<string, number>;
}

const START = new Date(2026, 5, 15, 0, 0, 0);
const SIX_MINUTES = 6 * 60_000;
/** Quiet days at the end, with full quota and no faults, for what was held back to go out. */
const QUIET_HOURS = 3 * 24;
const MAIL_EVENTS = new Set<string>([EVENTS.circulated, EVENTS.archived, EVENTS.reminder, EVENTS.agenda, EVENTS.minutes]);
const AUTOMATION_FIELDS = new Set(['minutesCirculatedOn', 'sharedWithRcoOn', 'lastRemindedOn']);

interface Claim {
  readonly row: number;
  readonly event: string;
  readonly ref: string;
  readonly recipients: string[];
  readonly details: string;
  readonly day: IsoDay;
  sent: boolean;
}

/** What goes wrong in one execution: it dies at a service call, or runs slow into the 6-minute limit; and whether its sends may fail or die. */
type Fault = { kind: 'kill-at-call'; at: number } | { kind: 'slow'; msPerCall: number } | { kind: 'mail' };

const key = (event: string, ref: string, recipients: readonly string[]) =>
  `${event}|${ref}|${[...recipients]
    .map((r) => r.toLowerCase())
    .sort()
    .join(',')}`;
const dayOf = (d: Date): IsoDay => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export class Year {
  readonly violations: string[] = [];
  readonly stats: Record<string, number> = {
    executions: 0,
    killed: 0,
    lockBusy: 0,
    failedSends: 0,
    mails: 0,
    meetings: 0,
    decisions: 0,
    actions: 0,
    members: 0,
    reports: 0,
    doubleFired: 0,
  };
  private readonly random: () => number;
  private readonly fake: GasFake;
  private readonly script: Script;
  private readonly mails: { mail: SentMail; claim: Claim | null }[] = [];
  private readonly claimedRows = new Set<number>();
  /** The records the people typed or the add-on recorded for them, by tab and ID: what must still be there. */
  private readonly expected = new Map<TableDef, Map<string, Record<string, unknown>>>();
  /** Meetings held but not yet approved, with the day their minutes get approved. */
  private readonly toApprove: { id: string; on: IsoDay }[] = [];
  /** Meetings whose minutes the add-on owes the network: approved and not circulated at the start, or approved since. */
  private readonly owed = new Set<string>();
  private logSnapshot: string[] = [];
  private fault: Fault | null = null;
  private callsThisExecution = 0;
  private startedAt = 0;
  private planted = false;
  private nextMeeting = 4;
  private nextAction = 3;
  private nextMember = 1;
  private hour = 0;

  constructor(
    code: string,
    private readonly options: YearOptions,
  ) {
    this.random = prng(options.seed);
    const spec = emailNetwork();
    this.fake = createGasFake({ owner: 'owner@un.org', activeUser: SECRETARIAT, sheets: gridsOf(spec), uiAvailable: false });
    this.script = loadBundle(code, this.fake);
    for (const [def, records, id] of [
      [MembersTable, spec.members, 'agency'],
      [MeetingsTable, spec.meetings, 'id'],
      [DecisionsTable, spec.decisions, 'id'],
      [ActionsTable, spec.actions, 'id'],
    ] as const) {
      this.expected.set(def, new Map(records.map((r) => [String((r as Record<string, unknown>)[id]), { ...r } as Record<string, unknown>])));
    }
    for (const m of spec.meetings) if (m.minutesApprovedOn && !m.minutesCirculatedOn) this.owed.add(m.id!);
    this.hookCalls();
    this.hookMail();
    this.logSnapshot = this.logRows();
  }

  run(): YearResult {
    const { hours } = this.options;
    for (this.hour = 0; this.hour < hours + QUIET_HOURS; this.hour++) {
      const quiet = this.hour >= hours;
      const at = new Date(START.getTime() + this.hour * 3_600_000);
      vi.setSystemTime(at);
      if (at.getHours() === 0) this.fake.mail.remaining = !quiet && this.random() < 0.05 ? 0 : 1500;
      if (!quiet) this.peopleWork(at);
      this.tick(quiet);
    }
    this.checkEnd();
    return { seed: this.options.seed, violations: this.violations, stats: this.stats };
  }

  private chance(p: number): boolean {
    return this.random() < p;
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T;
  }

  private get today(): IsoDay {
    return dayOf(new Date());
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
        vi.setSystemTime(Date.now() + fault.msPerCall);
        if (Date.now() - this.startedAt > SIX_MINUTES) this.fake.kill();
      }
      if (fault?.kind === 'kill-at-call' && this.callsThisExecution === fault.at) this.fake.kill();
    };
  }

  /** Every mail must follow its own claim: the newest Sending row of the Log not yet matched, for the same recipients. */
  private hookMail(): void {
    this.fake.mail.beforeSend = (mail) => {
      const claim = this.newestClaim();
      const recipients = [...mail.to, ...mail.cc, ...mail.bcc];
      if (claim === null) this.violation(`a mail to ${recipients.join(',')} ("${mail.subject}") went out with no Sending row before it in the Log`);
      else if (key('', '', claim.recipients) !== key('', '', recipients))
        this.violation(`a mail to ${recipients.join(',')} went out under the claim of Log row ${claim.row} for ${claim.recipients.join(',')}`);
      this.pending = claim;
      if (this.fault !== null && this.chance(0.1)) {
        this.stats.failedSends!++;
        throw new Error('Service unavailable: Gmail');
      }
    };
    this.fake.mail.afterSend = (mail) => {
      this.stats.mails!++;
      const claim = this.pending;
      if (claim) claim.sent = true;
      this.mails.push({ mail, claim });
      if (this.options.plantDoubleSend && !this.planted && claim?.event === EVENTS.circulated) {
        this.planted = true;
        this.fake.globals.MailApp.sendEmail({ to: mail.to.join(','), subject: mail.subject, body: mail.body, htmlBody: mail.htmlBody });
      }
      if (this.fault !== null && this.chance(0.1)) this.fake.kill();
    };
  }

  private pending: Claim | null = null;

  private newestClaim(): Claim | null {
    const log = decodeTable(LogTable, this.fake.sheetValues(LogTable.name)).records;
    for (let i = log.length - 1; i >= 0; i--) {
      const entry = log[i]!;
      if (this.claimedRows.has(entry.row)) break;
      if (entry.outcome !== 'Sending') continue;
      this.claimedRows.add(entry.row);
      const claim: Claim = {
        row: entry.row,
        event: entry.event,
        ref: entry.ref,
        recipients: [...entry.recipients],
        details: entry.details,
        day: entry.timestamp.slice(0, 10),
        sent: false,
      };
      return claim;
    }
    return null;
  }

  private violation(text: string): void {
    this.violations.push(`hour ${this.hour} (${new Date().toISOString()}): ${text}`);
  }

  // ---------- executions ----------

  /** One execution: the fake's calls work again, and its writes land at its end unless it was killed. */
  private execute(what: string, fn: () => unknown, options: { user?: string; fault?: Fault | null; ui?: boolean } = {}): unknown {
    this.fake.nextExecution();
    this.fake.setContext({ activeUser: options.user ?? SECRETARIAT, uiAvailable: options.ui ?? false });
    this.fault = options.fault ?? null;
    this.callsThisExecution = 0;
    this.startedAt = Date.now();
    this.stats.executions!++;
    let value: unknown;
    try {
      value = fn();
      this.fake.globals.SpreadsheetApp.flush();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (message === 'Exceeded maximum execution time') this.stats.killed!++;
      else if (/another run of the add-on is still working/i.test(message)) this.stats.lockBusy!++;
      else this.violation(`${what} threw: ${message}`);
    } finally {
      this.fault = null;
      this.pending = null;
    }
    this.checkLogUnchanged();
    return value;
  }

  private randomFault(): Fault | null {
    const r = this.random();
    if (r < 0.03) return { kind: 'kill-at-call', at: 1 + Math.floor(this.random() * 60) };
    if (r < 0.05) return { kind: 'slow', msPerCall: 5_000 + Math.floor(this.random() * 10_000) };
    return { kind: 'mail' };
  }

  private tick(quiet: boolean): void {
    const busy = !quiet && this.chance(0.02);
    if (busy) this.fake.locks.holdByOther();
    this.execute('hourlyTick', () => this.script.hourlyTick!(), { fault: quiet ? null : this.randomFault() });
    if (busy) this.fake.locks.releaseOther();
    if (!quiet && this.chance(0.02)) {
      this.stats.doubleFired!++;
      this.execute('hourlyTick (fired twice)', () => this.script.hourlyTick!(), { fault: this.randomFault() });
    }
  }

  // ---------- what people do between ticks ----------

  private peopleWork(at: Date): void {
    const workday = at.getDay() !== 0 && at.getDay() !== 6 && at.getHours() >= 8 && at.getHours() < 18;
    if (!workday) return;
    if (this.chance(0.02)) this.holdMeeting();
    const due = this.toApprove.findIndex((m) => m.on <= this.today);
    if (due >= 0 && this.chance(0.3)) this.approveMinutes(this.toApprove.splice(due, 1)[0]!.id);
    if (this.chance(0.05)) this.addAction();
    if (this.chance(0.015)) this.closeAction();
    if (this.chance(0.02)) this.recordDecision();
    if (this.chance(0.01)) this.memberJoins();
    if (this.chance(0.004)) this.memberLeaves();
    if (this.chance(0.03)) this.runReport();
  }

  private records<T extends TableDef>(def: T) {
    return decodeTable(def, this.fake.sheetValues(def.name));
  }

  /** Types a record below the last row, as a person would (no service call counted). */
  private append(def: TableDef, record: Record<string, unknown>, id: string): void {
    const rows = this.fake.sheetValues(def.name).length;
    this.fake.setSheetValues(def.name, gridOf(def, [record]).slice(1), rows + 1);
    this.expected.get(def)?.set(id, record);
  }

  /** Types one cell of the row holding `id`; returns the row, or null when the row is gone. */
  private typeCell(def: TableDef, id: string, field: string, value: unknown): number | null {
    const table = this.records(def);
    const record = table.records.find((r) => String((r as Record<string, unknown>)[def === MembersTable ? 'agency' : 'id']) === id);
    const at = table.header?.index.get(field);
    if (!record || at === undefined) return null;
    const column = (def.columns as Record<string, { encode(v: never): unknown }>)[field]!;
    this.fake.setSheetValues(def.name, [[column.encode(value as never) as never]], record.row, at + 1);
    const expected = this.expected.get(def)?.get(id);
    if (expected) expected[field] = value;
    return record.row;
  }

  private activeMembers(): string[] {
    return this.records(MembersTable)
      .records.filter((m) => m.status === 'Active')
      .map((m) => m.agency);
  }

  private holdMeeting(): void {
    const id = `M-2026-${String(this.nextMeeting++).padStart(2, '0')}`;
    const members = this.activeMembers();
    this.append(
      MeetingsTable,
      {
        id,
        date: this.today,
        kind: 'Regular',
        mode: 'Online',
        title: `Meeting ${id}`,
        status: 'Held',
        chairedBy: ['IOM'],
        agendaCirculatedOn: addDays(this.today, -7),
        attendees: members,
        minutesLink: `https://docs.example/${id}`,
      },
      id,
    );
    this.toApprove.push({ id, on: addDays(this.today, 2 + Math.floor(this.random() * 10)) });
    this.stats.meetings!++;
  }

  /** The secretariat types the approval date; the edit trigger fires (sometimes twice, sometimes not at all). */
  private approveMinutes(id: string): void {
    const row = this.typeCell(MeetingsTable, id, 'minutesApprovedOn', this.today);
    if (row === null) return this.violation(`meeting ${id} is gone from the Meetings tab`);
    this.owed.add(id);
    const column = this.records(MeetingsTable).header!.index.get('minutesApprovedOn')! + 1;
    const fires = this.chance(0.1) ? 0 : this.chance(0.1) ? 2 : 1;
    for (let i = 0; i < fires; i++) {
      this.execute(
        'onEditInstalled',
        () => {
          const range = this.fake.globals.SpreadsheetApp.getActive().getSheetByName(MeetingsTable.name)!.getRange(row, column);
          this.script.onEditInstalled!({ range });
        },
        { fault: this.randomFault() },
      );
    }
  }

  private addAction(): void {
    const id = `A-2026-${String(this.nextAction++).padStart(3, '0')}`;
    const owner = this.pick(this.activeMembers());
    this.append(ActionsTable, { id, source: 'D-2026-01', action: `Action ${id}`, owner, due: addDays(this.today, Math.floor(this.random() * 40) - 10), status: 'Open' }, id);
    this.stats.actions!++;
  }

  private closeAction(): void {
    const open = this.records(ActionsTable).records.filter((a) => a.status === 'Open');
    if (open.length > 0) this.typeCell(ActionsTable, this.pick(open).id, 'status', this.chance(0.8) ? 'Done' : 'Dropped');
  }

  /** The sidebar saves a decision, sometimes while a tick holds the lock (it fails cleanly and is saved next hour). */
  private recordDecision(): void {
    const busy = this.chance(0.2);
    if (busy) this.fake.locks.holdByOther();
    const title = `Decision of ${this.today} at hour ${this.hour}`;
    const result = this.execute(
      'recordDecision',
      () =>
        this.script.recordDecision!({
          date: this.today,
          meeting: '',
          kind: 'General',
          title,
          decision: 'The members agree.',
          subject: '',
          consulted: this.activeMembers(),
          objections: [],
          outcome: 'Adopted',
          stateRelevant: false,
          stateConsultedOn: '',
          gcmObjectives: [],
          // The person has read the sidebar's ToR guidance (a decision without follow-up actions gets some) and records anyway.
          confirmed: true,
        }),
      { ui: true },
    ) as { ok: boolean; id?: string; errors?: unknown } | undefined;
    if (busy) this.fake.locks.releaseOther();
    if (result === undefined) return;
    if (!result.ok || result.id === undefined) return this.violation(`recordDecision refused a valid decision: ${JSON.stringify(result.errors)}`);
    if (this.expected.get(DecisionsTable)!.has(result.id)) this.violation(`recordDecision gave ${result.id} a second time`);
    this.expected.get(DecisionsTable)!.set(result.id, { id: result.id, title, date: this.today });
    this.stats.decisions!++;
  }

  private memberJoins(): void {
    const agency = `AG${this.nextMember++}`;
    this.append(MembersTable, { agency, name: `Agency ${agency}`, roles: ['Member'], status: 'Active', joinedOn: this.today }, agency);
    this.append(FocalPointsTable, { agency, name: `Focal ${agency}`, email: `focal@${agency.toLowerCase()}.org`, kind: 'Primary', active: true }, agency);
    this.stats.members!++;
  }

  private memberLeaves(): void {
    const joined = this.activeMembers().filter((a) => a.startsWith('AG'));
    if (joined.length > 0) this.typeCell(MembersTable, this.pick(joined), 'status', 'Withdrawn');
  }

  private runReport(): void {
    const focal = this.records(FocalPointsTable).records.filter((f) => f.active);
    const user = this.pick(focal).email;
    const command = this.pick(['reportMemberList', 'reportActionTracker', 'reportWorkplanProgress', 'reportGcmSummary']);
    this.fake.ui.answer({ button: 'OK', text: this.today.slice(0, 4) });
    this.execute(command, () => this.script[command]!(), { user, ui: true });
    this.stats.reports!++;
  }

  // ---------- invariants ----------

  private logRows(): string[] {
    return this.fake.sheetValues(LogTable.name).map((r) => JSON.stringify(r));
  }

  /** No Log row ever changes, whatever an execution did or how it died. */
  private checkLogUnchanged(): void {
    const now = this.logRows();
    const changed = this.logSnapshot.findIndex((row, i) => now[i] !== row);
    if (changed >= 0) this.violation(`Log row ${changed + 1} changed from ${this.logSnapshot[changed]} to ${now[changed] ?? '(gone)'}`);
    this.logSnapshot = now;
  }

  private checkEnd(): void {
    this.checkMinutes();
    this.checkReminders();
    this.checkLogMatchesMail();
    this.checkRows();
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
      for (const [event, to] of [
        [EVENTS.circulated, MAILING_LIST],
        [EVENTS.archived, RCO],
      ] as const) {
        const k = key(event, meeting.id, [to]);
        const mails = this.mails.filter((m) => m.claim !== null && key(m.claim.event, m.claim.ref, m.claim.recipients) === k).length;
        const rows = log.filter((e) => key(e.event, e.ref, e.recipients) === k);
        const confirmed = rows.some((e) => e.outcome === 'Sent');
        const uncertain = rows.some((c) => c.outcome === 'Sending' && !rows.some((e) => e.row > c.row && (e.outcome === 'Sent' || e.outcome === 'Failed')));
        if (mails > 1) this.violation(`${event} of ${meeting.id} went to ${to} ${mails} times`);
        else if (uncertain && !reported.has(`${meeting.id}|${key('', '', [to])}`))
          this.violation(`${event} of ${meeting.id} was claimed and never confirmed, and no "Delivery unconfirmed" row says so`);
        else if (mails === 0 && !uncertain) this.violation(`${event} of ${meeting.id} never went to ${to}`);
        else if (mails === 1 && !confirmed && !uncertain) this.violation(`${event} of ${meeting.id} went out and the Log neither confirms it nor reports it uncertain`);
      }
    }
    const sentTimes = new Map<string, number>();
    for (const { mail } of this.mails) {
      const k = `${mail.subject}|${key('', '', [...mail.to, ...mail.cc])}`;
      sentTimes.set(k, (sentTimes.get(k) ?? 0) + 1);
    }
    for (const [k, n] of sentTimes) if (n > 1 && /minutes/i.test(k) && !/reminder/i.test(k)) this.violation(`the mail "${k}" went out ${n} times`);
  }

  /** No action is reminded twice within seven days. */
  private checkReminders(): void {
    const last = new Map<string, IsoDay>();
    for (const { claim } of this.mails) {
      if (claim?.event !== EVENTS.reminder) continue;
      for (const action of claim.details.match(/A-\d{4}-\d{3}/g) ?? []) {
        const before = last.get(action);
        if (before !== undefined && daysBetween(before, claim.day) < 7) this.violation(`action ${action} was reminded on ${before} and again on ${claim.day}`);
        last.set(action, claim.day);
      }
    }
  }

  /** Every Sent row of the Log stands for a mail the mail service sent, and no more Sent rows than mails. */
  private checkLogMatchesMail(): void {
    const mailsBy = new Map<string, number>();
    for (const { claim } of this.mails)
      if (claim) mailsBy.set(key(claim.event, claim.ref, claim.recipients), (mailsBy.get(key(claim.event, claim.ref, claim.recipients)) ?? 0) + 1);
    const sentBy = new Map<string, number>();
    for (const e of this.records(LogTable).records) {
      if (e.outcome !== 'Sent' || !MAIL_EVENTS.has(e.event)) continue;
      const k = key(e.event, e.ref, e.recipients);
      sentBy.set(k, (sentBy.get(k) ?? 0) + 1);
    }
    for (const [k, n] of sentBy) if (n > (mailsBy.get(k) ?? 0)) this.violation(`the Log has ${n} Sent rows for ${k} and the mail service sent ${mailsBy.get(k) ?? 0}`);
    if (this.fake.sentMail.length !== this.mails.length) this.violation(`the mail service sent ${this.fake.sentMail.length} mails and ${this.mails.length} were seen going out`);
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
        const actual = table.records.find((r) => String((r as Record<string, unknown>)[idField]) === id) as Record<string, unknown> | undefined;
        if (!actual) {
          this.violation(`${def.name} lost ${id}`);
          continue;
        }
        for (const [field, value] of Object.entries(record)) {
          if (AUTOMATION_FIELDS.has(field)) continue;
          if (JSON.stringify(actual[field]) !== JSON.stringify(value))
            this.violation(`${def.name} ${id}: ${field} is ${JSON.stringify(actual[field])}, was typed as ${JSON.stringify(value)}`);
        }
      }
    }
  }
}

export function simulateYear(code: string, options: YearOptions): YearResult {
  return new Year(code, options).run();
}
