/**
 * Who the secretariat is. Both ToRs give the secretariat to the coordinating agency (IOM) and the chair
 * to the UN Resident Coordinator, so the register says it: the active focal points of the active
 * members whose Roles include Chair, Co-chair, Coordinator or Secretariat. The "Secretariat editors"
 * setting adds people the register cannot name (an RCO assistant, a consultant). Only these people may
 * change data or send mail; protection of the data tabs follows the same list.
 */
import type { IsoDay } from './dates';
import type { Network } from './network';
import { isActiveOn } from './membership';
import type { Member } from './tables';
import { t } from './i18n';
import { emailKey, joinWords, keyOf } from './words';

export const SECRETARIAT_ROLES = ['Chair', 'Co-chair', 'Coordinator', 'Secretariat'] as const;
export type SecretariatRole = (typeof SECRETARIAT_ROLES)[number];

export interface SecretariatExtra {
  /** The file's owner: Google lets the owner edit every protected range anyway. */
  readonly owner?: string;
  /** The person running setup, once authorized: they must keep editing what they protect. */
  readonly setupUser?: string;
  /** Only members active on this day count (Joined on and Left on as well as Status). */
  readonly today?: IsoDay;
}

export interface SecretariatAgency {
  readonly agency: string;
  readonly roles: readonly SecretariatRole[];
}

/** Without a day, the register's Status alone; with one, RULES.md's "active on" that day. */
function isCurrent(member: Member, today: IsoDay | undefined): boolean {
  return today === undefined ? member.status === 'Active' : isActiveOn(member, today);
}

/** The active members that hold a secretariat role, in register order, with those roles. */
export function secretariatAgencies(network: Network, today?: IsoDay): SecretariatAgency[] {
  const out: SecretariatAgency[] = [];
  const seen = new Set<string>();
  for (const member of network.members.records) {
    if (!isCurrent(member, today)) continue;
    const roles = SECRETARIAT_ROLES.filter((role) => member.roles.includes(role));
    const key = keyOf(member.agency);
    if (roles.length === 0 || seen.has(key)) continue;
    seen.add(key);
    out.push({ agency: member.agency.trim(), roles });
  }
  return out;
}

/** The emails the register and Settings name as secretariat, before the owner or the setup user. */
export function registerSecretariatEmails(network: Network, today?: IsoDay): string[] {
  const agencies = new Set(secretariatAgencies(network, today).map((a) => keyOf(a.agency)));
  const emails = new Set<string>();
  for (const fp of network.focalPoints.records) {
    if (fp.active === true && fp.email !== '' && agencies.has(keyOf(fp.agency))) emails.add(emailKey(fp.email));
  }
  for (const editor of network.settings.secretariatEditors) emails.add(emailKey(editor));
  emails.delete('');
  return [...emails].sort();
}

/** Everyone who may change data or send mail: the register's secretariat, the Secretariat editors, the owner and the setup user. Lower-cased, sorted, unique. */
export function secretariatEmails(network: Network, extra: SecretariatExtra = {}): string[] {
  const emails = new Set(registerSecretariatEmails(network, extra.today));
  for (const email of [extra.owner, extra.setupUser]) if (email) emails.add(emailKey(email));
  emails.delete('');
  return [...emails].sort();
}

export function isSecretariat(network: Network, email: string, extra: SecretariatExtra = {}): boolean {
  const wanted = emailKey(email);
  return wanted !== '' && secretariatEmails(network, extra).includes(wanted);
}

/**
 * Who may do it, in words: "the focal points of IOM (Chair, Coordinator, Secretariat) and UNRC
 * (Co-chair), or the Secretariat editors in Settings".
 */
export function describeSecretariat(network: Network, today?: IsoDay): string {
  const agencies = secretariatAgencies(network, today).map((a) =>
    t('app.secretariat.agency', {
      agency: a.agency,
      roles: a.roles.map((role) => t('app.secretariat.role', { role })).join(', '),
    }),
  );
  return agencies.length === 0
    ? t('app.secretariat.none')
    : t('app.secretariat.agencies', { agencies: joinWords(agencies) });
}
