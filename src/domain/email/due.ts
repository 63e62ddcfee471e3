/**
 * Which deliveries are due, decided from the workbook and the Log alone. A delivery (a job) is one
 * event about one ref to a set of recipients: the minutes of a meeting to the members, their archive
 * copy, an agency's reminder of the day, a reminder to the secretariat about a meeting. Its messages
 * go to the recipients that no sent or claimed message of the same event and ref covers yet, at most
 * 50 to a message, each with a stable key (event | ref | recipients).
 */
import type { Column } from '../cells';
import type { HeaderMap, Located } from '../codec';
import { addDays, daysBetween, isIsoDay, type IsoDay } from '../dates';
import type { Network } from '../network';
import { askedAgencies, latestAnswers } from '../consultations';
import {
  ActionsTable,
  LogTable,
  MeetingsTable,
  type Action,
  type Consultation,
  type Meeting,
  type TableDef,
} from '../tables';
import { t } from '../i18n';
import { emailKey, joinFew, keyOf } from '../words';
import { isActiveOn } from '../membership';
import { EVENTS, Ledger, messageKey, type Claim } from './ledger';
import type { Invitation } from '../invitation';
import { consultationReminderMessage, outcomeMessage, proposalMessage, withdrawalMessage } from './consultation';
import { archiveMessage, minutesMessage, type Composed } from './minutes';
import {
  activeFocalPoints,
  allowedRecipients,
  batches,
  networkRecipients,
  refusalReason,
  replyTo,
  screen,
  secretariatRecipients,
} from './recipients';
import {
  actionReminder,
  agendaReminder,
  aheadReminder,
  AHEAD_WORKING_DAYS,
  approvalReminder,
  minutesReminder,
  REMINDER_DAYS,
  workingDaysBefore,
  type Deadline,
} from './reminders';
import { agendaMessage, cancellationMessage, fingerprint, updateMessage } from './agenda';

export type MarkField = 'minutesCirculatedOn' | 'sharedWithRcoOn' | 'lastRemindedOn' | 'agendaCirculatedOn';

/**
 * A dated cell the add-on fills: a day, or blank (null) when a claim is given back. It is found by the
 * row's ID when it is written, and written only while it still holds `was` (what the tick read).
 */
export interface Mark {
  readonly tab: 'Meetings' | 'Actions';
  readonly id: string;
  readonly field: MarkField;
  readonly was: IsoDay | null;
  readonly day: IsoDay | null;
}

export interface Message extends Composed {
  readonly key: string;
  readonly event: string;
  readonly ref: string;
  readonly to: readonly string[];
  /** '' when the register names no secretariat to reply to. */
  readonly replyTo: string;
}

export interface Job {
  readonly event: string;
  readonly ref: string;
  /** Said in every Log row of the job, which counts only rows that say it: one invitation's sequence, one of a meeting's reminders. */
  readonly tag: string;
  /** In words, for reports and the Log: "the minutes of M-2026-05 to the members". */
  readonly what: string;
  /** Every allowed recipient of the delivery, messages already sent included. */
  readonly intended: readonly string[];
  /** Recipients (by emailKey) that a confirmed message already reached. */
  readonly confirmed: ReadonlySet<string>;
  /** What is left to send. */
  readonly messages: readonly Message[];
  /** Addresses the confidentiality rule refuses that no Refused row of the Log names yet. */
  readonly refused: readonly string[];
  /** Why they are refused, for the Log. */
  readonly refusal: string;
  /** Cells written with the delivery's first claim (a reminder's "Last reminded on"), and what gives them back. */
  readonly claim: { readonly marks: readonly Mark[]; readonly undo: readonly Mark[] };
  /** Cells written once every intended recipient is confirmed ("Minutes circulated on"). */
  readonly done: readonly Mark[];
}

/** Something due that cannot go out, and why, for the secretariat to fix. */
export interface Blocked {
  readonly ref: string;
  readonly reason: string;
}

export interface DueScope {
  /** The meetings whose minutes may go out now (all that are due when omitted; none when null). */
  readonly meetings?: ((meeting: Located<Meeting>) => boolean) | null;
  readonly reminders: boolean;
  /**
   * The meeting pack: agendas with their invitation (on their due day, or at once with `now`), and
   * the invitation's updates and cancellations, for the meetings picked. None when omitted.
   */
  readonly agendas?: { readonly pick: (meeting: Located<Meeting>) => boolean; readonly now: boolean };
  /** The mail of written consultations: proposals, reminders and outcomes (the tick's and a close's). */
  readonly consultations?: boolean;
}

export interface Due {
  readonly jobs: Job[];
  readonly blocked: Blocked[];
}

interface Context {
  readonly network: Network;
  readonly today: IsoDay;
  readonly ledger: Ledger;
  readonly allowed: ReadonlySet<string>;
  readonly replyTo: string;
  /** IDs (by keyOf) that more than one row of Meetings or Actions carries: held back from everything. */
  readonly twice: ReadonlySet<string>;
  /** Addresses (by emailKey) a Refused Log row already names, and those this run refuses. */
  readonly refusedBefore: Set<string>;
}

interface Spec {
  readonly event: string;
  readonly ref: string;
  readonly what: string;
  readonly recipients: readonly string[];
  /** Log rows from this day on count (null: ever). */
  readonly since: IsoDay | null;
  readonly tag?: string;
  readonly composed: Composed;
  readonly claim?: Job['claim'];
  readonly done?: readonly Mark[];
}

const NO_CLAIM: Job['claim'] = { marks: [], undo: [] };

/** The job of a spec, or null when nothing of it is left to do. */
function job(ctx: Context, spec: Spec): Job | null {
  const { event, ref, since } = spec;
  const tag = spec.tag ?? '';
  const { allowed: intended, refused } = screen(spec.recipients, ctx.allowed);
  const covered = ctx.ledger.covered(event, ref, since, tag);
  const confirmed = ctx.ledger.confirmed(event, ref, since, tag);
  const messages = batches(intended.filter((r) => !covered.has(emailKey(r)))).map((to): Message => ({
    ...spec.composed,
    key: messageKey(event, ref, to),
    event,
    ref,
    to,
    replyTo: ctx.replyTo,
  }));
  // Each address is held back with one Refused row, whatever message it was to have.
  const newlyRefused = refused.filter((r) => !ctx.refusedBefore.has(emailKey(r)));
  for (const r of newlyRefused) ctx.refusedBefore.add(emailKey(r));
  const done = spec.done ?? [];
  if (messages.length === 0 && newlyRefused.length === 0 && !isComplete({ done, intended }, confirmed)) return null;
  return {
    event,
    ref,
    tag,
    what: spec.what,
    intended,
    confirmed,
    messages,
    refused: newlyRefused,
    refusal: newlyRefused.length === 0 ? '' : refusalReason(ctx.network, newlyRefused),
    claim: spec.claim ?? NO_CLAIM,
    done,
  };
}

/**
 * The headers of a row's cells that cannot be read (columns the tab lacks left out). The add-on
 * writes no mark into such a row: a person must correct it first, and the compliance check says where.
 */
function unreadableCells(def: TableDef, header: HeaderMap | null, record: Located<unknown>): string[] {
  return record.invalid.filter((key) => header?.index.has(key)).map((key) => (def.columns[key] as Column).header);
}

/** Whether a delivery with cells to fill has reached every recipient it was meant for (by emailKey in `reached`). */
export function isComplete(job: Pick<Job, 'done' | 'intended'>, reached: ReadonlySet<string>): boolean {
  return job.done.length > 0 && job.intended.length > 0 && job.intended.every((r) => reached.has(emailKey(r)));
}

function isApproved(m: Meeting, today: IsoDay): boolean {
  return m.status !== 'Cancelled' && m.minutesApprovedOn !== null && m.minutesApprovedOn <= today;
}

/** Which copies of approved minutes have not gone out yet (a row with a cell that cannot be read is held back by the caller). */
function copiesOwed(m: Meeting, rco: string): { toMembers: boolean; toArchive: boolean } {
  return { toMembers: m.minutesCirculatedOn === null, toArchive: rco !== '' && m.sharedWithRcoOn === null };
}

/** A meeting's deadline the secretariat is reminded of, while it is still open. */
interface OpenDeadline {
  readonly deadline: Deadline;
  readonly due: IsoDay;
  /** Reminded on the due day (an agenda with a link goes by itself instead). */
  readonly onTheDay: boolean;
  /** Reminded again weekly after the due day (an approval only while it is near: on the day and before). */
  readonly late: boolean;
}

/** The deadlines of a meeting still open on `today`: the agenda before a planned meeting, the minutes and their approval after a held one. */
function openDeadlines(m: Located<Meeting>, settings: Network['settings'], today: IsoDay): OpenDeadline[] {
  const out: OpenDeadline[] = [];
  const { agendaDueDays, minutesDueDays, minutesApprovalDueDays } = settings;
  if (
    agendaDueDays !== null &&
    m.status === 'Planned' &&
    m.agendaCirculatedOn === null &&
    !m.invalid.includes('agendaCirculatedOn') &&
    today < m.date
  ) {
    const unlinked = m.agendaLink.trim() === '';
    out.push({ deadline: 'agenda', due: addDays(m.date, -agendaDueDays), onTheDay: unlinked, late: unlinked });
  }
  if (minutesDueDays !== null && m.status === 'Held') {
    const due = addDays(m.date, minutesDueDays);
    if (m.minutesLink.trim() === '') out.push({ deadline: 'minutes', due, onTheDay: true, late: true });
    else if (m.minutesApprovedOn === null && !m.invalid.includes('minutesApprovedOn'))
      out.push({
        deadline: 'approval',
        due: addDays(due, minutesApprovalDueDays ?? DEFAULT_APPROVAL_DAYS),
        onTheDay: true,
        late: false,
      });
  }
  return out;
}

/** "Minutes approval due (days after minutes due)" when Settings leave it blank, as meetings.minutes-approved reads it. */
const DEFAULT_APPROVAL_DAYS = 14;

/** Which reminder of a deadline is due today: a few working days ahead, or from the due day on; null for none. */
function reminderPhase(d: OpenDeadline, today: IsoDay): 'ahead' | 'due' | null {
  if (today < d.due) return today >= workingDaysBefore(d.due, AHEAD_WORKING_DAYS) ? 'ahead' : null;
  return (today === d.due ? d.onTheDay : d.late) ? 'due' : null;
}

function circulations(ctx: Context, pick: (m: Located<Meeting>) => boolean, out: Due): void {
  const { network, today } = ctx;
  const rco = network.settings.rcoArchiveEmail.trim();
  const meetings = network.meetings.records
    .filter((m) => isApproved(m, today) && pick(m))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row));
  for (const m of meetings) {
    const { toMembers, toArchive } = copiesOwed(m, rco);
    if (!toMembers && !toArchive) continue;
    if (ctx.twice.has(keyOf(m.id))) continue;
    const unreadable = unreadableCells(MeetingsTable, network.meetings.header, m);
    if (unreadable.length > 0) {
      out.blocked.push({
        ref: m.id,
        reason: t('email.blocked.minutes-unreadable', { id: m.id, row: m.row, cells: joinFew(unreadable) }),
      });
      continue;
    }
    if (m.minutesLink.trim() === '') {
      out.blocked.push({ ref: m.id, reason: t('email.blocked.no-minutes-link', { id: m.id }) });
      continue;
    }
    if (toMembers) {
      const recipients = networkRecipients(network);
      if (recipients.length === 0)
        out.blocked.push({ ref: m.id, reason: t('email.blocked.minutes-nobody', { id: m.id }) });
      const j = job(ctx, {
        event: EVENTS.circulated,
        ref: m.id,
        what: t('email.what.minutes', { id: m.id }),
        recipients,
        since: null,
        composed: minutesMessage(network, m),
        done: [{ tab: 'Meetings', id: m.id, field: 'minutesCirculatedOn', was: null, day: today }],
      });
      if (j) out.jobs.push(j);
    }
    if (toArchive) {
      const j = job(ctx, {
        event: EVENTS.archived,
        ref: m.id,
        what: t('email.what.archive', { id: m.id }),
        recipients: [rco],
        since: null,
        composed: archiveMessage(network, m, today),
        done: [{ tab: 'Meetings', id: m.id, field: 'sharedWithRcoOn', was: null, day: today }],
      });
      if (j) out.jobs.push(j);
    }
  }
}

/** Open, due within the reminder days or overdue, and not reminded in the last reminder days. */
function needsReminder(action: Action, today: IsoDay): boolean {
  return (
    action.due !== null &&
    action.due <= addDays(today, REMINDER_DAYS) &&
    (action.lastRemindedOn === null || action.lastRemindedOn <= addDays(today, -REMINDER_DAYS))
  );
}

/**
 * One reminder a day at most to each owner agency. Once the day's reminder is claimed, the actions it
 * listed carry today's "Last reminded on", so a later tick of the same day only finishes sending it
 * (to recipients a failed message missed) and never starts another.
 */
function actionReminders(ctx: Context, out: Due): void {
  const { network, today, ledger } = ctx;
  const groups = new Map<string, Located<Action>[]>();
  for (const a of network.actions.records) {
    if (a.status !== 'Open' || a.owner.trim() === '' || ctx.twice.has(keyOf(a.id))) continue;
    const unreadable = unreadableCells(ActionsTable, network.actions.header, a);
    if (unreadable.length > 0) {
      out.blocked.push({
        ref: a.id,
        reason: t('email.blocked.action-unreadable', { id: a.id, row: a.row, cells: joinFew(unreadable) }),
      });
      continue;
    }
    const k = keyOf(a.owner);
    groups.set(k, [...(groups.get(k) ?? []), a]);
  }
  for (const [k, open] of groups) {
    const member = network.members.records.find((m) => keyOf(m.agency) === k);
    const agency = member?.agency.trim() ?? open[0]!.owner.trim();
    const started = ledger.covered(EVENTS.reminder, agency, today).size > 0;
    const actions = started
      ? open.filter((a) => a.lastRemindedOn === today)
      : // The Log too, should a person's save have taken "Last reminded on" back to an earlier day.
        open.filter(
          (a) =>
            needsReminder(a, today) && !ledger.names(EVENTS.reminder, agency, addDays(today, 1 - REMINDER_DAYS), a.id),
        );
    if (actions.length === 0) continue;
    // Its focal points are no longer the network's to write to: a reminder would only log a refusal, every day.
    if (member !== undefined && !isActiveOn(member, today)) {
      out.blocked.push({
        ref: agency,
        reason: t('email.blocked.inactive-owner', { agency, count: actions.length }),
      });
      continue;
    }
    const recipients = activeFocalPoints(network, new Set([k]));
    if (recipients.length === 0) {
      out.blocked.push({
        ref: agency,
        reason: t('email.blocked.no-focal-point', { agency, count: actions.length }),
      });
      continue;
    }
    const j = job(ctx, {
      event: EVENTS.reminder,
      ref: agency,
      what: t('email.what.reminder', { agency, ids: actions.map((a) => a.id).join(', ') }),
      recipients,
      since: today,
      composed: actionReminder(network, agency, actions, today),
      claim: started
        ? NO_CLAIM
        : {
            marks: actions.map((a) => ({
              tab: 'Actions',
              id: a.id,
              field: 'lastRemindedOn',
              was: a.lastRemindedOn,
              day: today,
            })),
            undo: actions.map((a) => ({
              tab: 'Actions',
              id: a.id,
              field: 'lastRemindedOn',
              was: today,
              day: a.lastRemindedOn,
            })),
          },
    });
    if (j) out.jobs.push(j);
  }
}

const REMINDER_EVENTS: Readonly<Record<Deadline, string>> = {
  agenda: EVENTS.agenda,
  minutes: EVENTS.minutes,
  approval: EVENTS.approval,
};

/**
 * To the secretariat, about one meeting's deadline at a time: once a few working days ahead of it,
 * then from the due day on at most once in the reminder days while it stays open. An agenda with a
 * link is not reminded on its day: the add-on sends it then.
 */
function secretariatReminders(ctx: Context, out: Due): void {
  const { network, today } = ctx;
  const recipients = secretariatRecipients(network, today);
  for (const m of network.meetings.records) {
    if (ctx.twice.has(keyOf(m.id))) continue;
    for (const d of openDeadlines(m, network.settings, today)) {
      const phase = reminderPhase(d, today);
      if (phase === null) continue;
      if (recipients.length === 0) {
        out.blocked.push({ ref: m.id, reason: t('email.blocked.nobody-to-remind', { id: m.id }) });
        continue;
      }
      const composed =
        phase === 'ahead'
          ? aheadReminder(network, m, d.deadline, d.due, today)
          : d.deadline === 'agenda'
            ? agendaReminder(network, m, today, daysBetween(d.due, m.date))
            : d.deadline === 'minutes'
              ? minutesReminder(network, m, today, daysBetween(m.date, d.due))
              : approvalReminder(network, m, d.due);
      const j = job(ctx, {
        event: REMINDER_EVENTS[d.deadline],
        ref: m.id,
        what: t('email.what.secretariat-reminder', { id: m.id, deadline: d.deadline }),
        recipients,
        since: phase === 'ahead' ? null : addDays(today, -(REMINDER_DAYS - 1)),
        // @i18n-exempt: the Log's tag, which the ledger counts rows by whatever the language
        tag: phase === 'ahead' ? `(ahead of ${d.due})` : `(due ${d.due})`,
        composed,
      });
      if (j) out.jobs.push(j);
    }
  }
}

/** The sequence and the fingerprint of a meeting's invitation as the Log last tells them; null when none went. */
export interface InvitationState {
  readonly sequence: number;
  readonly fingerprint: string;
  readonly cancelled: boolean;
}

// @i18n-exempt: the Log's invitation tag, which the ledger reads back whatever the language
const SEQUENCE = /\(invitation sequence (\d+), ([0-9a-f]{8}|cancelled)\)/;

/** The Details tag of an invitation: its sequence and what it said of the meeting (or that it cancels it). */
// @i18n-exempt: the Log's invitation tag, which the ledger reads back whatever the language
export function invitationTag(sequence: number, fingerprintOrCancelled: string): string {
  return `(invitation sequence ${sequence}, ${fingerprintOrCancelled})`;
}

/** What the Log says of a meeting's invitations, from every claimed or sent agenda, update and cancellation. */
export function invitationState(ledger: Ledger, ref: string): InvitationState | null {
  let state: InvitationState | null = null;
  for (const event of [EVENTS.agendaCirculated, EVENTS.invitationUpdated, EVENTS.invitationCancelled]) {
    for (const details of ledger.claimedDetails(event, ref)) {
      const found = SEQUENCE.exec(details);
      if (found === null) continue;
      const sequence = Number(found[1]);
      if (state !== null && sequence < state.sequence) continue;
      state = { sequence, fingerprint: found[2]!, cancelled: found[2] === 'cancelled' };
    }
  }
  return state;
}

/**
 * A meeting's invitation as it stands today: the cancellation once the meeting is Cancelled, else a
 * request whose SEQUENCE is the last one the Log shows, raised when the meeting changed since.
 * Null when no meeting has that ID.
 */
export function currentInvitation(network: Network, id: string, today: IsoDay): Invitation | null {
  const m = network.meetings.records.find((r) => keyOf(r.id) === keyOf(id));
  if (m === undefined) return null;
  const state = invitationState(new Ledger(network.log.records), m.id);
  const people = {
    organizer: replyTo(network, today),
    attendees: packRecipients(network, today).attendees,
    today,
  };
  if (m.status === 'Cancelled')
    return cancellationMessage(
      network,
      m,
      state === null ? 0 : state.cancelled ? state.sequence : state.sequence + 1,
      people,
    ).invitation!;
  const sequence = state === null ? 0 : state.fingerprint === fingerprint(m) ? state.sequence : state.sequence + 1;
  return (sequence === 0 ? agendaMessage(network, m, people) : updateMessage(network, m, sequence, people)).invitation!;
}

/** Where the agenda goes: the mailing list and the focal points of the active members. */
function packRecipients(network: Network, today: IsoDay): { to: string[]; attendees: string[] } {
  const members = new Set(network.members.records.filter((m) => isActiveOn(m, today)).map((m) => keyOf(m.agency)));
  const attendees = activeFocalPoints(network, members);
  const list = network.settings.mailingList.trim();
  return { to: list === '' ? attendees : [list, ...attendees], attendees };
}

/** Whether a planned meeting's agenda is to go now: it has a link, has not gone, and its day has come (or the secretariat says now). */
function agendaDue(m: Located<Meeting>, settings: Network['settings'], today: IsoDay, now: boolean): boolean {
  const days = settings.agendaDueDays;
  return (
    m.status === 'Planned' &&
    m.agendaLink.trim() !== '' &&
    m.agendaCirculatedOn === null &&
    !m.invalid.includes('agendaCirculatedOn') &&
    today <= m.date &&
    (now || (days !== null && today >= addDays(m.date, -days)))
  );
}

/** Whether a meeting may owe an update or a cancellation of its invitation (only the Log can tell). */
function invitationMayChange(m: Meeting, today: IsoDay): boolean {
  return m.agendaCirculatedOn !== null && m.status !== 'Held' && m.date >= today;
}

/**
 * The meeting pack of each meeting picked: the agenda with its invitation once, on its due day (or
 * at once with `now`); after it, one update (same UID, next SEQUENCE) for each change of date, time,
 * duration, venue or link, and one cancellation when the meeting is Cancelled.
 */
function meetingPack(ctx: Context, scope: NonNullable<DueScope['agendas']>, out: Due): void {
  const { network, today, ledger } = ctx;
  const { to, attendees } = packRecipients(network, today);
  const people = { organizer: ctx.replyTo, attendees, today };
  for (const m of network.meetings.records) {
    if (!scope.pick(m) || ctx.twice.has(keyOf(m.id))) continue;
    const sending = agendaDue(m, network.settings, today, scope.now);
    if (!sending && !invitationMayChange(m, today)) continue;
    const unreadable = unreadableCells(MeetingsTable, network.meetings.header, m);
    if (unreadable.length > 0) {
      out.blocked.push({
        ref: m.id,
        reason: t('email.blocked.pack-unreadable', { id: m.id, row: m.row, cells: joinFew(unreadable) }),
      });
      continue;
    }
    if (to.length === 0) {
      out.blocked.push({ ref: m.id, reason: t('email.blocked.agenda-nobody', { id: m.id }) });
      continue;
    }
    const state = invitationState(ledger, m.id);
    const print = fingerprint(m);
    let spec: Spec | null = null;
    if (sending && (state === null || state.sequence === 0)) {
      spec = {
        event: EVENTS.agendaCirculated,
        ref: m.id,
        what: t('email.what.agenda', { id: m.id }),
        recipients: to,
        since: null,
        tag: invitationTag(0, state?.fingerprint ?? print),
        composed: agendaMessage(network, m, people),
        done: [{ tab: 'Meetings', id: m.id, field: 'agendaCirculatedOn', was: null, day: today }],
      };
    } else if (state !== null && m.status === 'Cancelled') {
      const sequence = state.cancelled ? state.sequence : state.sequence + 1;
      spec = {
        event: EVENTS.invitationCancelled,
        ref: m.id,
        what: t('email.what.cancellation', { id: m.id }),
        recipients: to,
        since: null,
        tag: invitationTag(sequence, 'cancelled'),
        composed: cancellationMessage(network, m, sequence, people),
      };
    } else if (
      state !== null &&
      !state.cancelled &&
      m.status === 'Planned' &&
      (state.sequence > 0 || state.fingerprint !== print)
    ) {
      const sequence = state.fingerprint === print ? state.sequence : state.sequence + 1;
      spec = {
        event: EVENTS.invitationUpdated,
        ref: m.id,
        what: t('email.what.update', { id: m.id }),
        recipients: to,
        since: null,
        tag: invitationTag(sequence, print),
        composed: updateMessage(network, m, sequence, people),
      };
    }
    if (spec === null) continue;
    const j = job(ctx, spec);
    if (j) out.jobs.push(j);
  }
}

/** How long after its closing a consultation's outcome may still go out (a tick missed, the quota spent). */
export const OUTCOME_DAYS = 7;

function consultationOwed(c: Consultation, today: IsoDay): boolean {
  return c.status === 'Open'
    ? c.openedOn <= today
    : c.closedOn !== null && c.closedOn <= today && c.closedOn >= addDays(today, -OUTCOME_DAYS);
}

/** A consultation's message to one member in words, also its Log Details: what says the member has it. */
// @i18n-exempt: the Log's Details that identify a member's message (Ledger.coveredDetails): one wording whatever the language, or a change of Language would send it again
export function consultationMailWhat(id: string, noun: 'proposal' | 'reminder', agency: string): string {
  return `${id}'s ${noun} to ${agency}`;
}

/** The active Primary focal points of one agency. */
function primaries(network: Network, agency: string): string[] {
  const k = keyOf(agency);
  return network.focalPoints.records
    .filter((fp) => fp.active === true && fp.kind === 'Primary' && fp.email !== '' && keyOf(fp.agency) === k)
    .map((fp) => fp.email);
}

/**
 * Each consultation's proposal, once to each member active on the opening day; its reminder, once,
 * from "Consultation reminder (days before deadline)" days before the deadline, to those that have
 * not answered; and its outcome, once, to the whole network. A member's message names the member in
 * its Log Details, so that a member is written to once whoever its focal points become.
 */
function consultationMail(ctx: Context, out: Due): void {
  const { network, today, ledger } = ctx;
  const answers = latestAnswers(network.answers.records);
  const reminderDays = network.settings.consultationReminderDays;
  for (const c of network.consultations.records) {
    if (!consultationOwed(c, today) || !isIsoDay(c.deadline)) continue;
    const asked = askedAgencies(network, c);
    const perAgency = (
      event: string,
      agencies: readonly string[],
      noun: 'proposal' | 'reminder',
      compose: (agency: string) => Composed,
    ) => {
      const done = ledger.coveredDetails(event, c.id);
      for (const agency of agencies) {
        const what = consultationMailWhat(c.id, noun, agency);
        if (done.has(keyOf(what))) continue;
        const recipients = primaries(network, agency);
        if (recipients.length === 0) {
          out.blocked.push({ ref: c.id, reason: t('email.blocked.no-primary', { id: c.id, noun, agency }) });
          continue;
        }
        const j = job(ctx, { event, ref: c.id, what, recipients, since: null, composed: compose(agency) });
        if (j) out.jobs.push(j);
      }
    };
    if (c.status === 'Open') {
      // Past the deadline a proposal could no longer be answered: it is not sent.
      if (today <= c.deadline)
        perAgency(EVENTS.consultation, asked, 'proposal', (agency) => proposalMessage(network, c, agency, today));
      if (reminderDays !== null && today >= addDays(c.deadline, -reminderDays) && today <= c.deadline) {
        const answered = answers.get(keyOf(c.id));
        const silent = asked.filter((a) => !answered?.has(keyOf(a)));
        perAgency(EVENTS.consultationReminder, silent, 'reminder', (agency) =>
          consultationReminderMessage(network, c, agency, today),
        );
      }
      continue;
    }
    const recipients = networkRecipients(network);
    if (c.status === 'Withdrawn') {
      // Members who never received the proposal need no notice that it is withdrawn.
      if (ledger.coveredDetails(EVENTS.consultation, c.id).size === 0) continue;
      const j = job(ctx, {
        event: EVENTS.consultationWithdrawn,
        ref: c.id,
        what: t('email.what.withdrawal', { id: c.id }),
        recipients,
        since: null,
        composed: withdrawalMessage(network, c, ledger.lastDetails(EVENTS.withdrawn, c.id)),
      });
      if (j) out.jobs.push(j);
      continue;
    }
    const j = job(ctx, {
      event: EVENTS.consultationOutcome,
      ref: c.id,
      what: t('email.what.outcome', { id: c.id }),
      recipients,
      since: null,
      composed: outcomeMessage(network, c, asked, answers.get(keyOf(c.id)) ?? new Map()),
    });
    if (j) out.jobs.push(j);
  }
}

/**
 * Whether a tick may have anything to do, judged from Settings, Meetings, Actions and Consultations
 * alone (no Log, no register): a consultation open or closed within OUTCOME_DAYS, minutes approved and not yet out, a reminder due or sent since yesterday (a reminder
 * started today may have recipients left, and a claim a killed run left yesterday is still to be
 * reported), or a meeting whose agenda or minutes are late. False means the full read under the lock
 * would find nothing due: an idle hour then costs three reads.
 */
export function mayBeDue(network: Network, today: IsoDay): boolean {
  const { settings } = network;
  const yesterday = addDays(today, -1);
  const meetingDue = (m: Located<Meeting>) =>
    openDeadlines(m, settings, today).some((d) => reminderPhase(d, today) !== null) ||
    agendaDue(m, settings, today, false) ||
    invitationMayChange(m, today);
  const actionDue = (a: Located<Action>) =>
    a.status === 'Open' && (needsReminder(a, today) || (a.lastRemindedOn !== null && a.lastRemindedOn >= yesterday));
  return (
    minutesOwed(network, today) ||
    network.meetings.records.some(meetingDue) ||
    network.actions.records.some(actionDue) ||
    consultationsOwed(network, today)
  );
}

/** Whether an agenda in scope may go now: only then are the decisions read, for its matters arising. */
export function packOwed(network: Network, today: IsoDay, scope: DueScope): boolean {
  const agendas = scope.agendas;
  return (
    agendas !== undefined &&
    network.meetings.records.some((m) => agendas.pick(m) && agendaDue(m, network.settings, today, agendas.now))
  );
}

/** Whether some consultation may have mail to send (open, or closed within OUTCOME_DAYS): only then are the answers read. */
export function consultationsOwed(network: Network, today: IsoDay): boolean {
  return network.consultations.records.some((c) => consultationOwed(c, today));
}

/** Whether approved minutes of some meeting have not gone to the members or the RCO yet. */
export function minutesOwed(network: Network, today: IsoDay): boolean {
  const rco = network.settings.rcoArchiveEmail.trim();
  return network.meetings.records.some((m) => {
    const { toMembers, toArchive } = copiesOwed(m, rco);
    return isApproved(m, today) && (toMembers || toArchive);
  });
}

/**
 * Everything due on `today`: circulations first (members, then the archive copy), then reminders.
 * A tab whose header the deliveries cannot trust (see stoppedTabs) sends nothing, and a row whose ID
 * another row carries too is held back: its date could land on the other row.
 */
export function dueJobs(network: Network, today: IsoDay, ledger: Ledger, scope: DueScope): Due {
  const held = duplicateIds(network);
  const ctx: Context = {
    network,
    today,
    ledger,
    allowed: allowedRecipients(network, today),
    replyTo: replyTo(network, today),
    twice: new Set(held.map((b) => keyOf(b.ref))),
    refusedBefore: new Set(
      network.log.records.filter((e) => e.outcome === 'Refused').flatMap((e) => e.recipients.map(emailKey)),
    ),
  };
  const out: Due = { jobs: [], blocked: [...held] };
  const stopped = new Set(stoppedTabs(network).map((t) => t.tab));
  if (stopped.has(LogTable.name)) return out;
  const meetings = !stopped.has(MeetingsTable.name);
  if (meetings && scope.meetings !== null) circulations(ctx, scope.meetings ?? (() => true), out);
  if (meetings && scope.agendas) meetingPack(ctx, scope.agendas, out);
  if (scope.reminders) {
    if (!stopped.has(ActionsTable.name)) actionReminders(ctx, out);
    if (meetings) secretariatReminders(ctx, out);
  }
  if (scope.consultations) consultationMail(ctx, out);
  return out;
}

/** The rows of Meetings and Actions whose ID another row carries too, one Blocked each ID. */
export function duplicateIds(network: Network): Blocked[] {
  const out: Blocked[] = [];
  for (const [def, records] of [
    [MeetingsTable, network.meetings.records],
    [ActionsTable, network.actions.records],
  ] as const) {
    const rows = new Map<string, { id: string; rows: number[] }>();
    for (const r of records) {
      const k = keyOf(r.id);
      if (k === '') continue;
      const seen = rows.get(k);
      if (seen) seen.rows.push(r.row);
      else rows.set(k, { id: r.id.trim(), rows: [r.row] });
    }
    for (const { id, rows: at } of rows.values()) {
      if (at.length < 2) continue;
      out.push({
        ref: id,
        reason: t('email.blocked.duplicate-id', { id, rows: joinFew(at.map(String)), tab: def.name }),
      });
    }
  }
  return out;
}

/** A tab whose header the deliveries cannot trust, and why, in words. */
export interface StoppedTab {
  readonly tab: string;
  readonly message: string;
}

/**
 * The columns each tab must have, in row 1, for mail to go out exactly once: the Log's are the
 * ledger's memory, the dated columns say what went out, the rest say what is due. Without one of them
 * every tick would send the same message again (or write its date nowhere).
 */
const NEEDED: readonly { readonly def: TableDef; readonly fields: readonly string[] }[] = [
  { def: LogTable, fields: ['timestamp', 'event', 'ref', 'recipients', 'outcome'] },
  {
    def: MeetingsTable,
    fields: [
      'id',
      'date',
      'status',
      'minutesLink',
      'minutesApprovedOn',
      'minutesCirculatedOn',
      'sharedWithRcoOn',
      'agendaCirculatedOn',
    ],
  },
  { def: ActionsTable, fields: ['id', 'owner', 'status', 'due', 'lastRemindedOn'] },
];

const TAB_OF: Readonly<
  Record<
    string,
    (network: Network) => {
      readonly header: HeaderMap | null;
      readonly headerAt: number | null;
      readonly lastRow: number;
    }
  >
> = {
  [LogTable.name]: (n) => n.log,
  [MeetingsTable.name]: (n) => n.meetings,
  [ActionsTable.name]: (n) => n.actions,
};

/**
 * The tabs whose header is not where WORKBOOK.md puts it (a tab read but missing, no header, the
 * header below row 1, a column the deliveries need renamed or gone): automation stops for each.
 * `tabs`: the tabs the network was decoded from (the others would read as missing).
 */
export function stoppedTabs(network: Network, tabs: readonly string[] = NEEDED.map((n) => n.def.name)): StoppedTab[] {
  const out: StoppedTab[] = [];
  for (const { def, fields } of NEEDED) {
    if (!tabs.includes(def.name)) continue;
    const table = TAB_OF[def.name]!(network);
    const headers = fields
      .filter((f) => !table.header?.index.has(f))
      .map((f) => (def.columns[f as keyof typeof def.columns] as Column).header);
    if (headers.length === 0) continue;
    const where =
      table.headerAt !== null
        ? t('email.stopped.header-below', { row: table.headerAt })
        : table.header === null
          ? t(table.lastRow === 0 ? 'email.stopped.missing' : 'email.stopped.no-header')
          : t('email.stopped.no-column', { headers: joinFew(headers) });
    out.push({ tab: def.name, message: t('email.stopped.message', { tab: def.name, where }) });
  }
  return out;
}

/**
 * The claims never confirmed that still need a person to look: the minutes are not marked circulated
 * (or archived) by other means, or the reminder is recent enough that the next one is not yet due.
 */
export function openClaims(network: Network, today: IsoDay, ledger: Ledger): Claim[] {
  const fields: Readonly<Record<string, 'minutesCirculatedOn' | 'sharedWithRcoOn' | 'agendaCirculatedOn'>> = {
    [EVENTS.circulated.toLowerCase()]: 'minutesCirculatedOn',
    [EVENTS.archived.toLowerCase()]: 'sharedWithRcoOn',
    [EVENTS.agendaCirculated.toLowerCase()]: 'agendaCirculatedOn',
  };
  return ledger.unconfirmed().filter((claim) => {
    const field = fields[claim.event.trim().toLowerCase()];
    if (field === undefined) return claim.timestamp.slice(0, 10) > addDays(today, -REMINDER_DAYS);
    const meeting = network.meetings.records.find((m) => keyOf(m.id) === keyOf(claim.ref));
    return meeting === undefined || meeting[field] === null;
  });
}
