/** Who the playground may act as: the people the workbook itself names. */
import { t } from '../../domain/i18n';
import type { Network } from '../../domain/network';
import { isSecretariat, registerSecretariatEmails } from '../../domain/secretariat';
import { emailKey, keyOf } from '../../domain/words';

export interface KnownUser {
  readonly email: string;
  /** "IOM · Dilnoza Karimova" or "Secretariat editor". */
  readonly label: string;
  readonly secretariat: boolean;
}

/** Every focal point with an email and every Secretariat editor, secretariat first, each once. */
export function knownUsers(network: Network, today: string): KnownUser[] {
  const seen = new Map<string, KnownUser>();
  const add = (email: string, label: string) => {
    const key = emailKey(email);
    if (key === '' || seen.has(key)) return;
    seen.set(key, { email: key, label, secretariat: isSecretariat(network, key, { today }) });
  };
  for (const fp of network.focalPoints.records) {
    const label = [fp.agency, fp.name].filter((s) => s !== '').join(' · ');
    add(fp.email, fp.active === false ? t('playground.users.inactive', { label }) : label);
  }
  for (const editor of network.settings.secretariatEditors) add(editor, t('playground.users.editor'));
  return [...seen.values()].sort((a, b) => Number(b.secretariat) - Number(a.secretariat));
}

/**
 * The user to act as when none is given: the first secretariat focal point of the coordinating agency
 * (IOM in both ToRs), else the first secretariat email of the register.
 */
export function defaultUser(network: Network, today: string): string | undefined {
  const secretariat = new Set(registerSecretariatEmails(network, today));
  const focal = network.focalPoints.records.filter((fp) => fp.active === true && secretariat.has(emailKey(fp.email)));
  const iom =
    focal.find((fp) => keyOf(fp.agency) === 'IOM' && fp.kind === 'Primary') ??
    focal.find((fp) => keyOf(fp.agency) === 'IOM');
  const chosen = iom ?? focal[0];
  return chosen ? emailKey(chosen.email) : [...secretariat][0];
}
