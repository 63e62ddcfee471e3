/**
 * The add-on menu: one table of commands, grouped. Each function name must be a top-level function
 * of dist/Code.js, so the table is typed against main.ts's exports (tsc refuses a name main.ts does
 * not export) and tests/gas/bundle.test.ts checks the built bundle.
 */
import type * as Main from './main';

export const MENU_GROUPS = ['Record', 'Check', 'Reports', 'Automation', 'Set up'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

export interface MenuCommand {
  readonly label: string;
  readonly functionName: keyof typeof Main & string;
  readonly group: MenuGroup;
}

export const MENU: readonly MenuCommand[] = [
  { group: 'Record', label: 'Record a decision', functionName: 'showDecisionSidebar' },
  { group: 'Check', label: 'Run compliance check', functionName: 'runComplianceCheck' },
  { group: 'Set up', label: 'Set up / repair workbook', functionName: 'setupWorkbook' },
  { group: 'Set up', label: 'Help', functionName: 'showHelp' },
];

/** One submenu per group that has commands, in MENU_GROUPS order. Touches nothing but the Ui. */
export function buildAddonMenu(ui: GoogleAppsScript.Base.Ui, commands: readonly MenuCommand[] = MENU): void {
  const menu = ui.createAddonMenu();
  for (const group of MENU_GROUPS) {
    const items = commands.filter((c) => c.group === group);
    if (items.length === 0) continue;
    const sub = ui.createMenu(group);
    for (const item of items) sub.addItem(item.label, item.functionName);
    menu.addSubMenu(sub);
  }
  menu.addToUi();
}
