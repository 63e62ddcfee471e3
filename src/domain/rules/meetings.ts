/** The meeting log: cadence, the annual meeting, mode, agenda, minutes, their circulation and archive, attendance. */
import type { Located } from '../codec';
import { addDays, addMonths, daysBetween, yearOf } from '../dates';
import type { Meeting } from '../tables';
import { finding, monthsAndDays, type RuleContext, type RuleDef } from './context';
import type { Finding } from './finding';

function held(ctx: RuleContext): Located<Meeting>[] {
  return ctx.network.meetings.records.filter((m) => m.status === 'Held');
}

function byDate(a: Located<Meeting>, b: Located<Meeting>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row;
}

function cadenceWords(ctx: RuleContext, months: number, clause: string): string {
  if (!clause.startsWith('Network settings') && ctx.network.profile.id === 'uzbekistan') return 'the Uzbekistan ToR asks for one meeting a quarter';
  if (!clause.startsWith('Network settings') && ctx.network.profile.id === 'azerbaijan')
    return `the Azerbaijan ToR asks for a meeting on a bi-annual basis (every ${months} months)`;
  return `the settings ask for a regular meeting at least every ${months} months`;
}

function cadence(ctx: RuleContext): Finding[] {
  const months = ctx.settings.meetingCadenceMonths;
  if (months === null) return [];
  const clause = ctx.clause('meetings.cadence', 'meetingCadenceMonths');
  const words = cadenceWords(ctx, months, clause);
  const regular = held(ctx)
    .filter((m) => m.kind === 'Regular' || m.kind === 'Annual')
    .sort(byDate);
  const out: Finding[] = [];
  for (let i = 1; i < regular.length; i++) {
    const prev = regular[i - 1]!;
    const next = regular[i]!;
    if (next.date <= addMonths(prev.date, months)) continue;
    out.push(
      finding('meetings.cadence', 'error', {
        sheet: 'Meetings',
        row: next.row,
        ref: next.id,
        message: `${next.id} on ${next.date} came ${monthsAndDays(prev.date, next.date)} after ${prev.id} on ${prev.date}; ${words}`,
        clause,
        fix: `If a regular meeting took place between ${prev.id} and ${next.id}, record it in Meetings (Status Held); otherwise note the reason for the gap in ${next.id}'s minutes and keep later meetings no more than ${months} months apart`,
      }),
    );
  }
  const last = regular[regular.length - 1];
  const founded = ctx.settings.foundedOn;
  const from = last?.date ?? founded;
  if (from === null || from === undefined) return out;
  const due = addMonths(from, months);
  if (ctx.today <= due) return out;
  const planned = ctx.network.meetings.records.filter((m) => m.status === 'Planned' && (m.kind === 'Regular' || m.kind === 'Annual') && m.date > from).sort(byDate)[0];
  const plannedNote = planned ? ` ${planned.id} is planned for ${planned.date}.` : '';
  out.push(
    finding('meetings.cadence', 'error', {
      sheet: 'Meetings',
      row: last?.row ?? null,
      ref: null,
      message:
        last === undefined
          ? `No regular meeting has been held since the network was founded on ${from}; the first was due by ${due} and ${words}.${plannedNote}`
          : `The last regular meeting, ${last.id} on ${last.date}, was ${monthsAndDays(last.date, ctx.today)} ago; the next was due by ${due} and ${words}.${plannedNote}`,
      clause,
      fix: planned
        ? `Hold ${planned.id} (or an earlier regular meeting) and record it as Held`
        : `Convene the next regular meeting as soon as possible and record it in Meetings (it was due by ${due})`,
    }),
  );
  return out;
}

function annual(ctx: RuleContext): Finding[] {
  if (ctx.settings.annualMeetingRequired !== true) return [];
  const clause = ctx.clause('meetings.annual', 'annualMeetingRequired');
  const thisYear = yearOf(ctx.today);
  const heldYears = new Set<number>();
  const plannedYears = new Set<number>();
  for (const m of ctx.network.meetings.records) {
    if (m.kind !== 'Annual') continue;
    if (m.status === 'Held') heldYears.add(yearOf(m.date));
    if (m.status === 'Planned') plannedYears.add(yearOf(m.date));
  }
  const out: Finding[] = [];
  const founded = ctx.settings.foundedOn;
  if (founded !== null) {
    for (let year = yearOf(founded); year < thisYear; year++) {
      if (heldYears.has(year)) continue;
      out.push(
        finding('meetings.annual', 'error', {
          sheet: 'Meetings',
          row: null,
          ref: String(year),
          message: `No Annual network meeting was held in ${year} (Meetings has no row of Kind Annual, Status Held, dated ${year})`,
          clause,
          fix: `If the ${year} annual meeting took place, record it in Meetings with Kind Annual and Status Held; otherwise explain its absence in the annual review`,
        }),
      );
    }
  }
  if ((founded === null || yearOf(founded) <= thisYear) && !heldYears.has(thisYear) && !plannedYears.has(thisYear)) {
    out.push(
      finding('meetings.annual', 'warning', {
        sheet: 'Meetings',
        row: null,
        ref: String(thisYear),
        message: `No Annual network meeting is held or planned for ${thisYear}`,
        clause,
        fix: `Plan the ${thisYear} annual network meeting before 31 December and record it in Meetings (Kind Annual, Status Planned)`,
      }),
    );
  }
  return out;
}

function mode(ctx: RuleContext): Finding[] {
  if (ctx.settings.meetingModeRequired !== true) return [];
  const clause = ctx.clause('meetings.mode', 'meetingModeRequired');
  return held(ctx)
    .filter((m) => m.mode === null && !m.invalid.includes('mode'))
    .map((m) =>
      finding('meetings.mode', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id} on ${m.date} was held but its Mode (In person, Online or Hybrid) is not recorded`,
        clause,
        fix: `Enter ${m.id}'s Mode, and make sure its minutes state it`,
      }),
    );
}

function agenda(ctx: RuleContext): Finding[] {
  const days = ctx.settings.agendaDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.agenda', 'agendaDueDays');
  const out: Finding[] = [];
  for (const m of held(ctx)) {
    if (m.invalid.includes('agendaCirculatedOn')) continue;
    const due = addDays(m.date, -days);
    const sent = m.agendaCirculatedOn;
    if (sent !== null && sent <= due) continue;
    out.push(
      finding('meetings.agenda', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message:
          sent === null
            ? `${m.id} on ${m.date} has no "Agenda circulated on"; the agenda was due by ${due} (${days} days before)`
            : `${m.id}'s agenda went out on ${sent}, ${daysBetween(sent, m.date)} days before the meeting on ${m.date}; it was due by ${due} (${days} days before)`,
        clause,
        fix:
          sent === null
            ? `Enter the day ${m.id}'s agenda was circulated; for the next meeting, circulate the agenda at least ${days} days ahead`
            : `Circulate the next agendas at least ${days} days before the meeting`,
      }),
    );
  }
  return out;
}

function minutes(ctx: RuleContext): Finding[] {
  const days = ctx.settings.minutesDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.minutes', 'minutesDueDays');
  return held(ctx)
    .filter((m) => m.minutesLink.trim() === '' && daysBetween(m.date, ctx.today) > days)
    .map((m) =>
      finding('meetings.minutes', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id} was held on ${m.date}, ${daysBetween(m.date, ctx.today)} days ago, and has no Minutes link; minutes were due by ${addDays(m.date, days)}`,
        clause,
        fix: `Write up ${m.id}'s minutes and put their link in Minutes link`,
      }),
    );
}

function circulated(ctx: RuleContext): Finding[] {
  const days = ctx.settings.circulationDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.circulated', 'circulationDueDays');
  return ctx.network.meetings.records
    .filter(
      (m) => m.minutesApprovedOn !== null && m.minutesCirculatedOn === null && !m.invalid.includes('minutesCirculatedOn') && daysBetween(m.minutesApprovedOn, ctx.today) > days,
    )
    .map((m) =>
      finding('meetings.circulated', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id}'s minutes were approved on ${m.minutesApprovedOn} but have not been circulated; they were due to go out by ${addDays(m.minutesApprovedOn!, days)}`,
        clause,
        fix: `Circulate ${m.id}'s minutes to the members and enter the day in "Minutes circulated on"`,
      }),
    );
}

function rcoArchive(ctx: RuleContext): Finding[] {
  const email = ctx.settings.rcoArchiveEmail.trim();
  if (email === '') return [];
  const clause = ctx.clause('meetings.rco-archive', 'rcoArchiveEmail');
  return ctx.network.meetings.records
    .filter((m) => m.minutesCirculatedOn !== null && m.sharedWithRcoOn === null && !m.invalid.includes('sharedWithRcoOn'))
    .map((m) =>
      finding('meetings.rco-archive', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id}'s minutes were circulated on ${m.minutesCirculatedOn} but not shared with the RCO for its archive (${email})`,
        clause,
        fix: `Send ${m.id}'s minutes to ${email} and enter the day in "Shared with RCO on"`,
      }),
    );
}

function attendance(ctx: RuleContext): Finding[] {
  return held(ctx)
    .filter((m) => m.attendees.length === 0)
    .map((m) =>
      finding('meetings.attendance', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id} on ${m.date} was held but lists no Attendees`,
        clause: ctx.clause('meetings.attendance'),
        fix: `Enter the agency codes of the members who attended ${m.id} in Attendees`,
      }),
    );
}

export const MEETING_RULES: readonly RuleDef[] = [
  { id: 'meetings.cadence', sheet: 'Meetings', needs: ['Meetings'], run: cadence },
  { id: 'meetings.annual', sheet: 'Meetings', needs: ['Meetings'], run: annual },
  { id: 'meetings.mode', sheet: 'Meetings', needs: ['Meetings'], run: mode },
  { id: 'meetings.agenda', sheet: 'Meetings', needs: ['Meetings'], run: agenda },
  { id: 'meetings.minutes', sheet: 'Meetings', needs: ['Meetings'], run: minutes },
  { id: 'meetings.circulated', sheet: 'Meetings', needs: ['Meetings'], run: circulated },
  { id: 'meetings.rco-archive', sheet: 'Meetings', needs: ['Meetings'], run: rcoArchive },
  { id: 'meetings.attendance', sheet: 'Meetings', needs: ['Meetings'], run: attendance },
];
