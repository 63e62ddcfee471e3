/** The meeting form's fields and what the ToR asks next, rendered from the form state. */
import { t, type MessageKey } from '../../src/domain/i18n';
import { meetingSteps, type MeetingStep } from '../../src/domain/meeting-steps';
import { isActiveOn } from '../../src/domain/membership';
import type { Network } from '../../src/domain/network';
import { TEXT_LIMITS, type DecisionSidebarData, type SavedMeeting } from '../../src/domain/rpc';
import { MEETING_KINDS, MEETING_MODES, MEETING_STATUSES } from '../../src/domain/choices';
import { Checks, ErrorBox, Field, Input, Options, valueOf, type Errors } from '../lib/ui';
import { labelsOf, type ValueList } from '../lib/values';
import type { MeetingForm } from './form';

/** A step of what the ToR asks next, with its due day and the day it was done where there are. */
function stepText(s: MeetingStep): string {
  const key: MessageKey =
    s.due === ''
      ? s.done === ''
        ? 'sidebar.meeting.step'
        : 'sidebar.meeting.step-done'
      : s.done === ''
        ? 'sidebar.meeting.step-due'
        : 'sidebar.meeting.step-due-done';
  return t(key, { what: s.what, due: s.due, done: s.done });
}

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
    label: MessageKey,
    extra: Partial<Parameters<typeof Input>[0]>,
  ) => (
    <Field id={id} label={t(label)} field={field} errors={errors}>
      <Input id={id} value={form[field]} invalid={!!errors[field]} onValue={(v) => set({ [field]: v })} {...extra} />
    </Field>
  );
  const date = (id: string, field: 'date' | 'agendaCirculatedOn' | 'minutesApprovedOn', label: MessageKey) => (
    <Field id={id} label={t(label)} field={field} errors={errors}>
      <Input type="date" id={id} value={form[field]} invalid={!!errors[field]} onValue={(v) => set({ [field]: v })} />
    </Field>
  );
  const select = (
    id: string,
    field: 'status' | 'kind' | 'mode',
    label: MessageKey,
    values: readonly string[],
    list: ValueList,
  ) => (
    <div class="field">
      <label for={id}>{t(label)}</label>
      <select id={id} value={form[field]} onChange={(e) => set({ [field]: valueOf(e) })}>
        {field === 'mode' && <option value="">{t('sidebar.meeting.mode-none')}</option>}
        <Options values={values} labels={labelsOf(list)} />
      </select>
      <ErrorBox errors={errors} field={field} />
    </div>
  );
  return (
    <>
      <div class="pair">
        {date('m-date', 'date', 'sidebar.field.date')}
        {select('m-status', 'status', 'sidebar.field.status', MEETING_STATUSES, 'meetingStatus')}
      </div>
      <div class="pair">
        {select('m-kind', 'kind', 'sidebar.field.kind', MEETING_KINDS, 'meetingKind')}
        {select('m-mode', 'mode', 'sidebar.field.mode', MEETING_MODES, 'meetingMode')}
      </div>
      {text('m-title', 'title', 'sidebar.field.title', { maxLength: TEXT_LIMITS.title, describedBy: 'm-steps-head' })}
      <fieldset class="field group">
        <legend>{t('sidebar.field.chaired-by')}</legend>
        <Checks
          id="m-chair"
          name="m-chair"
          items={codes(form.chairedBy)}
          checked={form.chairedBy}
          onChange={(chairedBy) => set({ chairedBy })}
        />
        <ErrorBox errors={errors} field="chairedBy" />
      </fieldset>
      {date('m-agenda', 'agendaCirculatedOn', 'sidebar.field.agenda-circulated-on')}
      <fieldset class="field group">
        <legend>
          {t('sidebar.field.attendees')}{' '}
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
            {t('sidebar.meeting.all-active')}
          </button>
          <button type="button" class="link" id="m-none" onClick={() => set({ attendees: [] })}>
            {t('sidebar.none')}
          </button>
        </div>
        <ErrorBox errors={errors} field="attendees" />
      </fieldset>
      {text('m-link', 'minutesLink', 'sidebar.field.minutes-link', {
        maxLength: TEXT_LIMITS.link,
        inputMode: 'url',
        placeholder: 'https://',
      })}
      {date('m-approved', 'minutesApprovedOn', 'sidebar.field.minutes-approved-on')}
      <section class="guidance" aria-labelledby="m-steps-head">
        <h2 id="m-steps-head">{t('sidebar.meeting.steps-head')}</h2>
        <ul id="m-steps">
          {steps.map((s, i) => (
            <li key={i} class={s.done === '' ? 'info' : 'done'}>
              {stepText(s)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
