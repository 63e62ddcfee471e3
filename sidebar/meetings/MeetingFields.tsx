/** The meeting form's fields and what the ToR asks next, rendered from the form state. */
import { meetingSteps } from '../../src/domain/meeting-steps';
import { isActiveOn } from '../../src/domain/membership';
import type { Network } from '../../src/domain/network';
import { TEXT_LIMITS, type DecisionSidebarData, type SavedMeeting } from '../../src/domain/rpc';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES } from '../../src/domain/choices';
import { Checks, ErrorBox, Field, Input, Options, valueOf, type Errors } from '../lib/ui';
import type { MeetingForm } from './form';

export function MeetingFields(props: {
  data: DecisionSidebarData;
  network: Network;
  current: SavedMeeting | null;
  form: MeetingForm;
  errors: Errors;
  set(change: Partial<MeetingForm>): void;
}) {
  const { data, form, errors, set } = props;
  const day = form.date || data.today;
  const active = data.members.filter((x) => isActiveOn(x, day)).map((x) => x.code);
  /** A checkbox for each member active on the date and each code kept. */
  const codes = (keep: readonly string[]) =>
    [...active, ...keep.filter((c) => !active.includes(c))].map((c) => ({
      value: c,
      text: c,
      title: data.members.find((x) => x.code === c)?.name ?? c,
      inactive: !active.includes(c),
    }));
  const base = props.current?.meeting ?? null;
  const steps = meetingSteps(props.network.settings, {
    date: day,
    agendaCirculatedOn: form.agendaCirculatedOn || null,
    minutesLink: form.minutesLink,
    minutesApprovedOn: form.minutesApprovedOn || null,
    minutesCirculatedOn: base?.minutesCirculatedOn ?? null,
    sharedWithRcoOn: base?.sharedWithRcoOn ?? null,
  });
  const text = (
    id: string,
    field: 'title' | 'minutesLink',
    label: string,
    extra: Partial<Parameters<typeof Input>[0]>,
  ) => (
    <Field id={id} label={label} field={field} errors={errors}>
      <Input id={id} value={form[field]} invalid={!!errors[field]} onValue={(v) => set({ [field]: v })} {...extra} />
    </Field>
  );
  const date = (id: string, field: 'date' | 'agendaCirculatedOn' | 'minutesApprovedOn', label: string) => (
    <Field id={id} label={label} field={field} errors={errors}>
      <Input type="date" id={id} value={form[field]} invalid={!!errors[field]} onValue={(v) => set({ [field]: v })} />
    </Field>
  );
  const select = (id: string, field: 'status' | 'kind' | 'mode', label: string, values: readonly string[]) => (
    <div class="field">
      <label for={id}>{label}</label>
      <select id={id} value={form[field]} onChange={(e) => set({ [field]: valueOf(e) })}>
        {field === 'mode' && <option value="">Not recorded</option>}
        <Options values={values} />
      </select>
      <ErrorBox errors={errors} field={field} />
    </div>
  );
  return (
    <>
      <div class="pair">
        {date('m-date', 'date', 'Date')}
        {select('m-status', 'status', 'Status', MEETING_STATUSES)}
      </div>
      <div class="pair">
        {select('m-kind', 'kind', 'Kind', MEETING_KINDS)}
        {select('m-mode', 'mode', 'Mode', MEETING_MODES)}
      </div>
      {text('m-title', 'title', 'Title', { maxLength: TEXT_LIMITS.title, describedBy: 'm-steps-head' })}
      <fieldset class="field group">
        <legend>Chaired by</legend>
        <Checks
          id="m-chair"
          name="m-chair"
          items={codes(form.chairedBy)}
          checked={form.chairedBy}
          onChange={(chairedBy) => set({ chairedBy })}
        />
        <ErrorBox errors={errors} field="chairedBy" />
      </fieldset>
      {date('m-agenda', 'agendaCirculatedOn', 'Agenda circulated on')}
      <fieldset class="field group">
        <legend>
          Attendees{' '}
          <span id="m-attendees-count" class="count">
            {form.attendees.length === 0 ? '' : `(${form.attendees.length})`}
          </span>
        </legend>
        <Checks
          id="m-attendees"
          name="m-attendees"
          items={codes(form.attendees)}
          checked={form.attendees}
          onChange={(attendees) => set({ attendees })}
        />
        <div class="links">
          <button type="button" class="link" id="m-all" onClick={() => set({ attendees: active })}>
            All members active that day
          </button>
          <button type="button" class="link" id="m-none" onClick={() => set({ attendees: [] })}>
            None
          </button>
        </div>
        <ErrorBox errors={errors} field="attendees" />
      </fieldset>
      {text('m-link', 'minutesLink', 'Minutes link', {
        maxLength: TEXT_LIMITS.link,
        inputMode: 'url',
        placeholder: 'https://',
      })}
      {date('m-approved', 'minutesApprovedOn', 'Minutes approved on')}
      <section class="guidance" aria-labelledby="m-steps-head">
        <h2 id="m-steps-head">What the ToR asks next</h2>
        <ul id="m-steps">
          {steps.map((s, i) => (
            <li key={i} class={s.done === '' ? 'info' : 'done'}>
              {`${s.what}${s.due === '' ? '' : `: due by ${s.due}`}${s.done === '' ? '' : ` (done: ${s.done})`}`}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
