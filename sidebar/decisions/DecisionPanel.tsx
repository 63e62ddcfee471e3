/**
 * The Decisions panel: pick a recorded decision or start a new one, a form that checks itself with
 * the schema the server uses and shows the ToR guidance as it changes, and one call to record or edit.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import { unchangedMessage, type DecisionDraft, type FieldError, type SavedDecision } from '../../src/domain/rpc';
import { savedDecisionOf, type SidebarState } from '../app/state';
import { call } from '../lib/rpc';
import { errorsOf, NO_NOTICE, StatusLine, useFocus, type Errors, type Notice } from '../lib/ui';
import { ActionRows } from './ActionRows';
import { DecisionFields } from './DecisionFields';
import { DecisionPicker } from './DecisionPicker';
import {
  activeCodes,
  blankForm,
  boxOf,
  controlOf,
  draftForm,
  rawOf,
  savedForm,
  validate,
  type DecisionForm,
} from './form';
import { Guidance } from './Guidance';
import { guidanceOf, missingNote } from './findings';

/** The scalar fields as the page holds them: a script or autofill may set one without an input event. */
function fromPage(form: DecisionForm, page: HTMLFormElement): DecisionForm {
  const text = (name: string, fallback: string) => {
    const control = page.elements.namedItem(name);
    return control instanceof HTMLInputElement || control instanceof HTMLSelectElement ? control.value : fallback;
  };
  return { ...form, date: text('date', form.date), stateConsultedOn: text('stateConsultedOn', form.stateConsultedOn) };
}

export function DecisionPanel(props: {
  state: SidebarState;
  hidden: boolean;
  draft: { value: DecisionDraft } | null;
  reload(): Promise<SidebarState>;
}) {
  const { data, network } = props.state;
  const [form, setForm] = useState<DecisionForm>(() => blankForm(data.today));
  const [editing, setEditing] = useState<SavedDecision | null>(null);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<Notice>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const focus = useFocus();
  const set = (change: Partial<DecisionForm>) => setForm((f) => ({ ...f, ...change }));
  const load = (saved: SavedDecision | null, next = props.state) => {
    setEditing(saved);
    setForm(saved === null ? blankForm(next.data.today) : savedForm(saved, next.data));
    setErrors({});
  };
  useEffect(() => {
    if (props.draft === null) return;
    load(null);
    setForm(draftForm(props.draft.value, data.today));
    setNotice({
      kind: 'ok',
      text: t('sidebar.decision.drafted', { consultation: props.draft.value.consultation }),
    });
  }, [props.draft]);

  const id = editing?.decision.id ?? data.nextId;
  const raw = rawOf(form);
  const findings = useMemo(() => guidanceOf(data, network, raw, id), [data, network, form, id]);
  const confirm = (raw.outcome === 'Adopted' && (findings?.length ?? 0) > 0) || errors.confirmed !== undefined;

  const showErrors = (list: readonly FieldError[], shown: DecisionForm) => {
    setErrors(errorsOf(list, boxOf));
    const first = list[0] && controlOf(list[0].field, shown);
    if (first) focus(first);
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    setNotice(NO_NOTICE);
    const shown = fromPage(form, event.currentTarget as HTMLFormElement);
    setForm(shown);
    const checked = validate({ ...rawOf(shown), confirmed: confirm && shown.confirmed }, data.today);
    if (!checked.ok) return showErrors(checked.errors, shown);
    setErrors({});
    setBusy(true);
    try {
      const result =
        editing === null
          ? await call('recordDecision', checked.value)
          : await call('updateDecision', { ...checked.value, id: editing.decision.id, version: editing.version });
      if (result.ok) {
        const saved = { id: result.id, row: String(result.row) };
        load(null, await props.reload());
        const sentences = [
          editing === null ? t('sidebar.decision.recorded', saved) : t('sidebar.decision.updated', saved),
          ...(result.actions.length === 0
            ? []
            : [t('sidebar.decision.saved-actions', { actions: result.actions.join(', ') })]),
        ];
        setNotice({ kind: 'ok', text: result.changed ? sentences.join(' ') : unchangedMessage('Decision', result.id) });
      } else {
        let now = shown;
        if (result.current) {
          const next = await props.reload();
          load(result.current, next);
          now = savedForm(result.current, next.data);
        }
        showErrors(result.errors, now);
      }
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div hidden={props.hidden}>
      <StatusLine id="status" notice={notice} />
      <DecisionPicker
        network={network}
        editing={editing}
        onPick={(picked) => {
          setNotice(NO_NOTICE);
          load(picked === '' ? null : savedDecisionOf(props.state, picked));
        }}
      />
      <form id="form" novalidate onSubmit={(e) => void submit(e)}>
        <fieldset id="body" class="plain" disabled={busy || !data.user.mayRecord}>
          <DecisionFields data={data} form={form} errors={errors} missing={missingNote(data, form)} set={set} />
          <ActionRows
            rows={form.actions}
            owners={activeCodes(data, form.date || data.today)}
            errors={errors}
            onChange={(actions) => set({ actions })}
            focus={focus}
          />
          <Guidance
            findings={findings}
            confirm={confirm}
            confirmed={form.confirmed}
            errors={errors}
            onConfirm={(confirmed) => set({ confirmed })}
          />
          <div class="error" data-error="">
            {errors[''] ?? ''}
          </div>
          <div class="actions">
            <button type="submit" class="action" id="submit">
              {busy
                ? t('sidebar.decision.saving')
                : editing === null
                  ? t('sidebar.decision.record')
                  : t('sidebar.decision.save')}
            </button>
            <span id="next-id" class="muted small">
              {editing === null ? t('sidebar.decision.next-id', { id: data.nextId }) : ''}
            </span>
          </div>
        </fieldset>
      </form>
    </div>
  );
}
