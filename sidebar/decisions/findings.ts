/**
 * What decisions.consensus, state-consultation, members.admission and follow-up would report, run
 * on the form as it stands with the rules' own code; and who is missing from Consulted.
 */
import { decisionOf } from '../../src/domain/decision-record';
import { longDay } from '../../src/domain/email/render';
import { t } from '../../src/domain/i18n';
import type { Network } from '../../src/domain/network';
import { decisionGuidance } from '../../src/domain/rules/guidance';
import type { Finding } from '../../src/domain/rules/finding';
import { parseDecisionInput, type ActionInput, type DecisionSidebarData } from '../../src/domain/rpc';
import type { Action } from '../../src/domain/tables';
import { joinWords, keyOf } from '../../src/domain/words';
import { activeCodes, type DecisionForm, type RawDecision } from './form';

/** Each action as a record of the Actions tab, for the guidance: only its Source counts there. */
function candidateActions(id: string, actions: readonly ActionInput[]): Action[] {
  return actions.map((a, i) => ({
    id: a.id === '' ? `new-${i + 1}` : a.id,
    source: id,
    action: a.action,
    owner: a.owner,
    due: a.due === '' ? null : a.due,
    status: 'Open',
    doneOn: null,
    lastRemindedOn: null,
    notes: '',
  }));
}

/** The findings about the decision as the form stands, or null while the form cannot be read yet. */
export function guidanceOf(
  data: DecisionSidebarData,
  network: Network,
  raw: RawDecision,
  id: string,
): Finding[] | null {
  const title = String(raw.title);
  const parsed = parseDecisionInput({ ...raw, title: title.trim() === '' ? '-' : title });
  if (!parsed.ok) return null;
  const value = { ...parsed.value, title };
  return decisionGuidance(
    network,
    data.today,
    decisionOf(value, network, id, data.user.email, null),
    candidateActions(id, value.actions ?? []),
  );
}

/**
 * The members active on the date (an admission's candidate aside, as decisions.consensus counts
 * them) not in Consulted, and why that matters; '' when none is missing or it does not matter.
 */
export function missingNote(data: DecisionSidebarData, form: DecisionForm): string {
  const day = form.date || data.today;
  const candidate = form.kind === 'Admission' ? keyOf(form.subject) : '';
  const missing = activeCodes(data, day).filter((c) => !form.consulted.includes(c) && keyOf(c) !== candidate);
  if (missing.length === 0 || form.outcome === 'Not adopted') return '';
  return t('sidebar.consulted.missing', { n: missing.length, members: joinWords(missing), day: longDay(day) });
}
