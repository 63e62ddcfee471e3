/**
 * The add-on's triggers over ScriptApp, and the edit event as the use cases take it. getUserTriggers
 * lists only the current user's triggers of this script for this spreadsheet: nobody sees or removes
 * another person's.
 */
import type { SheetEdit } from '../app/tick';
import type { InstalledTrigger, Triggers } from '../ports';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function kindOf(trigger: GoogleAppsScript.Script.Trigger): InstalledTrigger['kind'] {
  const type = trigger.getEventType();
  if (type === ScriptApp.EventType.ON_EDIT) return 'edit';
  if (type === ScriptApp.EventType.CLOCK) return 'hourly';
  return 'other';
}

export function gasTriggers(spreadsheet: () => Spreadsheet): Triggers {
  const mine = () => ScriptApp.getUserTriggers(spreadsheet());
  return {
    list: () => mine().map((t) => ({ id: t.getUniqueId(), handler: t.getHandlerFunction(), kind: kindOf(t) })),
    add(kind, handler) {
      if (kind === 'edit') ScriptApp.newTrigger(handler).forSpreadsheet(spreadsheet()).onEdit().create();
      else ScriptApp.newTrigger(handler).timeBased().everyHours(1).create();
    },
    remove(id) {
      const trigger = mine().find((t) => t.getUniqueId() === id);
      if (trigger) ScriptApp.deleteTrigger(trigger);
    },
  };
}

/** The tab and rows an installable edit trigger's event names. */
export function sheetEditOf(e: GoogleAppsScript.Events.SheetsOnEdit): SheetEdit {
  const range = e.range;
  return { tab: range.getSheet().getName(), firstRow: range.getRow(), lastRow: range.getLastRow() };
}
