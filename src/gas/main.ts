/**
 * The Apps Script entry. Apps Script calls menu items, triggers and google.script.run targets by the
 * name of a top-level function; scripts/build.mjs writes one stub per exported function here, one per
 * command of src/app/commands.ts (calling runCommand_) and one per RPC target (calling callRpc_).
 * Names ending in "_" stay private: Apps Script lets neither google.script.run nor a menu call them.
 */
import './crypto';
import { NotAuthorizedError } from '../app/authorize';
import { commandIds, commands, commandNamed } from '../app/commands';
import { followNetworkLanguage } from '../app/language';
import { rpcNamed } from '../app/rpc';
import { hourlyTick as tick, onSheetEdit } from '../app/tick';
import { RPC_NAMES } from '../domain/rpc';
import { buildAddonMenu } from './menu';
import { gasPorts, LockBusyError } from './ports';
import { sheetEditOf } from './triggers';
import { readCataloguesWith } from '../domain/i18n/catalogues';
import { followSettings } from '../domain/i18n';
import { userLanguage } from './language';
import { GasWorkbook } from './workbook';

// A language Code.js leaves out is compiled into a project file of its own (scripts/build.mjs).
readCataloguesWith((language) => HtmlService.createHtmlOutputFromFile(`Messages-${language}`).getContent());

/**
 * Runs in AuthMode.NONE until the add-on is used in the document: it then builds the menu in English
 * and touches neither Properties, nor sheet data, nor the project's files (the Russian catalogue is
 * one, read through HtmlService, which NONE may not be allowed). Once the add-on is used there
 * (LIMITED or FULL), the menu is in the network's language, from one read of the Settings tab, or in
 * the user's own where the spreadsheet has no Settings tab yet.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  if (e !== undefined && e.authMode !== ScriptApp.AuthMode.NONE) {
    try {
      followNetworkLanguage(new GasWorkbook(), userLanguage());
    } catch (error) {
      // A menu in English beats no menu at all.
      console.warn(error);
      followSettings('en');
    }
  }
  buildAddonMenu(SpreadsheetApp.getUi());
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** The installable edit trigger enableAutomation installs: approved minutes go out as soon as the date is typed. */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  refusedQuietly(() => onSheetEdit(gasPorts(), sheetEditOf(e)));
}

/** The hourly trigger enableAutomation installs: minutes due, the day's reminders, retries. */
export function hourlyTick(): void {
  refusedQuietly(() => tick(gasPorts()));
}

/**
 * A trigger's work run by someone it is not for (google.script.run from any page of the add-on, or the
 * trigger of a person who has left the secretariat): nothing is done, and the execution log says why.
 */
function refusedQuietly(work: () => unknown): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof NotAuthorizedError)) throw error;
    console.warn(error.message);
  }
}

/** A menu item or macro: a refusal or a busy lock is a message to the user, anything else a failure. */
export function runCommand_(id: string): void {
  const command = commandNamed(id);
  // @i18n-exempt: a menu item or macro the build did not generate; the execution log is for developers
  if (command === undefined) throw new Error(`The add-on has no command ${id}.`);
  const ports = gasPorts();
  try {
    // A refusal or a busy lock is told before the network is read: know its language first.
    followNetworkLanguage(ports.workbook, userLanguage());
    command.run(ports);
  } catch (error) {
    if (!(error instanceof NotAuthorizedError || error instanceof LockBusyError)) throw error;
    ports.ui.alert(error.message, command.label);
  }
}

/** A google.script.run target: what it throws reaches the page's failure handler. */
export function callRpc_(name: string, args: readonly unknown[]): unknown {
  const handler = rpcNamed(name);
  // @i18n-exempt: Apps Script's own words for an unknown function: a developer's mistake, for the log
  if (handler === undefined) throw new Error(`Script function not found: ${name}`);
  const ports = gasPorts();
  followNetworkLanguage(ports.workbook, userLanguage());
  return handler(ports, args[0]);
}

/** What the build generates stubs and the manifest's macros from; touches no service. */
export function manifest_(): {
  commands: string[];
  rpc: string[];
  macros: { functionName: string; menuName: string; defaultShortcut?: string }[];
} {
  return {
    commands: [...commandIds()],
    rpc: [...RPC_NAMES],
    // The manifest is written once, at build time, for every network: its macros keep the English
    // labels (Sheets shows them under Extensions → Macros, beside the add-on's own menu in the network's language).
    macros: commandIds().flatMap((id) => {
      const command: { label: string; macro?: { shortcut?: string } } = commands()[id];
      if (command.macro === undefined) return [];
      return [
        {
          menuName: command.label,
          functionName: id,
          ...(command.macro.shortcut ? { defaultShortcut: command.macro.shortcut } : {}),
        },
      ];
    }),
  };
}
