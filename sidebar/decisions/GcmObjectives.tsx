/** The 23 GCM objectives as checkboxes, with a filter by number or words. */
import { useState } from 'preact/hooks';
import { t } from '../../src/domain/i18n';
import type { DecisionSidebarData } from '../../src/domain/rpc';
import { Checks, ErrorBox, valueOf, type Errors } from '../lib/ui';

export function GcmObjectives(props: {
  data: DecisionSidebarData;
  checked: readonly string[];
  errors: Errors;
  onChange(values: string[]): void;
}) {
  const [words, setWords] = useState('');
  const find = words.trim().toLowerCase();
  const n = props.checked.length;
  return (
    <fieldset class="field group">
      <legend>
        {t('sidebar.field.gcm-objectives')}{' '}
        <span id="gcm-count" class="count">
          {n === 0 ? '' : `(${n})`}
        </span>
      </legend>
      <input
        type="search"
        id="gcm-filter"
        placeholder={t('sidebar.gcm.filter-hint')}
        aria-label={t('sidebar.gcm.filter-label')}
        autocomplete="off"
        value={words}
        onInput={(e) => setWords(valueOf(e))}
      />
      <Checks
        id="gcm"
        name="gcm"
        class="checks gcm"
        items={props.data.gcmObjectives.map((o) => ({
          value: String(o.number),
          text: (
            <>
              <b>{o.number}</b> {o.title}
            </>
          ),
          title: t('sidebar.gcm.objective', { n: String(o.number), title: o.title }),
          hidden: find !== '' && !`${o.number} ${o.title}`.toLowerCase().includes(find),
        }))}
        checked={props.checked}
        onChange={props.onChange}
      />
      <ErrorBox errors={props.errors} field="gcmObjectives" />
    </fieldset>
  );
}
