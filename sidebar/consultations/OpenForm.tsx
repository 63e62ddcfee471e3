/**
 * "Open a consultation" (secretariat): title, proposal and its link, kind, deadline (three working
 * days ahead at least, unless confirmed), and the agency for an admission. The server checks it again.
 */
import { useState } from 'preact/hooks';
import { MIN_WORKING_DAYS, workingDaysUntil } from '../../src/domain/consultations';
import { addDays, isIsoDay } from '../../src/domain/dates';
import { errorText } from '../../src/domain/errors';
import { t, type MessageKey } from '../../src/domain/i18n';
import { TEXT_LIMITS } from '../../src/domain/rpc';
import { CONSULTATION_KINDS } from '../../src/domain/choices';
import { call } from '../lib/rpc';
import { checkedOf, ErrorBox, Field, Input, invalid, Options, useFocus, valueOf, type Errors } from '../lib/ui';
import { labelsOf } from '../lib/values';

const BLANK = { title: '', proposal: '', proposalLink: '', kind: 'No objection', subject: '', confirm: false };

/** The server's refusals, "field: message" each, beside their fields; the rest for the form as a whole. */
function errorsByField(messages: readonly string[]): Errors {
  const out: Record<string, string> = {};
  for (const message of messages) {
    const field = /^(title|proposal|proposalLink|kind|deadline|subject): /.exec(message)?.[1] ?? '';
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}

export function OpenForm(props: { today: string; onOpened(id: string): void }) {
  const [form, setForm] = useState({ ...BLANK, deadline: addDays(props.today, 7) });
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const focus = useFocus();
  const set = (change: Partial<typeof form>) => setForm((f) => ({ ...f, ...change }));
  const short =
    isIsoDay(form.deadline) &&
    form.deadline > props.today &&
    workingDaysUntil(props.today, form.deadline) < MIN_WORKING_DAYS;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await call('openConsultation', {
        title: form.title.trim(),
        proposal: form.proposal.trim(),
        proposalLink: form.proposalLink.trim(),
        kind: form.kind === 'Approval' ? 'Approval' : 'No objection',
        deadline: form.deadline,
        subject: form.subject.trim(),
        confirmShortDeadline: short && form.confirm,
      });
      if (result.ok) {
        setForm({ ...BLANK, deadline: addDays(props.today, 7) });
        setErrors({});
        props.onOpened(result.id);
      } else {
        const shown = errorsByField(result.errors);
        setErrors(shown);
        focus(`#c-${Object.keys(shown)[0] || 'submit'}`);
      }
    } catch (error) {
      setErrors({ '': errorText(error) });
      focus('#c-submit');
    } finally {
      setBusy(false);
    }
  };
  const text = (field: 'title' | 'proposalLink' | 'subject', label: MessageKey, limit: number, hint?: string) => (
    <Field id={`c-${field}`} label={t(label)} field={field} errors={errors}>
      <Input
        id={`c-${field}`}
        maxLength={limit}
        placeholder={hint}
        value={form[field]}
        invalid={!!errors[field]}
        onValue={(v) => set({ [field]: v })}
      />
    </Field>
  );
  return (
    <form id="cform" novalidate onSubmit={(e) => void submit(e)}>
      <fieldset class="plain" disabled={busy}>
        <h2>{t('sidebar.open.head')}</h2>
        {text('title', 'sidebar.field.title', TEXT_LIMITS.title)}
        <div class="field">
          <label for="c-proposal">{t('sidebar.open.proposal')}</label>
          <textarea
            id="c-proposal"
            rows={4}
            maxLength={TEXT_LIMITS.decision}
            placeholder={t('sidebar.open.proposal-hint')}
            value={form.proposal}
            aria-invalid={invalid(errors, 'proposal')}
            onInput={(e) => set({ proposal: valueOf(e) })}
          />
          <ErrorBox errors={errors} field="proposal" />
        </div>
        {text('proposalLink', 'sidebar.open.proposal-link', TEXT_LIMITS.link, 'https://')}
        <div class="pair">
          <div class="field">
            <label for="c-kind">{t('sidebar.field.kind')}</label>
            <select id="c-kind" value={form.kind} onChange={(e) => set({ kind: valueOf(e) })}>
              <Options values={CONSULTATION_KINDS} labels={labelsOf('consultationKind')} />
            </select>
            <ErrorBox errors={errors} field="kind" />
          </div>
          <div class="field">
            <label for="c-deadline">{t('sidebar.open.deadline')}</label>
            <input
              type="date"
              id="c-deadline"
              min={props.today}
              value={form.deadline}
              aria-invalid={invalid(errors, 'deadline')}
              onInput={(e) => set({ deadline: valueOf(e) })}
            />
          </div>
        </div>
        <p class="muted small">
          {form.kind === 'Approval' ? t('sidebar.open.note.approval') : t('sidebar.open.note.no-objection')}
        </p>
        <div class="field" hidden={!short}>
          <label class="inline">
            <input
              type="checkbox"
              id="c-confirm"
              checked={form.confirm}
              onChange={(e) => set({ confirm: checkedOf(e) })}
            />{' '}
            {t('sidebar.open.short', { n: MIN_WORKING_DAYS })}
          </label>
        </div>
        <ErrorBox errors={errors} field="deadline" />
        {text('subject', 'sidebar.open.subject', TEXT_LIMITS.subject, t('sidebar.agency-hint'))}
        <div class="error" data-error="" role="alert">
          {errors[''] ?? ''}
        </div>
        <div class="actions">
          <button type="submit" class="action" id="c-submit">
            {busy ? t('sidebar.open.opening') : t('sidebar.open.submit')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
