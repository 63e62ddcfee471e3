/** The follow-up actions: each its words, an owner from the members active on the decision's date, a due date. */
import { t } from '../../src/domain/i18n';
import { TEXT_LIMITS } from '../../src/domain/rpc';
import { ErrorBox, valueOf, type Errors } from '../lib/ui';
import { actionRow, type ActionRow } from './form';

export function ActionRows(props: {
  rows: readonly ActionRow[];
  /** Who may own an action: the members active on the decision's date. */
  owners: readonly string[];
  errors: Errors;
  onChange(rows: ActionRow[]): void;
  focus(selector: string): void;
}) {
  const { rows, onChange } = props;
  const set = (n: number, part: Partial<ActionRow>) => onChange(rows.map((r) => (r.n === n ? { ...r, ...part } : r)));
  const add = () => {
    const row = actionRow({ id: '', action: '', owner: '', due: '' });
    onChange([...rows, row]);
    props.focus(`#action-${row.n}`);
  };
  const remove = (n: number) => {
    onChange(rows.filter((r) => r.n !== n));
    props.focus('#action-add');
  };
  return (
    <fieldset class="field group">
      <legend>
        {t('sidebar.field.actions')}{' '}
        <span id="actions-count" class="count">
          {rows.length === 0 ? '' : `(${rows.length})`}
        </span>
      </legend>
      <ol id="action-rows" class="rows">
        {rows.map((r) => {
          const owners = r.owner === '' || props.owners.includes(r.owner) ? props.owners : [...props.owners, r.owner];
          return (
            <li key={r.n} data-id={r.id === '' ? undefined : r.id}>
              <div>
                <label for={`action-${r.n}`}>{t('sidebar.actions.row', { n: r.id === '' ? String(r.n) : r.id })}</label>
                <input
                  type="text"
                  id={`action-${r.n}`}
                  data-part="action"
                  maxLength={TEXT_LIMITS.action}
                  value={r.action}
                  onInput={(e) => set(r.n, { action: valueOf(e) })}
                />
              </div>
              <div class="pair">
                <div>
                  <label for={`owner-${r.n}`}>{t('sidebar.actions.owner')}</label>
                  <select
                    id={`owner-${r.n}`}
                    data-part="owner"
                    value={r.owner}
                    onChange={(e) => set(r.n, { owner: valueOf(e) })}
                  >
                    <option value="">{t('sidebar.actions.choose-owner')}</option>
                    {owners.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label for={`due-${r.n}`}>{t('sidebar.actions.due')}</label>
                  <input
                    type="date"
                    id={`due-${r.n}`}
                    data-part="due"
                    value={r.due}
                    onInput={(e) => set(r.n, { due: valueOf(e) })}
                  />
                </div>
              </div>
              <button
                type="button"
                class="link"
                aria-label={t('sidebar.actions.remove-label', { n: String(r.n) })}
                hidden={r.id !== ''}
                onClick={() => remove(r.n)}
              >
                {t('sidebar.actions.remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <div class="links">
        <button type="button" class="link" id="action-add" onClick={add}>
          {t('sidebar.actions.add')}
        </button>
      </div>
      <ErrorBox errors={props.errors} field="actions" />
    </fieldset>
  );
}
