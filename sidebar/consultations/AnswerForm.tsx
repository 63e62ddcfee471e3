/**
 * The member's answer to one consultation: Approve, No objection, Object (a reason required) or
 * Abstain, with a comment; the server's refusals (late, closed, not a member's focal point) beside it.
 */
import { useState } from 'preact/hooks';
import { errorText } from '../../src/domain/errors';
import { t } from '../../src/domain/i18n';
import { TEXT_LIMITS, type ConsultationView, type MemberAnswer } from '../../src/domain/rpc';
import { ANSWERS } from '../../src/domain/choices';
import { call } from '../lib/rpc';
import { closeDialog, ErrorBox, invalid, useFocus, valueOf, type Errors } from '../lib/ui';
import { valueLabel } from '../lib/values';

const slug = (answer: string) => answer.toLowerCase().replace(/ /g, '-');

// @i18n-exempt: CSS classes, not words
const ANSWERS_BOX = 'field group answers';

export function currentAnswer(agency: string, a: MemberAnswer | undefined): string {
  if (a === undefined || a.answer === '') return t('sidebar.answer.current.none', { agency });
  const said = {
    agency,
    answer: valueLabel('answer', a.answer),
    quoted: a.comment === '' ? 'no' : 'yes',
    comment: a.comment,
  };
  return a.pending
    ? t('sidebar.answer.current.pending', said)
    : t('sidebar.answer.current.recorded', { ...said, by: a.answeredBy || t('sidebar.answer.secretariat') });
}

export function AnswerForm(props: { c: ConsultationView; agency: string; onAnswered(text: string): void }) {
  const { c, agency } = props;
  const mine = c.answers[0];
  const [answer, setAnswer] = useState(mine?.answer ?? '');
  const [comment, setComment] = useState(mine?.comment ?? '');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const focus = useFocus();
  const refuse = (field: string, message: string, selector: string) => {
    setErrors({ [field]: message });
    focus(selector);
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const chosen = ANSWERS.find((a) => a === answer);
    if (chosen === undefined) return refuse('answer', t('sidebar.answer.choose'), '#a-approve');
    if (chosen === 'Object' && comment.trim() === '')
      return refuse('comment', t('sidebar.answer.why-required', { agency }), '#a-comment');
    setErrors({});
    setBusy(true);
    try {
      const result = await call('answerConsultation', { id: c.id, answer: chosen, comment: comment.trim() });
      if (result.ok)
        props.onAnswered(t('sidebar.answer.received', { agency, answer: valueLabel('answer', chosen), id: c.id }));
      else refuse('', [...result.errors, t('sidebar.answer.nothing-sent')].join(' '), '#a-submit');
    } catch (error) {
      refuse('', errorText(error), '#a-submit');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form id="aform" novalidate onSubmit={(e) => void submit(e)}>
      <p id="current" class="current">
        {currentAnswer(agency, mine)}
      </p>
      <fieldset class="plain" disabled={busy}>
        <fieldset class={ANSWERS_BOX} aria-describedby="current">
          <legend>{t('sidebar.answer.legend', { agency })}</legend>
          {ANSWERS.map((a) => (
            <label key={a} class="inline">
              <input
                type="radio"
                name="answer"
                id={`a-${slug(a)}`}
                value={a}
                checked={answer === a}
                aria-invalid={invalid(errors, 'answer')}
                onChange={() => setAnswer(a)}
              />{' '}
              {valueLabel('answer', a)}
            </label>
          ))}
          <ErrorBox errors={errors} field="answer" />
        </fieldset>
        <div class="field">
          <label for="a-comment">
            {answer === 'Object' ? t('sidebar.answer.why', { agency }) : t('sidebar.answer.comment')}
          </label>
          <textarea
            id="a-comment"
            rows={3}
            maxLength={TEXT_LIMITS.decision}
            value={comment}
            aria-invalid={invalid(errors, 'comment')}
            onInput={(e) => setComment(valueOf(e))}
          />
          <ErrorBox errors={errors} field="comment" />
        </div>
        <div class="error" data-error="" role="alert">
          {errors[''] ?? ''}
        </div>
        <div class="actions">
          <button type="submit" class="action" id="a-submit">
            {busy ? t('sidebar.answer.sending') : t('sidebar.answer.send')}
          </button>
          <button type="button" id="a-close" onClick={closeDialog}>
            {t('sidebar.close')}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
