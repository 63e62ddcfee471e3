/**
 * The Consultations panel (secretariat): open a written consultation, follow the answers, close it.
 * Its data is read when the panel is first shown, and again after each change.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import type { ConsultationPanelData, DecisionDraft } from '../../src/domain/rpc';
import { call } from '../lib/rpc';
import { NO_NOTICE, StatusLine, type Notice } from '../lib/ui';
import { OpenConsultations } from './OpenConsultations';
import { OpenForm } from './OpenForm';

export function ConsultationPanel(props: { hidden: boolean; today: string; onDraft(draft: DecisionDraft): void }) {
  const [data, setData] = useState<ConsultationPanelData | null>(null);
  const [notice, setNotice] = useState<Notice>(NO_NOTICE);
  const [busy, setBusy] = useState(false);
  const load = () =>
    call('getConsultationPanelData').then(setData, (error: unknown) =>
      setNotice({ kind: 'error', text: errorText(error) }),
    );
  useEffect(() => {
    if (!props.hidden && data === null) void load();
  }, [props.hidden]);

  const close = async (id: string) => {
    setNotice(NO_NOTICE);
    setBusy(true);
    try {
      const result = await call('closeConsultation', { id });
      if (result.ok) {
        await load();
        props.onDraft(result.decisionDraft);
      } else setNotice({ kind: 'error', text: result.errors.join('\n') });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section id="consultations-panel" aria-label="Consultations" hidden={props.hidden}>
      <StatusLine id="c-status" notice={notice} />
      {data === null ? (
        <p class="muted">Loading the consultations…</p>
      ) : (
        <OpenConsultations
          consultations={data.consultations}
          today={data.today}
          busy={busy}
          onClose={(id) => void close(id)}
        />
      )}
      <OpenForm
        today={props.today}
        onOpened={(id) => {
          setNotice({
            kind: 'ok',
            text: `Consultation ${id} is open: the next run of the automation emails the proposal to every member.`,
          });
          void load();
        }}
      />
    </section>
  );
}
