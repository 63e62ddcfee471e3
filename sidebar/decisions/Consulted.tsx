/**
 * Consulted, a record of who was asked (never a default): a checkbox per member, those not active on
 * the date marked, and who is missing; then Objections, from the members consulted.
 */
import type { DecisionSidebarData, SidebarMember } from '../../src/domain/rpc';
import { Checks, ErrorBox, type Errors } from '../lib/ui';
import { activeCodes, type DecisionForm } from './form';

function memberTitle(m: SidebarMember): string {
  return m.name === '' ? `${m.code} (${m.status})` : `${m.name} (${m.status})`;
}

function count(k: number, of?: number): string {
  return k === 0 ? '' : of === undefined ? `(${k})` : `(${k} of ${of})`;
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
    </>
  );
}
