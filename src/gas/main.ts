/**
 * The Apps Script entry. Apps Script calls menu items, triggers and google.script.run targets by the
 * name of a top-level function; scripts/build.mjs writes one stub per exported function here, one per
 * command of src/app/commands.ts (calling runCommand_) and one per RPC target (calling callRpc_).
 * Names ending in "_" stay private: Apps Script lets neither google.script.run nor a menu call them.
 */
import './crypto';
import { NotAuthorizedError } from '../app/authorize';
import { COMMAND_IDS, COMMANDS, commandNamed } from '../app/commands';
import { rpcNamed } from '../app/rpc';
import { hourlyTick as tick, onSheetEdit } from '../app/tick';
import { RPC_NAMES } from '../domain/rpc';
import { buildAddonMenu } from './menu';
import { gasPorts, LockBusyError } from './ports';
import { sheetEditOf } from './triggers';
import { readCataloguesWith } from '../domain/i18n/catalogues';

// A language Code.js leaves out is compiled into a project file of its own (scripts/build.mjs).
readCataloguesWith((language) => HtmlService.createHtmlOutputFromFile(`Messages-${language}`).getContent());

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
  if (command === undefined) throw new Error(`The add-on has no command ${id}.`);
  const ports = gasPorts();
  try {
    command.run(ports);
  } catch (error) {
    if (!(error instanceof NotAuthorizedError || error instanceof LockBusyError)) throw error;
    ports.ui.alert(error.message, command.label);
  }
}

/** A google.script.run target: what it throws reaches the page's failure handler. */
export function callRpc_(name: string, args: readonly unknown[]): unknown {
  const handler = rpcNamed(name);
  if (handler === undefined) throw new Error(`Script function not found: ${name}`);
  return handler(gasPorts(), args[0]);
}

/** What the build generates stubs and the manifest's macros from; touches no service. */
export function manifest_(): {
  commands: string[];
  rpc: string[];
  macros: { functionName: string; menuName: string; defaultShortcut?: string }[];
} {
  return {
    commands: [...COMMAND_IDS],
    rpc: [...RPC_NAMES],
    macros: COMMAND_IDS.flatMap((id) => {
      const command: { label: string; macro?: { shortcut?: string } } = COMMANDS[id];
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
