/** "Edit a recorded decision": the decisions newest first, those matching the search words only, at most 50. */
import { useState } from 'preact/hooks';
import { t } from '../../src/domain/i18n';
import type { Network } from '../../src/domain/network';
import type { SavedDecision } from '../../src/domain/rpc';
import { valueOf } from '../lib/ui';

export function DecisionPicker(props: { network: Network; editing: SavedDecision | null; onPick(id: string): void }) {
  const [words, setWords] = useState('');
  const find = words.trim().toLowerCase();
  const decisions = [...props.network.decisions.records]
    .filter((d) => find === '' || `${d.id} ${d.title}`.toLowerCase().includes(find))
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.row - a.row))
    .slice(0, 50);
  const editing = props.editing?.decision;
  return (
    <div id="picker" class="field">
      <label for="f-pick">{t('sidebar.picker.label')}</label>
      <input
        type="search"
        id="f-find"
        placeholder={t('sidebar.picker.search-hint')}
        aria-label={t('sidebar.picker.search-label')}
        autocomplete="off"
        value={words}
        onInput={(e) => setWords(valueOf(e))}
      />
      <select id="f-pick" value={editing?.id ?? ''} onChange={(e) => props.onPick(valueOf(e))}>
        <option value="">{t('sidebar.picker.new')}</option>
        {decisions.map((d) => (
          <option key={d.id} value={d.id}>{`${d.id} · ${d.date} · ${d.title}`}</option>
        ))}
      </select>
      <p id="editing" class="muted small" hidden={editing === undefined}>
        {editing === undefined
          ? ''
          : t('sidebar.picker.editing', {
              id: editing.id,
              by: editing.recordedBy || t('sidebar.picker.unknown-recorder'),
            })}
      </p>
    </div>
  );
}
