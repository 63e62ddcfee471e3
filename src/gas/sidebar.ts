/**
 * The decision sidebar in Sheets: the menu item that opens it and its two google.script.run targets.
 * google.script.run carries plain JSON only; the use cases already speak it (days as YYYY-MM-DD text).
 */
import { decisionSidebarData, recordDecisionRpc } from '../app/decisions';
import type { DecisionSidebarData, RecordDecisionResult } from '../domain/rpc';
import { gasPorts } from './ports';

export function showDecisionSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('DecisionSidebar').setTitle('Record a decision');
  SpreadsheetApp.getUi().showSidebar(html);
}

export function getDecisionSidebarData(): DecisionSidebarData {
  return decisionSidebarData(gasPorts());
}

export function recordDecision(input: unknown): RecordDecisionResult {
  return recordDecisionRpc(gasPorts(), input);
}
