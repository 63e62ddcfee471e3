/** The decision form's fields, rendered from the form state; every change goes back through `set`. */
import { FIRST_YEAR } from '../../src/domain/dates';
import { t } from '../../src/domain/i18n';
import { TEXT_LIMITS, type DecisionSidebarData } from '../../src/domain/rpc';
import { DECISION_KINDS, OUTCOMES } from '../../src/domain/choices';
import { checkedOf, ErrorBox, Field, Input, invalid, Options, valueOf, type Errors } from '../lib/ui';
import { labelsOf } from '../lib/values';
import { SUBJECTS, type DecisionForm } from './form';
import { Consulted } from './Consulted';
import { GcmObjectives } from './GcmObjectives';

export function DecisionFields(props: {
  data: DecisionSidebarData;
  form: DecisionForm;
  errors: Errors;
  missing: string;
  set(change: Partial<DecisionForm>): void;
}) {
  const { data, form, errors, set } = props;
  const subject = SUBJECTS[form.kind];
  const min = `${FIRST_YEAR}-01-01`;
  const chooseMeeting = (id: string) => {
    const meeting = data.meetings.find((m) => m.id === id);
    set({
      meeting: id,
      ...(meeting && meeting.date <= data.today ? { date: meeting.date } : {}),
      consulted: meeting?.attendees ?? [],
      objections: [],
    });
  };
  return (
    <>
      <div class="field">
        <label for="f-meeting">{t('sidebar.field.meeting')}</label>
        <select id="f-meeting" name="meeting" value={form.meeting} onChange={(e) => chooseMeeting(valueOf(e))}>
          <option value="">{t('sidebar.decision.meeting-none')}</option>
          {data.meetings.map((m) => (
            <option key={m.id} value={m.id}>{`${m.id} · ${m.date}${m.title === '' ? '' : ` · ${m.title}`}`}</option>
          ))}
        </select>
        <ErrorBox errors={errors} field="meeting" />
        {form.consultation !== '' && (
          <p id="f-consultation" class="muted small">
            {t('sidebar.decision.taken-by', { consultation: form.consultation })}
          </p>
        )}
      </div>
      <div class="pair">
        <Field id="f-date" label={t('sidebar.field.date')} field="date" errors={errors}>
          <Input
            type="date"
            id="f-date"
            name="date"
            required
            min={min}
            max={data.today}
            value={form.date}
            invalid={!!errors.date}
            onValue={(date) => set({ date })}
          />
        </Field>
        <div class="field">
          <label for="f-outcome">{t('sidebar.field.outcome')}</label>
          <select id="f-outcome" name="outcome" value={form.outcome} onChange={(e) => set({ outcome: valueOf(e) })}>
            <Options values={OUTCOMES} labels={labelsOf('outcome')} />
          </select>
          <ErrorBox errors={errors} field="outcome" />
        </div>
      </div>
      <div class="field">
        <label for="f-kind">{t('sidebar.field.kind')}</label>
        <select
          id="f-kind"
          name="kind"
          value={form.kind}
          onChange={(e) => set({ kind: valueOf(e), ...(SUBJECTS[valueOf(e)] ? {} : { subject: '' }) })}
        >
          <Options values={DECISION_KINDS} labels={labelsOf('decisionKind')} />
        </select>
        <ErrorBox errors={errors} field="kind" />
      </div>
      <Field
        id="f-subject"
        label={t(subject?.label ?? 'sidebar.field.subject')}
        boxId="subject-field"
        labelId="subject-label"
        field="subject"
        errors={errors}
        hidden={subject === undefined}
      >
        <Input
          id="f-subject"
          name="subject"
          maxLength={TEXT_LIMITS.subject}
          placeholder={subject && t(subject.placeholder)}
          value={form.subject}
          invalid={!!errors.subject}
          onValue={(v) => set({ subject: v })}
        />
      </Field>
      <Field id="f-title" label={t('sidebar.field.title')} field="title" errors={errors}>
        <Input
          id="f-title"
          name="title"
          placeholder={t('sidebar.decision.title-hint')}
          maxLength={TEXT_LIMITS.title}
          value={form.title}
          invalid={!!errors.title}
          onValue={(title) => set({ title })}
        />
      </Field>
      <div class="field">
        <label for="f-decision">{t('sidebar.field.decision')}</label>
        <textarea
          id="f-decision"
          name="decision"
          rows={4}
          placeholder={t('sidebar.decision.text-hint')}
          maxLength={TEXT_LIMITS.decision}
          value={form.decision}
          aria-invalid={invalid(errors, 'decision')}
          onInput={(e) => set({ decision: valueOf(e) })}
        />
        <ErrorBox errors={errors} field="decision" />
      </div>
      <Consulted data={data} form={form} errors={errors} missing={props.missing} set={set} />
      <div class="field">
        <label class="inline">
          <input
            type="checkbox"
            id="f-state-relevant"
            name="stateRelevant"
            checked={form.stateRelevant}
            onChange={(e) => set({ stateRelevant: checkedOf(e), ...(checkedOf(e) ? {} : { stateConsultedOn: '' }) })}
          />{' '}
          {t('sidebar.decision.state-relevant')}
        </label>
        <p id="state-hint" class="muted small" hidden={!form.stateRelevant || data.stateConsultationBody === ''}>
          {t('sidebar.decision.state-hint', { body: data.stateConsultationBody })}
        </p>
        <ErrorBox errors={errors} field="stateRelevant" />
      </div>
      <Field
        id="f-state-consulted"
        label={t('sidebar.field.state-consulted-on')}
        boxId="state-consulted-field"
        field="stateConsultedOn"
        errors={errors}
        hidden={!form.stateRelevant}
      >
        <Input
          type="date"
          id="f-state-consulted"
          name="stateConsultedOn"
          min={min}
          max={data.today}
          value={form.stateConsultedOn}
          invalid={!!errors.stateConsultedOn}
          onValue={(v) => set({ stateConsultedOn: v })}
        />
      </Field>
      <GcmObjectives data={data} checked={form.gcm} errors={errors} onChange={(gcm) => set({ gcm })} />
    </>
  );
}
