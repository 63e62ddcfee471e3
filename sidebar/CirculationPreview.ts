/**
 * "Circulate approved minutes now": every message due to go out, as it will be sent (recipients,
 * subject, the HTML body in a sandboxed frame that runs nothing), then one click sends them through
 * the same exactly-once path as the triggers. Everything from the sheet goes in as text or srcdoc.
 */
import type { CirculationPreview, PreviewMessage } from '../src/domain/email/preview';
import { plural } from '../src/domain/words';
import { byId, el, show as showIn } from './lib/dom';
import { call } from './lib/rpc';
import { errorText } from '../src/domain/errors';

function show(id: string, text: string): void {
  showIn(byId(id), text);
}

function messageCard(message: PreviewMessage): HTMLElement {
  const card = el('article');
  card.className = 'message';
  const fields = el('dl');
  for (const [label, value] of [
    ['What', message.what],
    ['To', message.to.join(', ')],
    ['Reply-To', message.replyTo],
    ['Subject', message.subject],
  ] as const) {
    fields.append(el('dt', label), el('dd', value));
  }
  const body = el('iframe');
  body.setAttribute('sandbox', '');
  body.title = `The email: ${message.subject}`;
  body.srcdoc = message.html;
  card.append(fields, body);
  return card;
}

function render(preview: CirculationPreview): void {
  byId('loading').hidden = true;
  byId('app').setAttribute('aria-busy', 'false');
  if (preview.refusal !== '') {
    show('refusal', preview.refusal);
    return;
  }
  const messages = preview.meetings.reduce((n, m) => n + m.messages.length, 0);
  const recipients = preview.meetings.reduce((n, m) => n + m.messages.reduce((k, msg) => k + msg.to.length, 0), 0);
  byId('summary').textContent =
    preview.meetings.length === 0
      ? 'No approved minutes are waiting to go out.'
      : `${plural(messages, 'message')} to ${plural(recipients, 'recipient')}, from ${preview.sender} (${preview.quota} more recipients may be emailed today).`;
  const list = byId('meetings');
  for (const meeting of preview.meetings) {
    list.append(el('h2', `${meeting.id} · ${meeting.date} · ${meeting.title}`));
    for (const message of meeting.messages) list.append(messageCard(message));
  }
  const blocked = byId('blocked');
  for (const b of preview.blocked) blocked.append(el('li', `${b.ref}: ${b.reason}`));
  const send = byId<HTMLButtonElement>('send');
  send.disabled = preview.meetings.length === 0;
  send.addEventListener('click', () => void confirm(preview.meetings.map((m) => m.id)));
  byId('preview').hidden = false;
}

async function confirm(meetings: string[]): Promise<void> {
  const send = byId<HTMLButtonElement>('send');
  send.disabled = true;
  try {
    const result = await call('confirmCirculation', { meetings });
    show(
      'status',
      result.lines.length > 0 ? result.lines.join('\n') : 'Nothing was left to send: another run had sent it already.',
    );
  } catch (error) {
    show('refusal', errorText(error));
  }
}

byId('cancel').addEventListener('click', () =>
  (globalThis as { google?: { script?: { host?: { close(): void } } } }).google?.script?.host?.close(),
);
call('getCirculationPreview').then(render, (error: unknown) => {
  byId('loading').hidden = true;
  show('refusal', errorText(error));
});
