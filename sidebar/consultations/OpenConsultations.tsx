/**
 * The open consultations: each member asked with its answer, who has not answered yet, "Close",
 * whose drafted decision goes to the Decisions panel for the Secretariat to review and record, and
 * "Withdraw".
 */
import { longDay } from '../../src/domain/email/render';
import type { ConsultationView } from '../../src/domain/rpc';
import { joinWords } from '../../src/domain/words';
import { kindNote } from './Proposal';
import { Withdraw } from './Withdraw';

function waitingNote(c: ConsultationView, today: string): string {
  const silent = c.answers.filter((a) => a.answer === '').map((a) => a.agency);
  if (silent.length === 0) return 'Every member asked has answered: it can be closed now.';
  const one = silent.length === 1;
  const late = today > c.deadline;
  return `${joinWords(silent)} ${one ? 'has' : 'have'} not answered yet${late ? `; the deadline, ${longDay(c.deadline)}, has passed` : ''}.`;
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
        No consultation is open.
      </p>
    );
  return (
    <ul id="c-open" class="consultations">
      {props.consultations.map((c) => (
        <li key={c.id} data-id={c.id}>
          <h3>{`${c.id} · ${c.title}`}</h3>
          <p class="muted small">{`Opened on ${longDay(c.openedOn)}. ${kindNote(c)}`}</p>
          <table class="answers">
            <tbody>
              {c.answers.map((a) => (
                <tr key={a.agency} data-agency={a.agency}>
                  <th scope="row">{a.agency}</th>
                  <td>{a.answer === '' ? 'Not answered' : `${a.answer}${a.pending ? ' (received)' : ''}`}</td>
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
              {`Close ${c.id} and draft its decision`}
            </button>
          </div>
          <Withdraw id={c.id} busy={props.busy} onWithdraw={(reason) => props.onWithdraw(c.id, reason)} />
        </li>
      ))}
    </ul>
  );
}
