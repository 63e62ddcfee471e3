/**
 * The sidebar's Meetings panel: plan a meeting, then record its agenda, attendance, minutes link and
 * approval in place, with what the ToR asks next from the settings the check uses. The server
 * refuses a change made over someone else's, and the panel then shows the meeting as it stands.
 */
import { meetingSteps, savedMeeting } from '../src/domain/meeting-steps';
import { isActiveOn } from '../src/domain/membership';
import type { Network } from '../src/domain/network';
import {
  parseMeetingInput,
  TEXT_LIMITS,
  unchangedMessage,
  type DecisionSidebarData,
  type MeetingField,
  type SavedMeeting,
} from '../src/domain/rpc';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES, type Meeting } from '../src/domain/tables';
import { byId, checkbox, checked, el, option, setChecked, show, showFieldErrors } from './lib/dom';
import { call } from './lib/rpc';
import { errorText } from '../src/domain/errors';

export interface MeetingsHost {
  data(): DecisionSidebarData;
  network(): Network;
  /** Reads the register and the tabs again, after a save. */
  reload(): Promise<void>;
}

const form = byId<HTMLFormElement>('mform');
const body = byId<HTMLFieldSetElement>('mbody');
const statusLine = byId('m-status-line');
const attendees = byId('m-attendees');
const chairs = byId('m-chair');
const submit = byId<HTMLButtonElement>('m-submit');
const m = {
  pick: byId<HTMLSelectElement>('m-pick'),
  date: byId<HTMLInputElement>('m-date'),
  status: byId<HTMLSelectElement>('m-status'),
  kind: byId<HTMLSelectElement>('m-kind'),
  mode: byId<HTMLSelectElement>('m-mode'),
  title: byId<HTMLInputElement>('m-title'),
  agendaCirculatedOn: byId<HTMLInputElement>('m-agenda'),
  minutesLink: byId<HTMLInputElement>('m-link'),
  minutesApprovedOn: byId<HTMLInputElement>('m-approved'),
};

let host: MeetingsHost;
let current: SavedMeeting | null = null;

function activeOn(day: string): string[] {
  return host
    .data()
    .members.filter((x) => isActiveOn(x, day))
    .map((x) => x.code);
}

/** Chaired by and Attendees: a checkbox for each member active on the date and each code kept, those of `keep` ticked. */
function renderCodes(box: HTMLElement, keep: readonly string[]): void {
  const active = activeOn(m.date.value || host.data().today);
  const codes = [...active, ...keep.filter((c) => !active.includes(c))];
  box.replaceChildren(
    ...codes.map((c) =>
      checkbox(box.id, c, c, host.data().members.find((x) => x.code === c)?.name ?? c, !active.includes(c)),
    ),
  );
  setChecked(box, keep);
}

function renderPeople(chairedBy: readonly string[], attending: readonly string[]): void {
  renderCodes(chairs, chairedBy);
  renderCodes(attendees, attending);
  renderSteps();
}

function renderSteps(): void {
  const n = checked(attendees).length;
  byId('m-attendees-count').textContent = n === 0 ? '' : `(${n})`;
  const base: Meeting | null = current?.meeting ?? null;
  const steps = meetingSteps(host.network().settings, {
    date: m.date.value || host.data().today,
    agendaCirculatedOn: m.agendaCirculatedOn.value || null,
    minutesLink: m.minutesLink.value,
    minutesApprovedOn: m.minutesApprovedOn.value || null,
    minutesCirculatedOn: base?.minutesCirculatedOn ?? null,
    sharedWithRcoOn: base?.sharedWithRcoOn ?? null,
  });
  byId('m-steps').replaceChildren(
    ...steps.map((s) => {
      const item = el(
        'li',
        `${s.what}${s.due === '' ? '' : `: due by ${s.due}`}${s.done === '' ? '' : ` (done: ${s.done})`}`,
      );
      item.className = s.done === '' ? 'info' : 'done';
      return item;
    }),
  );
}

function load(saved: SavedMeeting | null): void {
  current = saved;
  const x = saved?.meeting;
  m.pick.value = x?.id ?? '';
  m.date.value = x?.date ?? host.data().today;
  m.status.value = x?.status ?? 'Planned';
  m.kind.value = x?.kind ?? 'Regular';
  m.mode.value = x?.mode ?? '';
  m.title.value = x?.title ?? '';
  m.agendaCirculatedOn.value = x?.agendaCirculatedOn ?? '';
  m.minutesLink.value = x?.minutesLink ?? '';
  m.minutesApprovedOn.value = x?.minutesApprovedOn ?? '';
  renderPeople(x?.chairedBy ?? [], x?.attendees ?? []);
  submit.textContent = x ? `Save ${x.id}` : 'Plan meeting';
}

function renderPick(): void {
  const meetings = [...host.network().meetings.records]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, 50);
  m.pick.replaceChildren(
    option('', 'Plan a new meeting'),
    ...meetings.map((x) => option(x.id, `${x.id} · ${x.date} · ${x.status}${x.title === '' ? '' : ` · ${x.title}`}`)),
  );
}

function control(field: string): HTMLElement | undefined {
  const box = { attendees, chairedBy: chairs }[field];
  return box ? (box.querySelector('input') ?? undefined) : (m as Partial<Record<string, HTMLElement>>)[field];
}

async function onSubmit(event: Event): Promise<void> {
  event.preventDefault();
  statusLine.hidden = true;
  const parsed = parseMeetingInput({
    id: current?.meeting.id ?? '',
    version: current?.version ?? '',
    date: m.date.value,
    kind: m.kind.value,
    mode: m.mode.value,
    title: m.title.value.trim(),
    chairedBy: checked(chairs),
    status: m.status.value,
    agendaCirculatedOn: m.agendaCirculatedOn.value,
    attendees: checked(attendees),
    minutesLink: m.minutesLink.value.trim(),
    minutesApprovedOn: m.minutesApprovedOn.value,
  });
  if (!parsed.ok) {
    showFieldErrors(form, parsed.errors, control);
    return;
  }
  showFieldErrors(form, [], control);
  body.disabled = true;
  let errors: { field: MeetingField | ''; message: string }[] = [];
  try {
    const result = await call('saveMeeting', parsed.value);
    await host.reload();
    renderPick();
    if (result.ok) {
      load(savedMeeting(host.network(), result.id));
      show(
        statusLine,
        result.changed
          ? `Meeting ${result.id} saved in row ${result.row} of the Meetings tab.`
          : unchangedMessage('Meeting', result.id),
        'ok',
      );
    } else {
      if (result.current) load(result.current);
      errors = result.errors;
    }
  } catch (error) {
    show(statusLine, errorText(error), 'error');
  } finally {
    body.disabled = !host.data().user.mayRecord;
  }
  if (errors.length > 0) showFieldErrors(form, errors, control);
}

export function startMeetings(h: MeetingsHost): void {
  host = h;
  m.status.replaceChildren(...MEETING_STATUSES.map((s) => option(s, s)));
  m.kind.replaceChildren(...MEETING_KINDS.map((s) => option(s, s)));
  m.mode.replaceChildren(option('', 'Not recorded'), ...MEETING_MODES.map((s) => option(s, s)));
  m.title.maxLength = TEXT_LIMITS.title;
  m.minutesLink.maxLength = TEXT_LIMITS.link;
  m.title.setAttribute('aria-describedby', 'm-steps-head');
  renderPick();
  load(null);
  body.disabled = !host.data().user.mayRecord;
  form.addEventListener('submit', (e) => void onSubmit(e));
  form.addEventListener('input', renderSteps);
  m.date.addEventListener('change', () => renderPeople(checked(chairs), checked(attendees)));
  m.pick.addEventListener('change', () =>
    load(m.pick.value === '' ? null : savedMeeting(host.network(), m.pick.value)),
  );
  byId('m-all').addEventListener('click', () => {
    setChecked(attendees, activeOn(m.date.value || host.data().today));
    renderSteps();
  });
  byId('m-none').addEventListener('click', () => {
    setChecked(attendees, []);
    renderSteps();
  });
}
