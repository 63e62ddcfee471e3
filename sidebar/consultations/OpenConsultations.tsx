/**
 * The open consultations: each member asked with its answer, who has not answered yet, "Close",
 * whose drafted decision goes to the Decisions panel for the Secretariat to review and record, and
 * "Withdraw".
 */
import { longDay } from '../../src/domain/email/render';
import { t } from '../../src/domain/i18n';
import type { ConsultationView } from '../../src/domain/rpc';
import { joinWords } from '../../src/domain/words';
import { valueLabel } from '../lib/values';
import { kindNote } from './Proposal';
import { Withdraw } from './Withdraw';

function waitingNote(c: ConsultationView, today: string): string {
  const silent = c.answers.filter((a) => a.answer === '').map((a) => a.agency);
  if (silent.length === 0) return t('sidebar.consultations.all-answered');
  const waiting = { n: silent.length, members: joinWords(silent), deadline: longDay(c.deadline) };
  return today > c.deadline ? t('sidebar.consultations.late', waiting) : t('sidebar.consultations.waiting', waiting);
}

function answerText(a: ConsultationView['answers'][number]): string {
  if (a.answer === '') return t('sidebar.consultations.not-answered');
  const answer = valueLabel('answer', a.answer);
  return a.pending ? t('sidebar.consultations.received', { answer }) : answer;
}

export function OpenConsultations(props: {
  consultations: readonly ConsultationView[];
  today: string;
  busy: boolean;
  onClose(id: string): void;
  onWithdraw(id: string, reason: string): void;
}) {
  if (props.consultations.length === 0)
    return (
      <p id="c-none" class="muted">
        {t('sidebar.consultations.none')}
      </p>
    );
  return (
    <ul id="c-open" class="consultations">
      {props.consultations.map((c) => (
        <li key={c.id} data-id={c.id}>
          <h3>{`${c.id} · ${c.title}`}</h3>
          <p class="muted small">{`${t('sidebar.consultations.opened-on', { day: longDay(c.openedOn) })} ${kindNote(c)}`}</p>
          <table class="answers">
            <tbody>
              {c.answers.map((a) => (
                <tr key={a.agency} data-agency={a.agency}>
                  <th scope="row">{a.agency}</th>
                  <td>{answerText(a)}</td>
                  <td>{a.comment}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="small waiting" aria-live="polite">
            {waitingNote(c, props.today)}
          </p>
          <div class="links">
            <button
              type="button"
              class="link"
              data-close={c.id}
              disabled={props.busy}
              onClick={() => props.onClose(c.id)}
            >
              {t('sidebar.consultations.close', { id: c.id })}
            </button>
          </div>
          <Withdraw id={c.id} busy={props.busy} onWithdraw={(reason) => props.onWithdraw(c.id, reason)} />
        </li>
      ))}
    </ul>
  );
}
