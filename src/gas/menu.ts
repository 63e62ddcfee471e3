/**
 * The add-on menu, one submenu per group of the command table, in the language of the execution
 * (onOpen sets it first). Touches nothing but the Ui.
 */
import { groupLabel, menuGroups } from '../app/commands';

export function buildAddonMenu(ui: GoogleAppsScript.Base.Ui): void {
  const menu = ui.createAddonMenu();
  for (const { group, commands } of menuGroups()) {
    const sub = ui.createMenu(groupLabel(group));
    for (const command of commands) sub.addItem(command.label, command.id);
    menu.addSubMenu(sub);
  }
  menu.addToUi();
}
