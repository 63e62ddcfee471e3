/** The meeting log: cadence by calendar periods, the annual meeting and who came, status, mode, agenda, minutes, their approval, circulation and archive, attendance, disclosure. */
import type { Located } from '../codec';
import { addDays, addMonths, daysBetween, yearOf, type IsoDay, longDay } from '../dates';
import { MONTH_NAMES } from '../i18n/months';
import type { Meeting } from '../tables';
import { codesOf } from '../membership';
import { joinFew, keyOf, plural } from '../words';
import { clip, finding, whoAsks, type RuleContext, type RuleDef } from './context';
import { settingCitation } from './clauses';
import type { Finding } from './finding';
import {
  AZ_INTERNAL,
  AZ_MINUTES,
  AZ_ROLE,
  UZ_DOCUMENTED,
  UZ_SECRETARIAT,
  UZ_WORKING,
  type ClauseTable,
} from './clauses';

/** The ToR words these rules enforce (quoted exactly: a test checks each against the ToR text). */
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

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cadenceWords(ctx: RuleContext, months: number, clause: string): string {
  if (!clause.startsWith('Network settings') && ctx.network.profile.id === 'uzbekistan')
    return 'the Uzbekistan ToR asks for one meeting a quarter';
  if (!clause.startsWith('Network settings') && ctx.network.profile.id === 'azerbaijan')
    return 'the Azerbaijan ToR asks for a meeting on a bi-annual basis (one every half-year)';
  return `the settings ask for a regular meeting in every period of ${plural(months, 'month')}`;
}

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

/** The period of `months` that holds `day`; `months` divides 12. */
export function periodOf(day: IsoDay, months: number): Period {
  const year = yearOf(day);
  const index = Math.floor((Number(day.slice(5, 7)) - 1) / months);
  const first = index * months;
  const start = `${year}-${String(first + 1).padStart(2, '0')}-01`;
  const end = addDays(addMonths(start, months), -1);
  const span =
    months === 1
      ? `${MONTH_NAMES[first]} ${year}`
      : `${MONTH_NAMES[first]} to ${MONTH_NAMES[first + months - 1]} ${year}`;
  if (months === 3)
    return {
      start,
      end,
      label: `${year}-Q${index + 1}`,
      words: `the ${ORDINALS[index]} quarter of ${year} (${MONTH_NAMES[first]} to ${MONTH_NAMES[first + 2]})`,
    };
  if (months === 6)
    return {
      start,
      end,
      label: `${year}-H${index + 1}`,
      words: `the ${ORDINALS[index]} half of ${year} (${MONTH_NAMES[first]} to ${MONTH_NAMES[first + 5]})`,
    };
  if (months === 12) return { start, end, label: String(year), words: String(year) };
  return { start, end, label: start.slice(0, 7), words: span };
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
  const clause = ctx.clause('meetings.cadence', 'meetingCadenceMonths');
  const words = cadenceWords(ctx, months, clause);
  const regular = ctx.network.meetings.records.filter(isRegular).sort(byDate);
  const held = regular.filter((m) => m.status === 'Held');
  const heldIn = new Set(held.map((m) => periodOf(m.date, months).label));
  const plannedIn = new Map<string, Located<Meeting>>();
  for (const m of regular)
    if (m.status === 'Planned' && m.date >= ctx.today && !plannedIn.has(periodOf(m.date, months).label))
      plannedIn.set(periodOf(m.date, months).label, m);
  const unreadable = ctx.network.meetings.unreadable.length;
  // A meeting whose row cannot be read may be the one a period lacks: say so rather than stay silent.
  const caveat =
    unreadable === 0
      ? ''
      : ` (Meetings has ${plural(unreadable, 'row')} that the add-on cannot read, shown under data.invalid: correct ${unreadable === 1 ? 'it' : 'them'} first, as the meeting may be there)`;
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
    const last =
      before === undefined ? '' : ` The last regular meeting before it was ${before.id} on ${longDay(before.date)}.`;
    if (period.end < ctx.today) {
      out.push(
        finding('meetings.cadence', 'error', {
          sheet: 'Meetings',
          row: null,
          ref: period.label,
          message: `No regular meeting was held in ${period.words}${caveat}; ${words}.${last}`,
          clause,
          fix: `If a regular meeting took place between ${longDay(period.start)} and ${longDay(period.end)}, record it in Meetings with Status Held; if none did, note the reason in the minutes of the next meeting`,
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
        message: `No regular meeting is held or planned in ${period.words}, which ends on ${longDay(period.end)}; ${words}.${last}`,
        clause,
        fix: `Plan a regular meeting before ${longDay(period.end)} and record it in Meetings with Status Planned`,
      }),
    );
  }
  return out;
}

/** Each year after the founding year has a held Annual meeting; the current one, one held or planned. */
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
          message: `No Annual network meeting was held in ${year}: Meetings has no row of Kind Annual and Status Held dated ${year}, and ${whoAsks(clause)} for at least one a year`,
          clause,
          fix: `If the ${year} annual meeting took place, record it in Meetings with Kind Annual and Status Held; otherwise explain its absence in the annual review`,
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
        message: `No Annual network meeting is held or planned for ${thisYear}; ${whoAsks(clause)} for at least one a year`,
        clause,
        fix: `Plan the ${thisYear} annual network meeting before 31 December and record it in Meetings (Kind Annual, Status Planned)`,
      }),
    );
  }
  return out;
}

/** "Of the full membership … to include other relevant stakeholders": who came to each held Annual meeting. */
function annualMembership(ctx: RuleContext): Finding[] {
  if (ctx.settings.annualMeetingRequired !== true) return [];
  const clause = ctx.clause('meetings.annual-membership', 'annualMeetingRequired');
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
          message: `${m.id}, the Annual meeting of ${longDay(m.date)}, lists ${plural(m.attendees.length, 'member')} among its Attendees; ${joinFew(absent)} ${absent.length === 1 ? 'was a member' : 'were members'} that day and ${absent.length === 1 ? 'is' : 'are'} not listed; ${whoAsks(clause)} for a meeting of the full membership`,
          clause,
          fix: `If ${joinFew(absent)} attended, add ${absent.length === 1 ? 'it' : 'them'} to ${m.id}'s Attendees; otherwise invite every member to the next annual meeting and note in the minutes who sent apologies`,
        }),
      );
    }
    if (m.externalParticipants.trim() === '') {
      out.push(
        finding('meetings.annual-membership', 'info', {
          sheet: 'Meetings',
          row: m.row,
          ref: m.id,
          message: `${m.id}, the Annual meeting of ${longDay(m.date)}, names no External participants; ${whoAsks(clause)} the annual meeting to include other relevant stakeholders`,
          clause,
          fix: `Record in ${m.id}'s External participants the stakeholders who took part (the State Migration Service, civil society, …); if none did, invite them to the next annual meeting`,
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
        message: `${m.id}${m.title ? ` ("${clip(m.title)}")` : ''} was planned for ${longDay(m.date)}, ${plural(daysBetween(m.date, ctx.today), 'day')} ago, and is still recorded as Planned`,
        clause,
        fix: `If ${m.id} took place, set its Status to Held and enter its Attendees; if not, set it to Cancelled (or move its Date if it was postponed)`,
      }),
    );
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
        message: `${m.id} on ${longDay(m.date)} was held but its Mode (In person, Online or Hybrid) is not recorded`,
        clause,
        fix: `Enter ${m.id}'s Mode, and make sure its minutes state it`,
      }),
    );
}

/** "2 days before", "on the day of", "3 days after": when something went out, against a meeting's day. */
function lead(days: number): string {
  if (days === 0) return 'on the day of';
  return days > 0 ? `${plural(days, 'day')} before` : `${plural(-days, 'day')} after`;
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
            ? `${m.id} on ${longDay(m.date)} has no "Agenda circulated on"; the agenda was due by ${longDay(due)} (${plural(days, 'day')} before)`
            : `${m.id}'s agenda went out on ${longDay(sent)}, ${lead(daysBetween(sent, m.date))} the meeting on ${longDay(m.date)}; it was due by ${longDay(due)} (${plural(days, 'day')} before)`,
        clause,
        fix:
          sent === null
            ? `Enter the day ${m.id}'s agenda was circulated; for the next meeting, circulate the agenda at least ${days} days ahead`
            : `Circulate the next agendas at least ${plural(days, 'day')} before the meeting`,
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
        message: `${m.id} was held on ${longDay(m.date)}, ${daysBetween(m.date, ctx.today)} days ago, and has no Minutes link; minutes were due by ${longDay(addDays(m.date, days))}`,
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
        message: `${m.id}'s minutes were approved on ${longDay(m.minutesApprovedOn)} but have not been circulated; they were due to go out by ${longDay(addDays(m.minutesApprovedOn!, days))}`,
        clause,
        fix: `Circulate ${m.id}'s minutes to the members and enter the day in "Minutes circulated on"`,
      }),
    );
}

function minutesApproved(ctx: RuleContext): Finding[] {
  const approvalDays = ctx.settings.minutesApprovalDueDays;
  const minutesDays = ctx.settings.minutesDueDays;
  // Approval is due so many days after the minutes are: without a day for the minutes, none for their approval.
  if (approvalDays === null || minutesDays === null) return [];
  const days = minutesDays + approvalDays;
  const clause = ctx.clause('meetings.minutes-approved', 'minutesApprovalDueDays');
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
        message: `${m.id}'s minutes (meeting of ${longDay(m.date)}) have a Minutes link but no "Minutes approved on"; they were due for approval by ${longDay(addDays(m.date, days))}, and draft minutes cannot be circulated`,
        clause,
        fix: `Ask the members to approve ${m.id}'s draft minutes (or to send their comments) and enter the day they were approved in "Minutes approved on": the add-on then circulates them`,
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
    ? ctx.clause('meetings.rco-archive', 'rcoArchiveRequired')
    : settingCitation('rcoArchiveEmail', ctx.settings);
  const out: Finding[] = [];
  if (email === '') {
    out.push(
      finding('meetings.rco-archive', 'error', {
        sheet: 'Settings',
        row: ctx.network.rows.rcoArchiveEmail ?? null,
        ref: null,
        message: `${capitalised(whoAsks(clause))} the Secretariat to share all minutes with the RCO for its archive, but "RCO archive email" in Settings is blank, so no archive copy can go out`,
        clause,
        fix: 'Ask the RCO for its archive address and enter it in Settings (RCO archive email): the add-on then sends each approved set of minutes there',
      }),
    );
  }
  const to = email === '' ? 'the RCO' : `the RCO (${email})`;
  for (const m of ctx.network.meetings.records) {
    if (m.minutesCirculatedOn === null || m.sharedWithRcoOn !== null || m.invalid.includes('sharedWithRcoOn')) continue;
    out.push(
      finding('meetings.rco-archive', 'error', {
        sheet: 'Meetings',
        row: m.row,
        ref: m.id,
        message: `${m.id}'s minutes were circulated on ${longDay(m.minutesCirculatedOn)} but not shared with ${to} for its archive`,
        clause,
        fix:
          email === ''
            ? `Enter the RCO archive address in Settings; the add-on then sends ${m.id}'s minutes there`
            : `Send ${m.id}'s minutes to ${email} and enter the day in "Shared with RCO on"`,
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
        message: `${m.id} on ${longDay(m.date)} was held but lists no Attendees`,
        clause: ctx.clause('meetings.attendance'),
        fix: `Enter the agency codes of the members who attended ${m.id} in Attendees`,
      }),
    );
}

/** "Internal use only, unless explicitly stated and agreed otherwise": a Public meeting has a Disclosure decision. */
function disclosure(ctx: RuleContext): Finding[] {
  if (ctx.settings.disclosureNeedsAgreement !== true) return [];
  const clause = ctx.clause('meetings.disclosure', 'disclosureNeedsAgreement');
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
        message: `${m.id} (${longDay(m.date)}) is marked Public, but no Adopted decision of Kind Disclosure with Subject ${m.id} records that the members agreed to disclose it; ${whoAsks(clause)} for meeting records to stay internal unless the members agree otherwise`,
        clause,
        fix: `Record the members' agreement as a decision (Kind Disclosure, Subject ${m.id}), or set ${m.id}'s Confidentiality back to Internal`,
      }),
    );
}

export const MEETING_RULES: readonly RuleDef[] = [
  { id: 'meetings.cadence', sheet: 'Meetings', needs: ['Meetings'], run: cadence, quotes: QUOTES },
  { id: 'meetings.annual', sheet: 'Meetings', needs: ['Meetings'], run: annual, quotes: QUOTES },
  {
    id: 'meetings.annual-membership',
    sheet: 'Meetings',
    needs: ['Meetings', 'Members'],
    run: annualMembership,
    quotes: QUOTES,
  },
  { id: 'meetings.status', sheet: 'Meetings', needs: ['Meetings'], run: status, quotes: QUOTES },
  { id: 'meetings.mode', sheet: 'Meetings', needs: ['Meetings'], run: mode, quotes: QUOTES },
  { id: 'meetings.agenda', sheet: 'Meetings', needs: ['Meetings'], run: agenda, quotes: QUOTES },
  { id: 'meetings.minutes', sheet: 'Meetings', needs: ['Meetings'], run: minutes, quotes: QUOTES },
  { id: 'meetings.minutes-approved', sheet: 'Meetings', needs: ['Meetings'], run: minutesApproved, quotes: QUOTES },
  { id: 'meetings.circulated', sheet: 'Meetings', needs: ['Meetings'], run: circulated, quotes: QUOTES },
  { id: 'meetings.rco-archive', sheet: 'Meetings', needs: ['Meetings'], run: rcoArchive, quotes: QUOTES },
  { id: 'meetings.attendance', sheet: 'Meetings', needs: ['Meetings'], run: attendance, quotes: QUOTES },
  { id: 'meetings.disclosure', sheet: 'Meetings', needs: ['Meetings', 'Decisions'], run: disclosure, quotes: QUOTES },
];
