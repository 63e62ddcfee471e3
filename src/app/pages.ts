/**
 * Opening the add-on's pages (sidebar/) in the network's language: a menu item reads nothing else
 * before it opens one, so it reads the Settings tab first, which sets the language (decodeNetwork),
 * and Apps Script then opens the page built in that language, with its title in it.
 */
import { t } from '../domain/i18n';
import { SettingsTable } from '../domain/tables';
import type { Ports } from '../ports';
import { readNetwork } from './network';

type PagePorts = Pick<Ports, 'workbook' | 'ui'>;

function readLanguage(ports: PagePorts): void {
  readNetwork(ports.workbook, [SettingsTable]);
}

export function showDecisionSidebar(ports: PagePorts): void {
  readLanguage(ports);
  ports.ui.showSidebar('DecisionSidebar', t('sidebar.title.decision-sidebar'));
}

export function showConsultationDialog(ports: PagePorts): void {
  readLanguage(ports);
  ports.ui.showDialog({ title: t('sidebar.title.answer'), page: 'ConsultationDialog', width: 560, height: 620 });
}

export function showCirculationPreview(ports: PagePorts): void {
  readLanguage(ports);
  ports.ui.showDialog({ title: t('sidebar.title.circulate'), page: 'CirculationPreview', width: 640, height: 560 });
}
