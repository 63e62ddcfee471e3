/**
 * Consulted, a record of who was asked (never a default): a checkbox per member, those not active on
 * the date marked, and who is missing; then Objections, from the members consulted.
 */
import { t } from '../../src/domain/i18n';
import type { DecisionSidebarData, SidebarMember } from '../../src/domain/rpc';
import { Checks, ErrorBox, type Errors } from '../lib/ui';
import { valueLabel } from '../lib/values';
import { activeCodes, type DecisionForm } from './form';

function memberTitle(m: SidebarMember): string {
  return `${m.name === '' ? m.code : m.name} (${valueLabel('memberStatus', m.status)})`;
}

function count(k: number, of?: number): string {
  return k === 0 ? '' : of === undefined ? `(${k})` : t('sidebar.count-of', { k: String(k), of: String(of) });
}

export function Consulted(props: {
  data: DecisionSidebarData;
  form: DecisionForm;
  errors: Errors;
  missing: string;
  set(change: Partial<DecisionForm>): void;
}) {
  const { data, form, errors, set } = props;
  const active = activeCodes(data, form.date || data.today);
  const setConsulted = (consulted: readonly string[]) =>
    set({ consulted, objections: form.objections.filter((c) => consulted.includes(c)) });
  return (
    <>
      <fieldset class="field group">
        <legend>
          {t('sidebar.field.consulted')}{' '}
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
            {t('sidebar.consulted.all-active')}
          </button>
          <button type="button" class="link" id="consulted-none" onClick={() => setConsulted([])}>
            {t('sidebar.none')}
          </button>
        </div>
        <p id="consulted-missing" class="small" aria-live="polite" hidden={props.missing === ''}>
          {props.missing}
        </p>
        <ErrorBox errors={errors} field="consulted" />
      </fieldset>
      <fieldset class="field group">
        <legend>
          {t('sidebar.field.objections')}{' '}
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
          {t('sidebar.consulted.objections-empty')}
        </p>
        <ErrorBox errors={errors} field="objections" />
      </fieldset>
    </>
  );
}
