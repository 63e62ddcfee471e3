/**
 * The sidebar's Meetings panel, shared with the server: what the ToR asks next of a meeting, from the
 * settings the compliance check uses (agenda, minutes and circulation deadlines, the RCO archive).
 */
import { addDays } from './dates';
import { t } from './i18n';
import type { Network } from './network';
import type { Meeting } from './tables';

export interface MeetingStep {
  readonly what: string;
  /** The day it is due by, or '' where the settings give none or it waits on an earlier step. */
  readonly due: string;
  /** The day it was done, or '' while it is not. */
  readonly done: string;
}

/** "Minutes approval due (days after minutes due)" when Settings leave it blank, as meetings.minutes-approved reads it. */
const DEFAULT_APPROVAL_DAYS = 14;

/**
 * What the ToR asks next of a meeting and by when; the add-on sends the agenda with its invitation on
 * its due day, and reminds the Secretariat 3 working days before each of these days and on it.
 */
export function meetingSteps(
  settings: Network['settings'],
  m: Pick<
    Meeting,
    'date' | 'agendaCirculatedOn' | 'minutesLink' | 'minutesApprovedOn' | 'minutesCirculatedOn' | 'sharedWithRcoOn'
  >,
): MeetingStep[] {
  const steps: MeetingStep[] = [];
  const days = (n: number | null, from: string | null, sign: 1 | -1) =>
    n === null || from === null ? '' : addDays(from, sign * n);
  steps.push({
    what: t('email.steps.agenda'),
    due: days(settings.agendaDueDays, m.date, -1),
    done: m.agendaCirculatedOn ?? '',
  });
  steps.push({
    what: t('email.steps.minutes'),
    due: days(settings.minutesDueDays, m.date, 1),
    done: m.minutesLink.trim() === '' ? '' : t('email.steps.linked'),
  });
  const minutesDue = days(settings.minutesDueDays, m.date, 1);
  steps.push({
    what: t('email.steps.approval'),
    due: days(settings.minutesApprovalDueDays ?? DEFAULT_APPROVAL_DAYS, minutesDue === '' ? null : minutesDue, 1),
    done: m.minutesApprovedOn ?? '',
  });
  steps.push({
    what: t('email.steps.circulate'),
    due: days(settings.circulationDueDays, m.minutesApprovedOn, 1),
    done: m.minutesCirculatedOn ?? '',
  });
  const rco = settings.rcoArchiveEmail.trim();
  if (rco !== '') steps.push({ what: t('email.steps.rco', { address: rco }), due: '', done: m.sharedWithRcoOn ?? '' });
  return steps;
}
