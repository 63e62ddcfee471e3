/**
 * "Circulate approved minutes now": every message due to go out, as it will be sent (recipients,
 * subject, the HTML body in a sandboxed frame that runs nothing), then one click sends them through
 * the same exactly-once path as the triggers. Everything from the sheet goes in as text or srcdoc.
 */
import './lib/language';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CirculationPreview, PreviewMessage } from '../src/domain/email/preview';
import { errorText } from '../src/domain/errors';
import { t } from '../src/domain/i18n';
import { call } from './lib/rpc';
import { closeDialog, ERROR_NOTICE } from './lib/ui';

function MessageCard({ message }: { message: PreviewMessage }) {
  const fields = [
    [t('sidebar.preview.what'), message.what],
    [t('sidebar.preview.to'), message.to.join(', ')],
    [t('sidebar.preview.reply-to'), message.replyTo],
    [t('sidebar.preview.subject'), message.subject],
  ] as const;
  return (
    <article class="message">
      <dl>
        {fields.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>
      <iframe sandbox="" title={t('sidebar.preview.frame', { subject: message.subject })} srcdoc={message.html} />
    </article>
  );
}

function summary(preview: CirculationPreview): string {
  const messages = preview.meetings.reduce((n, m) => n + m.messages.length, 0);
  const recipients = preview.meetings.reduce((n, m) => n + m.messages.reduce((k, msg) => k + msg.to.length, 0), 0);
  return preview.meetings.length === 0
    ? t('sidebar.preview.none')
    : t('sidebar.preview.summary', { messages, recipients, sender: preview.sender, quota: preview.quota });
}

function Preview() {
  const [preview, setPreview] = useState<CirculationPreview | null>(null);
  const [refusal, setRefusal] = useState('');
  const [status, setStatus] = useState('');
  const [sending, setSending] = useState(false);
  useEffect(() => {
    call('getCirculationPreview').then(
      (p) => (p.refusal === '' ? setPreview(p) : setRefusal(p.refusal)),
      (error: unknown) => setRefusal(errorText(error)),
    );
  }, []);
  const send = async (meetings: string[]) => {
    setSending(true);
    try {
      const result = await call('confirmCirculation', { meetings });
      setStatus(result.lines.length > 0 ? result.lines.join('\n') : t('sidebar.preview.nothing-left'));
    } catch (error) {
      setRefusal(errorText(error));
    }
  };
  return (
    <main id="app" aria-busy={preview === null && refusal === '' ? 'true' : 'false'}>
      <p id="loading" class="muted" hidden={preview !== null || refusal !== ''}>
        {t('sidebar.preview.loading')}
      </p>
      <div id="refusal" class={ERROR_NOTICE} role="alert" hidden={refusal === ''}>
        {refusal}
      </div>
      <div id="status" class="notice" role="status" aria-live="polite" hidden={status === ''}>
        {status}
      </div>
      {preview !== null && (
        <section id="preview">
          <p id="summary" class="muted">
            {summary(preview)}
          </p>
          <div id="meetings">
            {preview.meetings.map((meeting) => (
              <>
                <h2>{`${meeting.id} · ${meeting.date} · ${meeting.title}`}</h2>
                {meeting.messages.map((message) => (
                  <MessageCard message={message} />
                ))}
              </>
            ))}
          </div>
          <ul id="blocked" class="blocked">
            {preview.blocked.map((b) => (
              <li>{`${b.ref}: ${b.reason}`}</li>
            ))}
          </ul>
          <div class="actions">
            <button
              type="button"
              id="send"
              class="primary"
              disabled={sending || preview.meetings.length === 0}
              onClick={() => void send(preview.meetings.map((m) => m.id))}
            >
              {t('sidebar.preview.send')}
            </button>
            <button type="button" id="cancel" onClick={closeDialog}>
              {t('sidebar.close')}
            </button>
          </div>
        </section>
      )}
    </main>
  );
}

render(<Preview />, document.getElementById('root')!);
