/** The meeting form's state: a new meeting or a saved one as a form, and the payload it sends. */
import type { SavedMeeting } from '../../src/domain/rpc';

export interface MeetingForm {
  readonly date: string;
  readonly status: string;
  readonly kind: string;
  readonly mode: string;
  readonly title: string;
  readonly chairedBy: readonly string[];
  readonly agendaCirculatedOn: string;
  readonly attendees: readonly string[];
  readonly minutesLink: string;
  readonly minutesApprovedOn: string;
}

export function meetingForm(saved: SavedMeeting | null, today: string): MeetingForm {
  const x = saved?.meeting;
  return {
    date: x?.date ?? today,
    status: x?.status ?? 'Planned',
    kind: x?.kind ?? 'Regular',
    mode: x?.mode ?? '',
    title: x?.title ?? '',
    chairedBy: x?.chairedBy ?? [],
    agendaCirculatedOn: x?.agendaCirculatedOn ?? '',
    attendees: x?.attendees ?? [],
    minutesLink: x?.minutesLink ?? '',
    minutesApprovedOn: x?.minutesApprovedOn ?? '',
  };
}

export function inputOf(form: MeetingForm, current: SavedMeeting | null): unknown {
  return {
    ...form,
    id: current?.meeting.id ?? '',
    version: current?.version ?? '',
    title: form.title.trim(),
    chairedBy: [...form.chairedBy],
    attendees: [...form.attendees],
    minutesLink: form.minutesLink.trim(),
  };
}

const CONTROLS: Partial<Record<string, string>> = {
  date: 'm-date',
  status: 'm-status',
  kind: 'm-kind',
  mode: 'm-mode',
  title: 'm-title',
  agendaCirculatedOn: 'm-agenda',
  minutesLink: 'm-link',
  minutesApprovedOn: 'm-approved',
};

/** The control (a selector) an error of that field focuses: a box's first checkbox for a list of members. */
export function controlOf(field: string): string | undefined {
  if (field === 'chairedBy') return '#m-chair input';
  if (field === 'attendees') return '#m-attendees input';
  const id = CONTROLS[field];
  return id === undefined ? undefined : `#${id}`;
}
