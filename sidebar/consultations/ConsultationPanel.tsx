/**
 * The Consultations panel (secretariat): open a written consultation, follow the answers, close or
 * withdraw it, and send its mail now rather than at the next run. Its data is read when the panel
 * is first shown, and again after each change.
 */
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
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

  /** One change through the server, then the list read again; a refusal or a failure shown as an error. */
  const change = async (run: () => Promise<{ ok: true; lines?: string[] } | { ok: false; errors: string[] }>) => {
    setNotice(NO_NOTICE);
    setBusy(true);
    try {
      const result = await run();
      if (result.ok) {
        await load();
        if (result.lines !== undefined)
          setNotice({
            kind: 'ok',
            text: result.lines.length > 0 ? result.lines.join('\n') : t('sidebar.consultations.nothing-due'),
          });
      } else setNotice({ kind: 'error', text: result.errors.join('\n') });
    } catch (error) {
      setNotice({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const close = (id: string) =>
    change(async () => {
      const result = await call('closeConsultation', { id });
      if (result.ok) props.onDraft(result.decisionDraft);
      return result.ok ? { ok: true } : result;
    });
  const withdraw = (id: string, reason: string) =>
    change(() => call('withdrawConsultation', reason === '' ? { id } : { id, reason }));

  return (
    <section id="consultations-panel" aria-label={t('sidebar.panel.consultations')} hidden={props.hidden}>
      <StatusLine id="c-status" notice={notice} />
      {data === null ? (
        <p class="muted">{t('sidebar.consultations.loading')}</p>
      ) : (
        <OpenConsultations
          consultations={data.consultations}
          today={data.today}
          busy={busy}
          onClose={(id) => void close(id)}
          onWithdraw={(id, reason) => void withdraw(id, reason)}
        />
      )}
      <div class="links">
        <button
          type="button"
          class="link"
          id="c-send-now"
          disabled={busy}
          onClick={() => void change(() => call('sendConsultationsNow'))}
        >
          {t('sidebar.consultations.send-now')}
        </button>
      </div>
      <OpenForm
        today={props.today}
        onOpened={(id) => {
          setNotice({
            kind: 'ok',
            text: t('sidebar.consultations.opened', { id }),
          });
          void load();
        }}
      />
    </section>
  );
}
