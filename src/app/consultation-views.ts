/**
 * What the Consultations panel and the answer dialog show: each consultation with the answers its
 * reader may see. An answer still in the inbox shows as received (pending) until the secretariat's
 * next run moves it into Answers; opening the panel as the secretariat does that first.
 */
import { t } from '../domain/i18n';
import {
  askedAgencies,
  INBOX_PREFIX,
  latestAnswers,
  parseInboxAnswer,
  type InboxAnswer,
} from '../domain/consultations';
import type { Network } from '../domain/network';
import type { ConsultationDialogData, ConsultationPanelData, ConsultationView, MemberAnswer } from '../domain/rpc';
import {
  AnswersTable,
  ConsultationsTable,
  FocalPointsTable,
  MembersTable,
  SettingsTable,
  type Consultation,
} from '../domain/tables';
import { keyOf } from '../domain/words';
import type { Ports } from '../ports';
import { requireSecretariat } from './authorize';
import { answeringAgency, recordWaitingAnswers } from './consultations';
import { readNetwork } from './network';

const VIEW_TABS = [SettingsTable, MembersTable, FocalPointsTable, ConsultationsTable, AnswersTable] as const;

type ViewPorts = Pick<Ports, 'workbook' | 'clock' | 'user' | 'inbox'>;

/** The answers waiting in the inbox, newest first. */
function waiting(ports: ViewPorts): InboxAnswer[] {
  return Object.values(ports.inbox.entries(INBOX_PREFIX))
    .flatMap((text) => {
      const parsed = parseInboxAnswer(text);
      return parsed === null ? [] : [parsed];
    })
    .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
}

function viewOf(network: Network, c: Consultation, inbox: readonly InboxAnswer[], agencies: readonly string[]) {
  const given = latestAnswers(network.answers.records).get(keyOf(c.id));
  const answers = agencies.map((agency): MemberAnswer => {
    const sent = inbox.find((a) => keyOf(a.consultation) === keyOf(c.id) && keyOf(a.agency) === keyOf(agency));
    const found = sent ?? given?.get(keyOf(agency));
    return {
      agency,
      answer: found?.answer ?? '',
      comment: found?.comment ?? '',
      answeredBy: found?.answeredBy ?? '',
      pending: sent !== undefined,
    };
  });
  const view: ConsultationView = {
    id: c.id,
    title: c.title,
    kind: c.kind,
    openedOn: c.openedOn,
    deadline: c.deadline,
    proposal: c.proposal,
    proposalLink: c.proposalLink.trim(),
    subject: c.subject,
    status: c.status,
    answers,
  };
  return view;
}

/** The open consultations with every member asked and its answer (secretariat only), the inbox recorded first. */
export function consultationPanelData(ports: ViewPorts & Pick<Ports, 'lock'>): ConsultationPanelData {
  recordWaitingAnswers(ports);
  const { network } = readNetwork(ports.workbook, VIEW_TABS);
  requireSecretariat(ports, network, t('app.consultation.follow-command'));
  const inbox = waiting(ports);
  return {
    today: ports.clock.today(),
    consultations: network.consultations.records
      .filter((c) => c.status === 'Open')
      .map((c) => viewOf(network, c, inbox, askedAgencies(network, c))),
  };
}

/** What the signed-in focal point may answer: the consultations open to its member, with its current answer. */
export function consultationDialogData(ports: ViewPorts): ConsultationDialogData {
  const { network } = readNetwork(ports.workbook, VIEW_TABS);
  const today = ports.clock.today();
  const who = answeringAgency(network, ports.user.email().trim(), today);
  if ('refusal' in who) return { today, agency: '', refusal: who.refusal, consultations: [] };
  const { agency } = who;
  const inbox = waiting(ports);
  const consultations = network.consultations.records
    .filter(
      (c) =>
        c.status === 'Open' && today <= c.deadline && askedAgencies(network, c).some((a) => keyOf(a) === keyOf(agency)),
    )
    .map((c) => viewOf(network, c, inbox, [agency]));
  return { today, agency, refusal: '', consultations };
}
