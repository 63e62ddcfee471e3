/** The answer dialog's page: the AnswerDialog component, rendered into the page's one root. */
import './lib/language';
import { render } from 'preact';
import { AnswerDialog } from './consultations/AnswerDialog';

render(<AnswerDialog />, document.getElementById('root')!);
