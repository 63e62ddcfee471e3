/** The guidance section: each finding with its ToR quote and fix, and "Record anyway" when it is asked for. */
import { t } from '../../src/domain/i18n';
import type { Finding } from '../../src/domain/rules/finding';
import { checkedOf, ErrorBox, invalid, type Errors } from '../lib/ui';

export function Guidance(props: {
  findings: readonly Finding[] | null;
  confirm: boolean;
  confirmed: boolean;
  errors: Errors;
  onConfirm(on: boolean): void;
}) {
  const { findings } = props;
  return (
    <section id="guidance" class="guidance" aria-live="polite" aria-labelledby="guidance-head">
      <h2 id="guidance-head">{t('sidebar.guidance.head')}</h2>
      <p id="guidance-none" class="muted small">
        {findings === null ? t('sidebar.guidance.incomplete') : findings.length === 0 ? t('sidebar.guidance.none') : ''}
      </p>
      <ul id="guidance-list">
        {(findings ?? []).map((f, i) => (
          <li key={`${f.rule}-${i}`} class={f.severity} data-rule={f.rule}>
            <p>{f.message}</p>
            <q>{f.clause}</q>
            <p class="fix">{t('sidebar.guidance.fix', { fix: f.fix })}</p>
          </li>
        ))}
      </ul>
      <div id="confirm-field" class="field" hidden={!props.confirm}>
        <label class="inline">
          <input
            type="checkbox"
            id="f-confirmed"
            name="confirmed"
            checked={props.confirmed}
            aria-invalid={invalid(props.errors, 'confirmed')}
            onChange={(e) => props.onConfirm(checkedOf(e))}
          />{' '}
          {t('sidebar.guidance.confirm')}
        </label>
        <ErrorBox errors={props.errors} field="confirmed" />
      </div>
    </section>
  );
}
