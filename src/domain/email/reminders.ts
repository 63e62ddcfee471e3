/**
 * Reminders: to an owner agency about its open action points, and to the Secretariat about an agenda
 * that has not gone out or minutes that are late. Both ToRs ask the Secretariat to follow these up.
 */
import { addDays, daysBetween, type IsoDay } from '../dates';
import type { Network } from '../network';
import type { Action, Meeting } from '../tables';
import { t } from '../i18n';
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

/** What the secretariat is asked to do about a deadline. */
const THEN: Record<Deadline, (m: Meeting) => string> = {
  agenda: (m) => t(m.agendaLink.trim() === '' ? 'email.ahead.agenda-unlinked' : 'email.ahead.agenda-linked'),
  minutes: () => t('email.ahead.minutes'),
  approval: () => t('email.ahead.approval'),
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
  const days = daysBetween(today, due);
  return compose(
    network,
    t('email.ahead.subject', { network: networkName(network), deadline, title, date: longDay(due) }),
    [
      {
        kind: 'paragraph',
        text: t('email.ahead.text', {
          deadline,
          id: meeting.id,
          title,
          meeting: longDay(meeting.date),
          date: longDay(due),
          days,
        }),
      },
      { kind: 'paragraph', text: THEN[deadline](meeting) },
    ],
    'add-on',
  );
}

/** To the secretariat: minutes with a link that the members have not approved by the day the ToR sets. */
export function approvalReminder(network: Network, meeting: Meeting, due: IsoDay): Composed {
  const title = meetingTitle(meeting);
  return compose(
    network,
    t('email.approval.subject', { network: networkName(network), title, date: longDay(meeting.date) }),
    [
      {
        kind: 'paragraph',
        text: t('email.approval.text', { id: meeting.id, title, date: longDay(meeting.date), due: longDay(due) }),
      },
      { kind: 'paragraph', text: THEN.approval(meeting) },
    ],
    'add-on',
  );
}

/** The Due cell of a reminder's table: "16 September 2026 (in 3 days)", "today", "overdue since …". */
function dueWords(action: Action, today: IsoDay): string {
  if (action.due === null) return '';
  const days = daysBetween(today, action.due);
  if (days < 0) return t('email.reminder.overdue', { date: longDay(action.due) });
  if (days === 0) return t('email.reminder.due-today');
  return t('email.reminder.due-in', { date: longDay(action.due), days });
}

/** One message to an owner agency's focal points, listing its open action points. */
export function actionReminder(network: Network, agency: string, actions: readonly Action[], today: IsoDay): Composed {
  const count = actions.length;
  return compose(network, t('email.reminder.subject', { network: networkName(network), count, agency }), [
    { kind: 'paragraph', text: t('email.greeting.agency', { agency }) },
    { kind: 'paragraph', text: t('email.reminder.intro', { count, agency, days: REMINDER_DAYS }) },
    {
      kind: 'table',
      headers: [t('email.column.id'), t('email.column.action'), t('email.column.from'), t('email.column.due')],
      rows: actions.map((a) => [a.id, a.action, a.source, dueWords(a, today)]),
    },
    {
      kind: 'paragraph',
      text: t('email.reminder.when-done', { count }),
    },
  ]);
}

/** To the Secretariat: a planned meeting is near and its agenda has not gone out. Signed by the add-on. */
export function agendaReminder(network: Network, meeting: Meeting, today: IsoDay, agendaDays: number): Composed {
  const title = meetingTitle(meeting);
  const inDays = daysBetween(today, meeting.date);
  return compose(
    network,
    t('email.agenda-reminder.subject', { network: networkName(network), title, date: longDay(meeting.date) }),
    [
      { kind: 'paragraph', text: t('email.greeting.secretariat') },
      {
        kind: 'paragraph',
        text: t('email.agenda-reminder.text', {
          id: meeting.id,
          title,
          date: longDay(meeting.date),
          inDays,
          days: agendaDays,
          due: longDay(addDays(meeting.date, -agendaDays)),
        }),
      },
      { kind: 'paragraph', text: t('email.agenda-reminder.ask') },
    ],
    'add-on',
  );
}

/** To the Secretariat: a held meeting's minutes are past due and have no link yet. Signed by the add-on. */
export function minutesReminder(network: Network, meeting: Meeting, today: IsoDay, minutesDays: number): Composed {
  const title = meetingTitle(meeting);
  return compose(
    network,
    t('email.minutes-reminder.subject', { network: networkName(network), title, date: longDay(meeting.date) }),
    [
      { kind: 'paragraph', text: t('email.greeting.secretariat') },
      {
        kind: 'paragraph',
        text: t('email.minutes-reminder.text', {
          id: meeting.id,
          title,
          date: longDay(meeting.date),
          ago: daysBetween(meeting.date, today),
          due: longDay(addDays(meeting.date, minutesDays)),
        }),
      },
      { kind: 'paragraph', text: t('email.minutes-reminder.ask') },
    ],
    'add-on',
  );
}
