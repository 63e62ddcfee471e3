/**
 * "Answer a consultation…": the consultations open to the signed-in focal point's member, the
 * proposal, the member's current answer, and the answer form; a person who may not answer is told why.
 */
import { useEffect, useState } from 'preact/hooks';
import { longDay } from '../../src/domain/email/render';
import { errorText } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import type { ConsultationDialogData } from '../../src/domain/rpc';
import { call } from '../lib/rpc';
import { closeDialog, ERROR_NOTICE, StatusLine, valueOf, type Notice, NO_NOTICE } from '../lib/ui';
import { AnswerForm } from './AnswerForm';
import { Proposal } from './Proposal';

export function AnswerDialog() {
  const [data, setData] = useState<ConsultationDialogData | null>(null);
  const [refusal, setRefusal] = useState('');
  const [picked, setPicked] = useState('');
  const [notice, setNotice] = useState<Notice>(NO_NOTICE);
  const load = () =>
    call('getConsultationDialogData').then(
      (d) => {
        setData(d);
        setRefusal(d.refusal);
      },
      (error: unknown) => setRefusal(errorText(error)),
    );
  useEffect(() => void load(), []);
  const open = data?.consultations ?? [];
  const c = open.find((x) => x.id === picked) ?? open[0];
  return (
    <main id="app" aria-busy={data === null && refusal === '' ? 'true' : 'false'}>
      <p id="loading" class="muted" hidden={data !== null || refusal !== ''}>
        {t('sidebar.answer.loading')}
      </p>
      <div id="refusal" class={ERROR_NOTICE} role="alert" hidden={refusal === ''}>
        {refusal}
      </div>
      <StatusLine id="status" notice={notice} />
      {data !== null && refusal === '' && open.length === 0 && (
        <>
          <p id="none">{t('sidebar.answer.none', { agency: data.agency })}</p>
          <div class="actions">
            <button type="button" id="a-close" onClick={closeDialog}>
              {t('sidebar.close')}
            </button>
          </div>
        </>
      )}
      {data !== null && c !== undefined && (
        <>
          <p class="muted">{t('sidebar.answer.for', { agency: data.agency })}</p>
          {open.length > 1 && (
            <div class="field">
              <label for="c-pick">{t('sidebar.field.consultation')}</label>
              <select id="c-pick" value={c.id} onChange={(e) => setPicked(valueOf(e))}>
                {open.map((x) => (
                  <option key={x.id} value={x.id}>
                    {t('sidebar.answer.option', { id: x.id, title: x.title, deadline: longDay(x.deadline) })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <Proposal c={c} id="proposal" />
          <AnswerForm
            key={`${c.id}|${c.answers[0]?.answer ?? ''}|${c.answers[0]?.comment ?? ''}`}
            c={c}
            agency={data.agency}
            onAnswered={(text) => {
              setNotice({ kind: 'ok', text });
              void load();
            }}
          />
        </>
      )}
    </main>
  );
}
