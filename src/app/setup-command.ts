/**
 * Set up / repair workbook as the menu runs it: on a spreadsheet without a Settings tab it asks for the
 * ToR profile and the network's name (on repair, Settings already say both), reports what changed,
 * and on a new workbook removes the blank tab the spreadsheet came with and opens the help.
 */
import { helpDialog } from '../domain/help';
import { t } from '../domain/i18n';
import { PROFILES } from '../domain/profiles';
import { PROFILE_IDS, type ProfileId } from '../domain/settings';
import { SettingsTable, tableNamed } from '../domain/tables';
import type { Ports, Ui, WorkbookPort } from '../ports';
import { requireSecretariat } from './authorize';
import { readNetwork } from './network';
import { setupWhat, setupWorkbook, type SetupOptions, type SetupPorts } from './setup';

const title = () => t('menu.command.setup-workbook');

function askProfile(ui: Ui): ProfileId | null {
  let message = t('app.setup.ask-profile');
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = ui.prompt(message, title());
    if (answer === null) return null;
    if (answer === '') return 'custom';
    const id = PROFILE_IDS.find((p) => p === answer.toLowerCase());
    if (id !== undefined) return id;
    message = t('app.setup.not-a-profile', { answer });
  }
  return null;
}

function askOptions(ui: Ui): SetupOptions | null {
  const profile = askProfile(ui);
  if (profile === null) return null;
  const fallback = PROFILES[profile].defaults.networkName;
  const question = fallback === '' ? t('app.setup.ask-name') : t('app.setup.ask-name-or-default', { fallback });
  const networkName = ui.prompt(question, title());
  if (networkName === null) return null;
  return { profile, networkName };
}

/** The blank tab a new spreadsheet comes with ("Sheet1" in the owner's language), if that is all there is. */
function blankStarterTab(workbook: WorkbookPort, tabs: readonly string[]): string | null {
  const only = tabs.length === 1 ? tabs[0] : undefined;
  if (only === undefined || tableNamed(only) !== undefined) return null;
  return (workbook.read(only) ?? []).length === 0 ? only : null;
}

export function setupCommand(ports: SetupPorts & Pick<Ports, 'ui'>): void {
  let options: SetupOptions = {};
  let starter: string | null = null;
  if (!ports.workbook.hasTab(SettingsTable.name)) {
    // Refuse before asking questions; the use case checks again under the lock before it writes.
    requireSecretariat(ports, readNetwork(ports.workbook).network, setupWhat(), { bootstrap: true });
    const answers = askOptions(ports.ui);
    if (answers === null) return;
    options = answers;
    starter = blankStarterTab(ports.workbook, ports.workbook.tabNames());
  }
  // Repair and protection take some seconds on a large workbook: say so before the report arrives.
  ports.ui.toast(t('app.setup.checking'), title());
  const report = setupWorkbook(ports, options);
  const lines = [...report.lines];
  if (starter !== null) {
    ports.workbook.removeEmptyTab(starter);
    lines.splice(report.changes.length, 0, t('app.setup.removed-starter', { tab: starter }));
  }
  ports.ui.alert(lines.join('\n'), title());
  if (starter !== null || options.profile !== undefined) ports.ui.showDialog(helpDialog());
}
