/**
 * A Mailer for `unmn tick`: each message becomes an RFC 5322 `.eml` file (multipart text + HTML, and a
 * text/calendar part where it carries a meeting's invitation) that any mail program opens, composed by
 * nodemailer's MailComposer. The Mailer port is synchronous, as MailApp is, and composing is not:
 * send() keeps the message and write() composes and saves them all.
 */
import { mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import { dateOfDay } from '../domain/dates';
import type { Clock, Email, Mailer } from '../ports';
import { CONSUMER_QUOTA, quotaExceeded } from './outbox';

/** Whom a message is from when nobody is named: the messages never leave the disk. */
const NOBODY = 'unmn-tick@localhost';

/** Russian letters as Latin ones (ICAO Doc 9303, as in passports), so that a Russian subject still names its file. */
// prettier-ignore
const LATIN: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[а-яё]/g, (letter) => LATIN[letter] ?? '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
}

export class EmlOutbox implements Mailer {
  readonly messages: Email[] = [];
  private recipients = 0;
  /** How many .eml files the folder holds, counted at the first write. */
  private taken: number | null = null;

  /**
   * `from`: the address the messages go out from, as Sheets sends them from the account that runs
   * the tick; blank, each message is from the Secretariat it names as Reply-To.
   */
  constructor(
    private readonly clock: Clock,
    private readonly quota = CONSUMER_QUOTA,
    private readonly from = '',
  ) {}

  remainingQuota(): number {
    return Math.max(0, this.quota - this.recipients);
  }

  send(email: Email): void {
    const count = email.to.length + (email.cc?.length ?? 0);
    if (count > this.remainingQuota()) throw quotaExceeded(this.remainingQuota());
    this.messages.push(email);
    this.recipients += count;
  }

  /**
   * Composes the messages kept from `from` up to `to` (all by default) into `dir`, numbered after the
   * .eml files there. Each file is written under a temporary name and renamed, so a message is
   * either whole in the folder or not there. Returns the paths written.
   */
  async write(dir: string, from = 0, to = this.messages.length): Promise<string[]> {
    if (from >= to) return [];
    await mkdir(dir, { recursive: true });
    this.taken ??= (await readdir(dir)).filter((f) => f.endsWith('.eml')).length;
    const [day, time = '00:00:00'] = this.clock.now().split('T');
    const [h, m, s] = time.split(':').map(Number);
    const date = dateOfDay(day ?? this.clock.today());
    date.setHours(h ?? 0, m ?? 0, s ?? 0);
    const files: string[] = [];
    for (const email of this.messages.slice(from, to)) {
      const sender = this.from || email.replyTo || NOBODY;
      const domain = sender.split('@').pop() ?? 'localhost';
      const composer = new MailComposer({
        from: sender,
        messageId: `<${day}.${this.taken + 1}.${slug(email.subject)}@${domain}>`,
        to: [...email.to],
        ...(email.cc && email.cc.length > 0 ? { cc: [...email.cc] } : {}),
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        subject: email.subject,
        text: email.text,
        html: email.html,
        // nodemailer adds the invitation as a text/calendar alternative (what Gmail and Outlook show
        // as an invitation) and as an invite.ics attachment.
        ...(email.invitation
          ? { icalEvent: { method: email.invitation.method, filename: 'invite.ics', content: email.invitation.ics } }
          : {}),
        date,
      });
      const name = `${String(this.taken + 1).padStart(4, '0')}-${slug(email.subject)}.eml`;
      const temporary = path.join(dir, `.${name}.${process.pid}.tmp`);
      try {
        await writeFile(temporary, await composer.compile().build());
        await rename(temporary, path.join(dir, name));
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      this.taken++;
      files.push(path.join(dir, name));
    }
    return files;
  }
}
