/**
 * Set up / repair workbook and Help, as menu commands. On a spreadsheet without a Settings tab the
 * command asks for the ToR profile and the network's name; on repair Settings already say both.
 */
import { NotAuthorizedError, requireSecretariat } from '../app/authorize';
import { readNetwork } from '../app/network';
import { SETUP_COMMAND, setupWorkbook as setupUseCase, type SetupOptions } from '../app/setup';
import { helpHtml } from '../domain/help';
import { PROFILES } from '../domain/profiles';
import { PROFILE_IDS, type ProfileId } from '../domain/settings';
import { SettingsTable, tableNamed } from '../domain/tables';
import type { Ports } from '../ports';
import { gasPorts } from './ports';
import { gasProtection } from './protection';

const TITLE = 'Set up / repair workbook';

type Ui = GoogleAppsScript.Base.Ui;

/** The answer to a prompt, or null when the user cancelled. */
function ask(ui: Ui, title: string, message: string): string | null {
  const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
  return response.getSelectedButton() === ui.Button.OK ? response.getResponseText().trim() : null;
}

function askProfile(ui: Ui): ProfileId | null {
  const choices = 'Type azerbaijan, uzbekistan or custom (leave it blank for custom: you then set the cadence and deadlines in Settings).';
  let message = `Which Terms of Reference does the network follow? ${choices}`;
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = ask(ui, TITLE, message);
    if (answer === null) return null;
    if (answer === '') return 'custom';
    const id = PROFILE_IDS.find((p) => p === answer.toLowerCase());
    if (id !== undefined) return id;
    message = `"${answer}" is not a profile. ${choices}`;
  }
  return null;
}

function askOptions(ui: Ui): SetupOptions | null {
  const profile = askProfile(ui);
  if (profile === null) return null;
  const fallback = PROFILES[profile].defaults.networkName;
  const hint = fallback === '' ? '' : ` Leave it blank for "${fallback}".`;
  const networkName = ask(ui, TITLE, `The network's name, as the minutes and reports should show it.${hint}`);
  if (networkName === null) return null;
  return { profile, networkName };
}

/** The blank sheet a new spreadsheet comes with ("Sheet1" in the owner's language), if that is all there is. */
function blankStarterSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet | null {
  const sheets = spreadsheet.getSheets();
  const only = sheets.length === 1 ? sheets[0] : undefined;
  if (only === undefined || tableNamed(only.getName()) !== undefined) return null;
  return only.getLastRow() === 0 && only.getLastColumn() === 0 ? only : null;
}

function runSetup(ui: Ui, ports: Ports, spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  let options: SetupOptions = {};
  let starter: GoogleAppsScript.Spreadsheet.Sheet | null = null;
  if (!ports.workbook.tabNames().includes(SettingsTable.name)) {
    // Refuse before asking questions; the use case checks again under the lock before it writes.
    requireSecretariat(ports, readNetwork(ports.workbook).network, SETUP_COMMAND, { bootstrap: true });
    const answers = askOptions(ui);
    if (answers === null) return;
    options = answers;
    starter = blankStarterSheet(spreadsheet);
  }
  // Repair and protection take some seconds on a large workbook: say so before the report arrives.
  ports.ui.toast('Checking every tab, column and protection…', TITLE);
  const report = setupUseCase(ports, options);
  const lines = [...report.lines];
  if (starter !== null) {
    lines.splice(report.changes.length, 0, `removed the empty tab ${starter.getName()}`);
    spreadsheet.deleteSheet(starter);
  }
  ui.alert(TITLE, lines.join('\n'), ui.ButtonSet.OK);
  if (starter !== null || options.profile !== undefined) showHelp();
}

export function setupWorkbook(): void {
  const ui = SpreadsheetApp.getUi();
  const spreadsheet = SpreadsheetApp.getActive();
  try {
    runSetup(ui, { ...gasPorts(), protection: gasProtection(spreadsheet) }, spreadsheet);
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) throw error;
    ui.alert(TITLE, error.message, ui.ButtonSet.OK);
  }
}

export function showHelp(): void {
  const page = HtmlService.createHtmlOutput(helpHtml()).setWidth(460).setHeight(520);
  SpreadsheetApp.getUi().showModalDialog(page, 'UN Network on Migration: the tabs');
}
