/**
 * Who may and who does receive the network's mail. The ToRs keep what the network exchanges for
 * internal use, so mail goes only to the network's own people: the active focal points of its active
 * members and the addresses the Settings name. Everything here compares addresses by emailKey.
 */
import type { IsoDay } from '../dates';
import { isActiveOn } from '../membership';
import type { Network } from '../network';
import { t } from '../i18n';
import { emailKey, keyOf } from '../words';

/** Google sends a message to at most 50 recipients (to, cc and bcc together). */
export const MAX_RECIPIENTS = 50;

/** The same address spelt twice counts once; the first spelling is kept. */
function unique(addresses: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of addresses) {
    const key = emailKey(address);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(address.trim());
  }
  return out;
}

/** The active focal points' addresses, in register order; of the given agencies only, when given. */
export function activeFocalPoints(network: Network, agencies?: ReadonlySet<string>): string[] {
  return unique(
    network.focalPoints.records
      .filter(
        (fp) => fp.active === true && fp.email !== '' && (agencies === undefined || agencies.has(keyOf(fp.agency))),
      )
      .map((fp) => fp.email),
  );
}

/** Who receives what goes to the whole network: the mailing list, or every active focal point when there is none. */
export function networkRecipients(network: Network): string[] {
  const list = network.settings.mailingList.trim();
  return list === '' ? activeFocalPoints(network) : [list];
}

/** The agencies whose Roles include one of `roles`, active on `today`. */
function agenciesWith(network: Network, today: IsoDay, roles: readonly string[]): Set<string> {
  return new Set(
    network.members.records
      .filter((m) => isActiveOn(m, today) && m.roles.some((r) => roles.includes(r)))
      .map((m) => keyOf(m.agency)),
  );
}

/**
 * The secretariat as a mail recipient: the focal points of the member holding the Secretariat role
 * (the Coordinator where none does), and the Secretariat editors of Settings.
 */
export function secretariatRecipients(network: Network, today: IsoDay): string[] {
  let agencies = agenciesWith(network, today, ['Secretariat']);
  if (agencies.size === 0) agencies = agenciesWith(network, today, ['Coordinator']);
  return unique([...activeFocalPoints(network, agencies), ...network.settings.secretariatEditors]);
}

/** Where replies go: the secretariat's Primary focal point first; '' when the register names nobody. */
export function replyTo(network: Network, today: IsoDay): string {
  const secretariat = secretariatRecipients(network, today);
  const primaries = new Set(
    network.focalPoints.records.filter((fp) => fp.kind === 'Primary').map((fp) => emailKey(fp.email)),
  );
  return secretariat.find((a) => primaries.has(emailKey(a))) ?? secretariat[0] ?? '';
}

/** The domains of Settings' "Corporate email domains", lower case, without a leading @ or dot. */
function corporateDomains(network: Network): string[] {
  return network.settings.corporateEmailDomains
    .map((d) =>
      d
        .trim()
        .toLowerCase()
        .replace(/^[@.]+/, ''),
    )
    .filter((d) => d !== '');
}

/** Whether an address is on one of the domains (or a subdomain of one); every address is when none are set. */
export function onCorporateDomain(address: string, domains: readonly string[]): boolean {
  if (domains.length === 0) return true;
  const host = (emailKey(address).split('@').pop() ?? '').toLowerCase();
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/**
 * Every address the network's mail may go to: the active focal points of the members active on
 * `today`, and the addresses of Settings (mailing list, RCO archive, UNCT reporting, Secretariat
 * editors); where Settings name corporate email domains, only those of them on one (DESIGN.md, "Who
 * receives mail": a personal address is held back).
 */
export function allowedRecipients(network: Network, today: IsoDay): Set<string> {
  const members = new Set(network.members.records.filter((m) => isActiveOn(m, today)).map((m) => keyOf(m.agency)));
  const { mailingList, rcoArchiveEmail, unctReportingEmail, secretariatEditors } = network.settings;
  const domains = corporateDomains(network);
  return new Set(
    [...activeFocalPoints(network, members), mailingList, rcoArchiveEmail, unctReportingEmail, ...secretariatEditors]
      .map(emailKey)
      .filter((a) => a !== '' && onCorporateDomain(a, domains)),
  );
}

/** Why an address is refused, in the words of the Log's Details. */
export function refusalReason(network: Network, addresses: readonly string[]): string {
  const domains = corporateDomains(network);
  const personal = addresses.every((a) => !onCorporateDomain(a, domains));
  return personal ? t('email.refusal.personal', { domains: domains.join(', ') }) : t('email.refusal.stranger');
}

/** Splits recipients into those the network may write to and those it refuses. */
export function screen(
  recipients: readonly string[],
  allowed: ReadonlySet<string>,
): { allowed: string[]; refused: string[] } {
  const out = { allowed: [] as string[], refused: [] as string[] };
  for (const address of unique(recipients)) (allowed.has(emailKey(address)) ? out.allowed : out.refused).push(address);
  return out;
}

/** Consecutive groups of at most `size`. */
export function batches<T>(items: readonly T[], size = MAX_RECIPIENTS): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
