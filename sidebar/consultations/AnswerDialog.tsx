/**
 * "Answer a consultation…": the consultations open to the signed-in focal point's member, the
 * proposal, the member's current answer, and the answer form; a person who may not answer is told why.
 */
import { useEffect, useState } from 'preact/hooks';
import { longDay } from '../../src/domain/email/render';
import { errorText } from '../../src/domain/errors';
import type { ConsultationDialogData } from '../../src/domain/rpc';
import { call } from '../lib/rpc';
import { closeDialog, StatusLine, valueOf, type Notice, NO_NOTICE } from '../lib/ui';
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
        Looking for the consultations open to your answer…
      </p>
      <div id="refusal" class="notice notice-error" role="alert" hidden={refusal === ''}>
        {refusal}
      </div>
      <StatusLine id="status" notice={notice} />
      {data !== null && refusal === '' && open.length === 0 && (
        <>
          <p id="none">{`No consultation is open for ${data.agency}'s answer.`}</p>
          <div class="actions">
            <button type="button" id="a-close" onClick={closeDialog}>
              Close
            </button>
          </div>
        </>
      )}
      {data !== null && c !== undefined && (
        <>
          <p class="muted">{`Answering for ${data.agency}, as its focal point.`}</p>
          {open.length > 1 && (
            <div class="field">
              <label for="c-pick">Consultation</label>
              <select id="c-pick" value={c.id} onChange={(e) => setPicked(valueOf(e))}>
                {open.map((x) => (
                  <option key={x.id} value={x.id}>
                    {`${x.id} · ${x.title} · answers by ${longDay(x.deadline)}`}
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
