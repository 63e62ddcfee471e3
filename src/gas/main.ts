/**
 * The Apps Script entry: every export here becomes a top-level function of dist/Code.js (menu items,
 * triggers and google.script.run targets are called by name). One line per command module; the menu
 * table in menu.ts may name only what is exported here.
 */
import { buildAddonMenu } from './menu';

/**
 * Runs in AuthMode.NONE until the add-on is used in the document: it builds the menu and touches
 * neither Properties nor sheet data.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export { setupWorkbook, showHelp } from './setup';
export { getDecisionSidebarData, recordDecision, showDecisionSidebar } from './sidebar';
export { runComplianceCheck } from './check';
