/** The decision form's fields, rendered from the form state; every change goes back through `set`. */
import { FIRST_YEAR } from '../../src/domain/dates';
import { TEXT_LIMITS, type DecisionSidebarData, type SidebarMember } from '../../src/domain/rpc';
import { DECISION_KINDS, OUTCOMES } from '../../src/domain/tables';
import { checkedOf, Checks, ErrorBox, Field, Input, invalid, Options, valueOf, type Errors } from '../lib/ui';
import { activeCodes, SUBJECTS, type DecisionForm } from './form';
import { GcmObjectives } from './GcmObjectives';

export function memberTitle(m: SidebarMember): string {
  return m.name === '' ? `${m.code} (${m.status})` : `${m.name} (${m.status})`;
}

function count(k: number, of?: number): string {
  return k === 0 ? '' : of === undefined ? `(${k})` : `(${k} of ${of})`;
}

export function DecisionFields(props: {
  data: DecisionSidebarData;
  form: DecisionForm;
  errors: Errors;
  missing: string;
  set(change: Partial<DecisionForm>): void;
}) {
  const { data, form, errors, set } = props;
  const active = activeCodes(data, form.date || data.today);
  const subject = SUBJECTS[form.kind];
  const min = `${FIRST_YEAR}-01-01`;
  const setConsulted = (consulted: readonly string[]) =>
    set({ consulted, objections: form.objections.filter((c) => consulted.includes(c)) });
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
        <label for="f-meeting">Meeting</label>
        <select id="f-meeting" name="meeting" value={form.meeting} onChange={(e) => chooseMeeting(valueOf(e))}>
          <option value="">None: written consultation</option>
          {data.meetings.map((m) => (
            <option key={m.id} value={m.id}>{`${m.id} · ${m.date}${m.title === '' ? '' : ` · ${m.title}`}`}</option>
          ))}
        </select>
        <ErrorBox errors={errors} field="meeting" />
        {form.consultation !== '' && (
          <p id="f-consultation" class="muted small">{`Taken by written consultation ${form.consultation}.`}</p>
        )}
      </div>
      <div class="pair">
        <Field id="f-date" label="Date" field="date" errors={errors}>
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
          <label for="f-outcome">Outcome</label>
          <select id="f-outcome" name="outcome" value={form.outcome} onChange={(e) => set({ outcome: valueOf(e) })}>
            <Options values={OUTCOMES} />
          </select>
          <ErrorBox errors={errors} field="outcome" />
        </div>
      </div>
      <div class="field">
        <label for="f-kind">Kind</label>
        <select
          id="f-kind"
          name="kind"
          value={form.kind}
          onChange={(e) => set({ kind: valueOf(e), ...(SUBJECTS[valueOf(e)] ? {} : { subject: '' }) })}
        >
          <Options values={DECISION_KINDS} />
        </select>
        <ErrorBox errors={errors} field="kind" />
      </div>
      <Field
        id="f-subject"
        label={subject?.label ?? 'Subject'}
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
          placeholder={subject?.placeholder}
          value={form.subject}
          invalid={!!errors.subject}
          onValue={(v) => set({ subject: v })}
        />
      </Field>
      <Field id="f-title" label="Title" field="title" errors={errors}>
        <Input
          id="f-title"
          name="title"
          placeholder="Short title, as in the minutes"
          maxLength={TEXT_LIMITS.title}
          value={form.title}
          invalid={!!errors.title}
          onValue={(title) => set({ title })}
        />
      </Field>
      <div class="field">
        <label for="f-decision">Decision</label>
        <textarea
          id="f-decision"
          name="decision"
          rows={4}
          placeholder="The text of the decision"
          maxLength={TEXT_LIMITS.decision}
          value={form.decision}
          aria-invalid={invalid(errors, 'decision')}
          onInput={(e) => set({ decision: valueOf(e) })}
        />
        <ErrorBox errors={errors} field="decision" />
      </div>
      <fieldset class="field group">
        <legend>
          Consulted{' '}
          <span id="consulted-count" class="count">
            {count(form.consulted.length, data.members.length)}
          </span>
        </legend>
        <Checks
          id="consulted"
          name="consulted"
          items={data.members.map((m) => ({
            value: m.code,
            text: m.code,
            title: memberTitle(m),
            inactive: !active.includes(m.code),
          }))}
          checked={form.consulted}
          onChange={setConsulted}
        />
        <div class="links">
          <button type="button" class="link" id="consulted-active" onClick={() => setConsulted(active)}>
            Tick every active member
          </button>
          <button type="button" class="link" id="consulted-none" onClick={() => setConsulted([])}>
            None
          </button>
        </div>
        <p id="consulted-missing" class="small" aria-live="polite" hidden={props.missing === ''}>
          {props.missing}
        </p>
        <ErrorBox errors={errors} field="consulted" />
      </fieldset>
      <fieldset class="field group">
        <legend>
          Objections{' '}
          <span id="objections-count" class="count">
            {count(form.objections.length)}
          </span>
        </legend>
        <Checks
          id="objections"
          name="objections"
          hidden={form.consulted.length === 0}
          items={form.consulted.map((code) => {
            const m = data.members.find((x) => x.code === code);
            return { value: code, text: code, title: m ? memberTitle(m) : code };
          })}
          checked={form.objections}
          onChange={(objections) => set({ objections })}
        />
        <p id="objections-empty" class="muted small" hidden={form.consulted.length > 0}>
          Tick the members consulted first.
        </p>
        <ErrorBox errors={errors} field="objections" />
      </fieldset>
      <div class="field">
        <label class="inline">
          <input
            type="checkbox"
            id="f-state-relevant"
            name="stateRelevant"
            checked={form.stateRelevant}
            onChange={(e) => set({ stateRelevant: checkedOf(e), ...(checkedOf(e) ? {} : { stateConsultedOn: '' }) })}
          />{' '}
          Relevant to the state
        </label>
        <p id="state-hint" class="muted small" hidden={!form.stateRelevant || data.stateConsultationBody === ''}>
          The ToR asks that {data.stateConsultationBody} be consulted.
        </p>
        <ErrorBox errors={errors} field="stateRelevant" />
      </div>
      <Field
        id="f-state-consulted"
        label="State consulted on"
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
