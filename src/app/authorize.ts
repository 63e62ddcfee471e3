/**
 * The check every command that changes data or sends mail makes before it writes anything. Protection
 * keeps members' hands off the data tabs, but the add-on writes as the user who runs it, so the code
 * must refuse by itself too.
 *
 * Bootstrap: the owner of the file always passes (Google lets the owner edit every protected range
 * anyway). A command that sets the workbook up may also pass `{ bootstrap: true }`: while the register
 * and Settings name nobody at all (a new or emptied workbook), any signed-in user may run it, since
 * somebody must set the network up before there is a register to check against. As soon as one
 * member, focal point or Secretariat editor exists, the bootstrap door closes. An unknown user
 * ('' email) is always refused.
 */
import { t } from '../domain/i18n';
import { describeSecretariat, isSecretariat, registerSecretariatEmails } from '../domain/secretariat';
import type { Network } from '../domain/network';
import { emailKey } from '../domain/words';
import type { Ports } from '../ports';

/**
 * A new or emptied workbook: no member, no focal point and no Secretariat editor. A register with rows
 * whose secretariat cannot be read (a mistyped email or role) is not one: only the owner may then set
 * it up, or a cell typed wrong would let anyone in.
 */
function isUnregistered(network: Network, today: string): boolean {
  return (
    network.members.records.length === 0 &&
    network.focalPoints.records.length === 0 &&
    registerSecretariatEmails(network, today).length === 0
  );
}

export class NotAuthorizedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotAuthorizedError';
  }
}

export interface AuthorizeOptions {
  /** Let anyone signed in through while the register names no secretariat (setup only). */
  readonly bootstrap?: boolean;
}

/**
 * Throws NotAuthorizedError unless the current user is secretariat. `what` completes "Only the
 * Secretariat can …" in the execution's language, from the catalogue: "record a decision",
 * "записать решение" (an infinitive in Russian). Returns the user's email, lower-cased.
 */
export function requireSecretariat(
  ports: Pick<Ports, 'user' | 'clock'>,
  network: Network,
  what: string,
  options: AuthorizeOptions = {},
): string {
  const email = emailKey(ports.user.email());
  const today = ports.clock.today();
  if (email !== '') {
    // The register answers for most users: the owner is asked (a call in Sheets) only when it does not.
    if (isSecretariat(network, email, { today }) || isSecretariat(network, email, { owner: ports.user.owner(), today }))
      return email;
    if (options.bootstrap && isUnregistered(network, today)) return email;
  }
  const secretariat = describeSecretariat(network, today);
  throw new NotAuthorizedError(
    email === ''
      ? t('app.refused.unknown-user', { what, secretariat })
      : t('app.refused.signed-in', { what, secretariat, email }),
  );
}
