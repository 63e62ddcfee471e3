/** The meeting log: cadence by calendar periods, the annual meeting and who came, status, mode, agenda, minutes, their approval, circulation and archive, attendance, disclosure. */
import type { Located } from '../codec';
import { addDays, addMonths, daysBetween, yearOf, type IsoDay, longDay } from '../dates';
import { formatMonth, t } from '../i18n';
import type { Meeting } from '../tables';
import { codesOf } from '../membership';
import { joinFew, keyOf } from '../words';
import { clip, finding, whoAsks, type RuleContext, type RuleDef, withClauses } from './context';
import type { Finding } from './finding';
import {
  AZ_INTERNAL,
  AZ_MINUTES,
  AZ_ROLE,
  UZ_DOCUMENTED,
  UZ_SECRETARIAT,
  UZ_WORKING,
  type BaselineTable,
  type ClauseTable,
} from './clauses';
import {
  AGENDA_DUE_DAYS,
  ANNUAL_MEETING_REQUIRED,
  CIRCULATION_DUE_DAYS,
  DISCLOSURE_NEEDS_AGREEMENT,
  MEETING_CADENCE_MONTHS,
  MEETING_MODE_REQUIRED,
  MINUTES_APPROVAL_DUE_DAYS,
  MINUTES_DUE_DAYS,
  RCO_ARCHIVE_EMAIL,
  RCO_ARCHIVE_REQUIRED,
} from '../setting-labels';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
// @i18n-exempt: ToR quotations stay in the ToR's own words (English), labelled as such in Russian
const QUOTES: ClauseTable = {
  'meetings.cadence': {
    azerbaijan: { section: AZ_ROLE, words: ['The UN Migration Network will meet on a bi-annual basis'] },
    uzbekistan: { section: UZ_WORKING, words: ['The UNMN meets one time per quarter'] },
  },
  'meetings.annual': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['There will be at least one Annual Network Meeting of the full membership of the Network'],
    },
  },
  'meetings.annual-membership': {
    azerbaijan: {
      section: AZ_ROLE,
      words: [
        'There will be at least one Annual Network Meeting of the full membership of the Network to include other relevant stakeholders',
      ],
    },
  },
  'meetings.status': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['Convene and chair meetings to ensure the smooth functioning of the Network'],
    },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.mode': {
    uzbekistan: {
      section: `${UZ_WORKING}, note 4`,
      words: ['The chosen mode of a meeting shall be recorded in the minutes'],
    },
  },
  'meetings.agenda': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['it will assist the Co-chairs in preparing and circulating draft agendas'],
    },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.minutes': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.minutes-approved': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.circulated': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_MINUTES] },
    uzbekistan: { section: UZ_SECRETARIAT, words: ['The Secretariat will share all minutes of UNMN meetings'] },
  },
  'meetings.rco-archive': {
    uzbekistan: {
      section: UZ_SECRETARIAT,
      words: [
        "The Secretariat will share all minutes of UNMN meetings and relevant documents/materials on UNSCDF and AWP's implementation with UNRC's Office (RCO) for reporting and archiving purposes",
      ],
    },
  },
  'meetings.attendance': {
    azerbaijan: {
      section: AZ_ROLE,
      words: ['Convene and chair meetings to ensure the smooth functioning of the Network'],
    },
    uzbekistan: { section: UZ_SECRETARIAT, words: [UZ_DOCUMENTED] },
  },
  'meetings.disclosure': {
    azerbaijan: { section: AZ_ROLE, words: [AZ_INTERNAL] },
  },
};

function held(ctx: RuleContext): Located<Meeting>[] {
  return ctx.network.meetings.records.filter((m) => m.status === 'Held');
}

function byDate(a: Located<Meeting>, b: Located<Meeting>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.row - b.row;
}

function cadenceWords(ctx: RuleContext, months: number, clause: string): string {
  const tor = ctx.citesSetting(clause) ? 'settings' : ctx.network.profile.id;
  return t('rules.cadence.asks', { tor, months });
}

/** Keys of the ordinal a period's message selects, not words. */
const ORDINALS = ['first', 'second', 'third', 'fourth'];

/** A calendar period of the cadence: quarters for 3 months, half-years for 6, the year for 12. */
export interface Period {
  readonly start: IsoDay;
  /** Its last day. */
  readonly end: IsoDay;
  /** As RULES.md writes it: `2026-Q2`, `2026-H1`, `2026`, else the first month `2026-05`. */
  readonly label: string;
  /** As a person says it: "the second quarter of 2026 (April to June)". */
  readonly words: string;
}

/** "July", "июль": a month's name standing alone. */
function monthName(month: number): string {
  return t('rules.month', { month });
}

/** The period of `months` that holds `day`; `months` divides 12. */
export function periodOf(day: IsoDay, months: number): Period {
  const year = yearOf(day);
  const index = Math.floor((Number(day.slice(5, 7)) - 1) / months);
  const first = index * months;
  const start = `${year}-${String(first + 1).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, months), -1);
  const span = { year: String(year), from: monthName(first + 1), to: monthName(first + months) };
  if (months === 3)
    return {
      start,
      end,
      label: `${year}-Q${index + 1}`,
      words: t('rules.period.quarter', { ...span, ordinal: ORDINALS[index] }),
    };
  if (months === 6)
    return {
      start,
      end,
      label: `${year}-H${index + 1}`,
      words: t('rules.period.half', { ...span, ordinal: ORDINALS[index] }),
    };
  if (months === 12) return { start, end, label: String(year), words: t('rules.period.year', span) };
  return {
    start,
    end,
    label: start.slice(0, 7),
    words: months === 1 ? formatMonth(year, first + 1) : t('rules.period.span', span),
  };
}

function isRegular(m: Meeting): boolean {
  return m.kind === 'Regular' || m.kind === 'Annual';
}

/**
 * One meeting in every calendar period of the cadence: each period that began on or after Founded on
 * (without it, the period of the first regular meeting on record) and has ended, and the current one.
 */
function cadence(ctx: RuleContext): Finding[] {
  const months = ctx.settings.meetingCadenceMonths;
  if (months === null || 12 % months !== 0) return [];
  const clause = ctx.clause('meetings.cadence', MEETING_CADENCE_MONTHS);
  const words = cadenceWords(ctx, months, clause);
  const regular = ctx.network.meetings.records.filter(isRegular).sort(byDate);
  const held = regular.filter((m) => m.status === 'Held');
  const heldIn = new Set(held.map((m) => periodOf(m.date, months).label));
  const plannedIn = new Map<string, Located<Meeting>>();
  for (const m of regular)
    if (m.status === 'Planned' && m.date >= ctx.today && !plannedIn.has(periodOf(m.date, months).label))
      plannedIn.set(periodOf(m.date, months).label, m);
  const unreadable = ctx.network.meetings.unreadable.length;
  // A meeting whose row cannot be read may be the one a period lacks: the message says so (`unreadable`).
  const founded = ctx.settings.foundedOn;
  const from = founded ?? held[0]?.date;
  if (from === undefined) return [];
  let period = periodOf(from, months);
  // The founding period is not required: the network did not exist for the whole of it.
  if (founded !== null && period.start < founded) period = periodOf(addMonths(period.start, months), months);
  const out: Finding[] = [];
  // The last held meeting before each period, found by walking the sorted list once: no rescan per period.
  let next = 0;
  for (; period.start <= ctx.today; period = periodOf(addMonths(period.start, months), months)) {
    while (next < held.length && held[next]!.date < period.start) next++;
    if (heldIn.has(period.label)) continue;
    const before = held[next - 1];
    const last = {
      last: before === undefined ? 'no' : 'yes',
      lastId: before?.id ?? '',
      lastDate: before === undefined ? '' : longDay(before.date),
    };
    if (period.end < ctx.today) {
      out.push(
        finding('meetings.cadence', 'error', {
          sheet: 'Meetings',
          row: null,
          ref: period.label,
          message: t('rules.cadence.missed', { period: period.words, unreadable, asks: words, ...last }),
          clause,
          fix: t('rules.cadence.missed-fix', { start: longDay(period.start), end: longDay(period.end) }),
        }),
      );
      continue;
    }
    const planned = plannedIn.get(period.label);
    if (planned !== undefined) continue;
    out.push(
      finding('meetings.cadence', 'warning', {
        sheet: 'Meetings',
        row: null,
        ref: period.label,
        message: t('rules.cadence.current', { period: period.words, end: longDay(period.end), asks: words, ...last }),
        clause,
        fix: t('rules.cadence.current-fix', { end: longDay(period.end) }),
      }),
    );
  }
  return out;
}

/** Each year after the founding year has a held Annual meeting; the current one, one held or planned. */
function annual(ctx: RuleContext): Finding[] {
  if (ctx.settings.annualMeetingRequired !== true) return [];
  const clause = ctx.clause('meetings.annual', ANNUAL_MEETING_REQUIRED);
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
  // Without a founding day, the year of the first meeting on record stands for it.
  const first = ctx.network.meetings.records.reduce<string | null>(
    (min, m) => (min === null || m.date < min ? m.date : min),
    null,
  );
  const since = founded ?? first;
  const foundingYear = since === null ? null : yearOf(since);
  if (foundingYear !== null) {
    for (let year = foundingYear + 1; year < thisYear; year++) {
      if (heldYears.has(year)) continue;
      out.push(
        finding('meetings.annual', 'error', {
          sheet: 'Meetings',
          row: null,
          ref: String(year),
          message: t('rules.annual.missed', { year: String(year), asks: whoAsks(ctx, clause) }),
          clause,
          fix: t('rules.annual.missed-fix', { year: String(year) }),
        }),
      );
    }
  }
  if ((foundingYear === null || foundingYear < thisYear) && !heldYears.has(thisYear) && !plannedYears.has(thisYear)) {
    out.push(
      finding('meetings.annual', 'warning', {
        sheet: 'Meetings',
        row: null,
        ref: String(thisYear),
        message: t('rules.annual.current', { year: String(thisYear), asks: whoAsks(ctx, clause) }),
        clause,
        fix: t('rules.annual.current-fix', { year: String(thisYear) }),
      }),
    );
  }
  return out;
}

/** "Of the full membership … to include other relevant stakeholders": who came to each held Annual meeting. */
function annualMembership(ctx: RuleContext): Finding[] {
  if (ctx.settings.annualMeetingRequired !== true) return [];
  const clause = ctx.clause('meetings.annual-membership', ANNUAL_MEETING_REQUIRED);
  const out: Finding[] = [];
  for (const m of held(ctx)) {
    // A meeting with no attendance on record is meetings.attendance's.
    if (m.kind !== 'Annual' || m.attendees.length === 0) continue;
    const came = new Set(m.attendees.flatMap(codesOf));
    const absent = ctx
      .activeOn(m.date)
      .filter((member) => !came.has(keyOf(member.agency)))
      .map((member) => member.agency);
    if (absent.length > 0) {
      out.push(
        finding('meetings.annual-membership', 'warning', {
          sheet: 'Meetings',
          row: m.row,
          ref: m.id,
          message: t('rules.annual-membership.absent', {
            id: m.id,
            date: longDay(m.date),
            listed: m.attendees.length,
            absent: joinFew(absent),
            count: absent.length,
            asks: whoAsks(ctx, clause),
          }),
          clause,
          fix: t('rules.annual-membership.absent-fix', { id: m.id, absent: joinFew(absent), count: absent.length }),
        }),
      );
    }
    if (m.externalParticipants.trim() === '') {
      out.push(
        finding('meetings.annual-membership', 'info', {
          sheet: 'Meetings',
          row: m.row,
          ref: m.id,
          message: t('rules.annual-membership.stakeholders', {
            id: m.id,
            date: longDay(m.date),
            asks: whoAsks(ctx, clause),
          }),
          clause,
          fix: t('rules.annual-membership.stakeholders-fix', { id: m.id }),
        }),
      );
    }
  }
  return out;
}

/** A meeting whose day has passed is recorded as what it became: Held, or Cancelled. */
function status(ctx: RuleContext): Finding[] {
  const clause = ctx.clause('meetings.status');
  return ctx.network.meetings.records
    .filter((m) => m.status === 'Planned' && m.date < ctx.today)
    .map((m) =>
      finding('meetings.status', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.status.message', {
          id: m.id,
          titled: m.title ? 'yes' : 'no',
          title: clip(m.title),
          date: longDay(m.date),
          days: daysBetween(m.date, ctx.today),
        }),
        clause,
        fix: t('rules.status.fix', { id: m.id }),
      }),
    );
}

function mode(ctx: RuleContext): Finding[] {
  if (ctx.settings.meetingModeRequired !== true) return [];
  const clause = ctx.clause('meetings.mode', MEETING_MODE_REQUIRED);
  return held(ctx)
    .filter((m) => m.mode === null && !m.invalid.includes('mode'))
    .map((m) =>
      finding('meetings.mode', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.mode.message', { id: m.id, date: longDay(m.date) }),
        clause,
        fix: t('rules.mode.fix', { id: m.id }),
      }),
    );
}

function agenda(ctx: RuleContext): Finding[] {
  const days = ctx.settings.agendaDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.agenda', AGENDA_DUE_DAYS);
  const out: Finding[] = [];
  for (const m of held(ctx)) {
    if (m.invalid.includes('agendaCirculatedOn')) continue;
    const due = addDays(m.date, -days);
    const sent = m.agendaCirculatedOn;
    if (sent !== null && sent <= due) continue;
    // "2 days before", "on the day of", "3 days after": when it went out, against the meeting's day.
    const lead = sent === null ? 0 : daysBetween(sent, m.date);
    out.push(
      finding('meetings.agenda', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message:
          sent === null
            ? t('rules.agenda.missing', { id: m.id, date: longDay(m.date), due: longDay(due), days })
            : t('rules.agenda.late', {
                id: m.id,
                sent: longDay(sent),
                when: lead > 0 ? 'before' : lead < 0 ? 'after' : 'same',
                lead: Math.abs(lead),
                date: longDay(m.date),
                due: longDay(due),
                days,
              }),
        clause,
        fix: sent === null ? t('rules.agenda.missing-fix', { id: m.id, days }) : t('rules.agenda.late-fix', { days }),
      }),
    );
  }
  return out;
}

function minutes(ctx: RuleContext): Finding[] {
  const days = ctx.settings.minutesDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.minutes', MINUTES_DUE_DAYS);
  return held(ctx)
    .filter((m) => m.minutesLink.trim() === '' && daysBetween(m.date, ctx.today) > days)
    .map((m) =>
      finding('meetings.minutes', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.minutes.message', {
          id: m.id,
          date: longDay(m.date),
          days: daysBetween(m.date, ctx.today),
          due: longDay(addDays(m.date, days)),
        }),
        clause,
        fix: t('rules.minutes.fix', { id: m.id }),
      }),
    );
}

function circulated(ctx: RuleContext): Finding[] {
  const days = ctx.settings.circulationDueDays;
  if (days === null) return [];
  const clause = ctx.clause('meetings.circulated', CIRCULATION_DUE_DAYS);
  return ctx.network.meetings.records
    .filter(
      (m) =>
        m.minutesApprovedOn !== null &&
        m.minutesCirculatedOn === null &&
        !m.invalid.includes('minutesCirculatedOn') &&
        daysBetween(m.minutesApprovedOn, ctx.today) > days,
    )
    .map((m) =>
      finding('meetings.circulated', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.circulated.message', {
          id: m.id,
          approved: longDay(m.minutesApprovedOn),
          due: longDay(addDays(m.minutesApprovedOn!, days)),
        }),
        clause,
        fix: t('rules.circulated.fix', { id: m.id }),
      }),
    );
}

function minutesApproved(ctx: RuleContext): Finding[] {
  const approvalDays = ctx.settings.minutesApprovalDueDays;
  const minutesDays = ctx.settings.minutesDueDays;
  // Approval is due so many days after the minutes are: without a day for the minutes, none for their approval.
  if (approvalDays === null || minutesDays === null) return [];
  const days = minutesDays + approvalDays;
  const clause = ctx.clause('meetings.minutes-approved', MINUTES_APPROVAL_DUE_DAYS);
  return held(ctx)
    .filter(
      (m) =>
        m.minutesLink.trim() !== '' &&
        m.minutesApprovedOn === null &&
        !m.invalid.includes('minutesApprovedOn') &&
        daysBetween(m.date, ctx.today) > days,
    )
    .map((m) =>
      finding('meetings.minutes-approved', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.minutes-approved.message', {
          id: m.id,
          date: longDay(m.date),
          due: longDay(addDays(m.date, days)),
        }),
        clause,
        fix: t('rules.minutes-approved.fix', { id: m.id }),
      }),
    );
}

/**
 * Where the ToR requires the RCO archive, or an archive address is set: every circulated set of minutes
 * went to the RCO too; and where it is required, the address itself is known.
 */
function rcoArchive(ctx: RuleContext): Finding[] {
  const required = ctx.settings.rcoArchiveRequired === true;
  const email = ctx.settings.rcoArchiveEmail.trim();
  if (!required && email === '') return [];
  // Not required, the address alone asks for the copies: the setting is cited, not the ToR that was switched off.
  const clause = required
    ? ctx.clause('meetings.rco-archive', RCO_ARCHIVE_REQUIRED)
    : ctx.settingClause(RCO_ARCHIVE_EMAIL);
  const out: Finding[] = [];
  if (email === '') {
    out.push(
      finding('meetings.rco-archive', 'error', {
        sheet: 'Settings',
        row: ctx.network.rows.rcoArchiveEmail ?? null,
        ref: null,
        message: t('rules.rco-archive.no-email', { tor: ctx.citesSetting(clause) ? 'settings' : 'tor' }),
        clause,
        fix: t('rules.rco-archive.no-email-fix'),
      }),
    );
  }
  for (const m of ctx.network.meetings.records) {
    if (m.minutesCirculatedOn === null || m.sharedWithRcoOn !== null || m.invalid.includes('sharedWithRcoOn')) continue;
    out.push(
      finding('meetings.rco-archive', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.rco-archive.message', {
          id: m.id,
          circulated: longDay(m.minutesCirculatedOn),
          addressed: email === '' ? 'no' : 'yes',
          email,
        }),
        clause,
        fix:
          email === ''
            ? t('rules.rco-archive.fix-no-email', { id: m.id })
            : t('rules.rco-archive.fix', { id: m.id, email }),
      }),
    );
  }
  return out;
}

function attendance(ctx: RuleContext): Finding[] {
  return held(ctx)
    .filter((m) => m.attendees.length === 0)
    .map((m) =>
      finding('meetings.attendance', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.attendance.message', { id: m.id, date: longDay(m.date) }),
        clause: ctx.clause('meetings.attendance'),
        fix: t('rules.attendance.fix', { id: m.id }),
      }),
    );
}

/** "Internal use only, unless explicitly stated and agreed otherwise": a Public meeting has a Disclosure decision. */
function disclosure(ctx: RuleContext): Finding[] {
  if (ctx.settings.disclosureNeedsAgreement !== true) return [];
  const clause = ctx.clause('meetings.disclosure', DISCLOSURE_NEEDS_AGREEMENT);
  const agreed = new Set(
    ctx.network.decisions.records
      .filter((d) => d.kind === 'Disclosure' && d.outcome === 'Adopted')
      .map((d) => keyOf(d.subject)),
  );
  return ctx.network.meetings.records
    .filter((m) => m.confidentiality === 'Public' && !agreed.has(keyOf(m.id)))
    .map((m) =>
      finding('meetings.disclosure', 'warning', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: t('rules.disclosure.message', { id: m.id, date: longDay(m.date), asks: whoAsks(ctx, clause) }),
        clause,
        fix: t('rules.disclosure.fix', { id: m.id }),
      }),
    );
}

/** What the rules below hold a network to under the custom profile, where no ToR words apply. */
const BASELINES: BaselineTable = {
  'meetings.status': 'rules.baseline.meetings-status',
  'meetings.minutes-approved': 'rules.baseline.meetings-minutes-approved',
  'meetings.annual-membership': 'rules.baseline.meetings-annual-membership',
  'meetings.disclosure': 'rules.baseline.meetings-disclosure',
  'meetings.agenda': 'rules.baseline.meetings-agenda',
  'meetings.minutes': 'rules.baseline.meetings-minutes',
  'meetings.circulated': 'rules.baseline.meetings-circulated',
  'meetings.attendance': 'rules.baseline.meetings-attendance',
};

export const MEETING_RULES: readonly RuleDef[] = /* @__PURE__ */ withClauses(
  [
    { id: 'meetings.cadence', sheet: 'Meetings', needs: ['Meetings'], run: cadence },
    { id: 'meetings.annual', sheet: 'Meetings', needs: ['Meetings'], run: annual },
    { id: 'meetings.annual-membership', sheet: 'Meetings', needs: ['Meetings', 'Members'], run: annualMembership },
    { id: 'meetings.status', sheet: 'Meetings', needs: ['Meetings'], run: status },
    { id: 'meetings.mode', sheet: 'Meetings', needs: ['Meetings'], run: mode },
    { id: 'meetings.agenda', sheet: 'Meetings', needs: ['Meetings'], run: agenda },
    { id: 'meetings.minutes', sheet: 'Meetings', needs: ['Meetings'], run: minutes },
    { id: 'meetings.minutes-approved', sheet: 'Meetings', needs: ['Meetings'], run: minutesApproved },
    { id: 'meetings.circulated', sheet: 'Meetings', needs: ['Meetings'], run: circulated },
    { id: 'meetings.rco-archive', sheet: 'Meetings', needs: ['Meetings'], run: rcoArchive },
    { id: 'meetings.attendance', sheet: 'Meetings', needs: ['Meetings'], run: attendance },
    { id: 'meetings.disclosure', sheet: 'Meetings', needs: ['Meetings', 'Decisions'], run: disclosure },
  ],
  QUOTES,
  BASELINES,
);
