/**
 * The server side of every google.script.run target, one handler per name of RPC_CONTRACT, shared by
 * the Apps Script globals and the playground. Each handler receives its argument as sent (unknown)
 * and checks it itself, since a page can send anything.
 */
import { RPC_CONTRACT, type RpcName, type RpcResult } from '../domain/rpc';
import type { Ports } from '../ports';
import { commands } from './commands';
import { consultationDialogData, consultationPanelData } from './consultation-views';
import {
  answerConsultation,
  closeConsultation,
  openConsultation,
  recordWaitingAnswers,
  sendConsultationsNow,
  withdrawConsultation,
} from './consultations';
import { decisionSidebarData, recordDecisionRpc, updateDecisionRpc } from './decisions';
import { saveMeetingRpc } from './meetings';
import { circulationPreview, confirmCirculation } from './tick';

export const RPC_HANDLERS: { readonly [K in RpcName]: (ports: Ports, input: unknown) => RpcResult<K> } = {
  getDecisionSidebarData: (ports) => {
    recordWaitingAnswers(ports);
    return decisionSidebarData(ports);
  },
  recordDecision: (ports, input) => recordDecisionRpc(ports, input),
  updateDecision: (ports, input) => updateDecisionRpc(ports, input),
  saveMeeting: (ports, input) => saveMeetingRpc(ports, input, commands().circulateMinutesNow.label),
  getCirculationPreview: (ports) => circulationPreview(ports),
  confirmCirculation: (ports, input) => confirmCirculation(ports, input),
  openConsultation: (ports, input) => openConsultation(ports, input),
  answerConsultation: (ports, input) => answerConsultation(ports, input),
  closeConsultation: (ports, input) => closeConsultation(ports, input),
  getConsultationPanelData: (ports) => consultationPanelData(ports),
  getConsultationDialogData: (ports) => consultationDialogData(ports),
  withdrawConsultation: (ports, input) => withdrawConsultation(ports, input),
  sendConsultationsNow: (ports) => sendConsultationsNow(ports),
};

/** The handler of that name: own entries only, so "constructor" or "__proto__" finds nothing. */
export function rpcNamed(name: string): ((ports: Ports, input: unknown) => unknown) | undefined {
  return Object.hasOwn(RPC_CONTRACT, name) ? RPC_HANDLERS[name as RpcName] : undefined;
}
