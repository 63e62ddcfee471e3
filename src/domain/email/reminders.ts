/**
 * Reminders: to an owner agency about its open action points, and to the Secretariat about an agenda
 * that has not gone out or minutes that are late. Both ToRs ask the Secretariat to follow these up.
 */
import { addDays, daysBetween, type IsoDay } from '../dates';
import type { Network } from '../network';
import type { Action, Meeting } from '../tables';
import { plural } from '../words';
import { compose, meetingTitle, networkName, type Composed } from './minutes';
import { longDay } from './render';

/** How long a reminder of one action, and a reminder about one meeting, hold before the next. */
export const REMINDER_DAYS = 7;

/** How many working days ahead of a deadline the secretariat hears of it first. */
export const AHEAD_WORKING_DAYS = 3;

/** The day `count` working days (Monday to Friday) before `day`. */
export function workingDaysBefore(day: IsoDay, count: number): IsoDay {
  let at = day;
  for (let left = count; left > 0;) {
    at = addDays(at, -1);
    const weekday = new Date(`${at}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return at;
}

/** The three deadlines of a meeting the secretariat is reminded of. */
export type Deadline = 'agenda' | 'minutes' | 'approval';

const AHEAD: Record<Deadline, { what: string; then: (m: Meeting) => string }> = {
  agenda: {
    what: 'agenda',
    then: (m) =>
      m.agendaLink.trim() === ''
        ? 'Please put the draft agenda\'s link in "Agenda link": on the due day the add-on emails it to the members with the calendar invitation.'
        : 'The add-on emails the agenda at "Agenda link" to the members on the due day, with the calendar invitation: make sure the draft is final.',
  },
  minutes: {
    what: 'minutes',
    then: () => 'Please put the minutes\' link in "Minutes link" when they are written.',
  },
  approval: {
    what: 'approval of the minutes',
    then: () =>
      'Please ask the members to approve the minutes, then enter the day in "Minutes approved on": the add-on then circulates them.',
  },
};

/** To the secretariat, a few working days ahead: a meeting's agenda, minutes or approval falls due on `due`. */
export function aheadReminder(
  network: Network,
  meeting: Meeting,
  deadline: Deadline,
  due: IsoDay,
  today: IsoDay,
): Composed {
  const title = meetingTitle(meeting);
  const { what, then } = AHEAD[deadline];
  const days = daysBetween(today, due);
  return compose(
    network,
    `${networkName(network)}: the ${what} of ${title} is due on ${longDay(due)}`,
    [
      {
        kind: 'paragraph',
        text: `The ${what} of ${meeting.id}, "${title}" (${longDay(meeting.date)}), is due on ${longDay(due)}, in ${plural(days, 'day')}.`,
      },
      { kind: 'paragraph', text: then(meeting) },
    ],
    'add-on',
  );
}

/** To the secretariat: minutes with a link that the members have not approved by the day the ToR sets. */
export function approvalReminder(network: Network, meeting: Meeting, due: IsoDay): Composed {
  const title = meetingTitle(meeting);
  return compose(
    network,
    `${networkName(network)}: the minutes of ${title} (${longDay(meeting.date)}) await approval`,
    [
      {
        kind: 'paragraph',
        text: `The minutes of ${meeting.id}, "${title}", held on ${longDay(meeting.date)}, were due to be approved by ${longDay(due)}, and the Meetings tab has no "Minutes approved on".`,
      },
      { kind: 'paragraph', text: AHEAD.approval.then(meeting) },
    ],
    'add-on',
  );
}

/** The Due cell of a reminder's table: "16 September 2026 (in 3 days)", "today", "overdue since …". */
function dueWords(action: Action, today: IsoDay): string {
  if (action.due === null) return '';
  const days = daysBetween(today, action.due);
  if (days < 0) return `overdue since ${longDay(action.due)}`;
  if (days === 0) return 'today';
  return `${longDay(action.due)} (in ${plural(days, 'day')})`;
}

/** One message to an owner agency's focal points, listing its open action points. */
export function actionReminder(network: Network, agency: string, actions: readonly Action[], today: IsoDay): Composed {
  const one = actions.length === 1;
  return compose(network, `${networkName(network)}: ${plural(actions.length, 'open action point')} for ${agency}`, [
    { kind: 'paragraph', text: `Dear ${agency} colleagues,` },
    {
      kind: 'paragraph',
      text: one
        ? `${agency} owns this open action point of the Network, which is due within the next ${REMINDER_DAYS} days or overdue:`
        : `${agency} owns these ${actions.length} open action points of the Network, which are due within the next ${REMINDER_DAYS} days or overdue:`,
    },
    {
      kind: 'table',
      headers: ['ID', 'Action', 'From', 'Due'],
      rows: actions.map((a) => [a.id, a.action, a.source, dueWords(a, today)]),
    },
    {
      kind: 'paragraph',
      text: `${one ? 'When it is done' : 'When one of them is done'}, please reply to this message so that the Secretariat can mark it Done in the action tracker.`,
    },
  ]);
}

/** To the Secretariat: a planned meeting is near and its agenda has not gone out. Signed by the add-on. */
export function agendaReminder(network: Network, meeting: Meeting, today: IsoDay, agendaDays: number): Composed {
  const title = meetingTitle(meeting);
  const inDays = daysBetween(today, meeting.date);
  return compose(
    network,
    `${networkName(network)}: the agenda of "${title}" (${longDay(meeting.date)}) has not gone out`,
    [
      { kind: 'paragraph', text: 'Dear Secretariat colleagues,' },
      {
        kind: 'paragraph',
        text: `${meeting.id}, "${title}", is planned for ${longDay(meeting.date)}, ${inDays === 0 ? 'today' : `in ${plural(inDays, 'day')}`}. The agenda was due ${plural(agendaDays, 'day')} before it, by ${longDay(addDays(meeting.date, -agendaDays))}, and the Meetings tab records no "Agenda circulated on".`,
      },
      {
        kind: 'paragraph',
        text: 'Please put the draft agenda\'s link in "Agenda link": the add-on then emails it to the members with the calendar invitation and enters the day in "Agenda circulated on".',
      },
    ],
    'add-on',
  );
}

/** To the Secretariat: a held meeting's minutes are past due and have no link yet. Signed by the add-on. */
export function minutesReminder(network: Network, meeting: Meeting, today: IsoDay, minutesDays: number): Composed {
  const title = meetingTitle(meeting);
  return compose(
    network,
    `${networkName(network)}: the minutes of "${title}" (${longDay(meeting.date)}) are late`,
    [
      { kind: 'paragraph', text: 'Dear Secretariat colleagues,' },
      {
        kind: 'paragraph',
        text: `${meeting.id}, "${title}", was held on ${longDay(meeting.date)}, ${plural(daysBetween(meeting.date, today), 'day')} ago. Its minutes were due by ${longDay(addDays(meeting.date, minutesDays))}, and the Meetings tab has no "Minutes link" for it.`,
      },
      {
        kind: 'paragraph',
        text: 'Please write up the minutes and put their link in "Minutes link". Once the members approve them, enter the day in "Minutes approved on": the add-on then circulates them.',
      },
    ],
    'add-on',
  );
}
