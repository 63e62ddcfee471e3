/**
 * The minutes circulation through dist/Code.js over the Apps Script fake, in the network's language:
 * with Settings' `Language` Russian, the members' message and the archive copy are in Russian
 * (genitive dates, Russian plural forms, the sheet's text escaped in the HTML); with English, as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGasFake, type GasFake, type SentMail } from '../fakes/gas';
import { bundleCode, loadBundle } from '../support/bundle';
import { onFixedDay } from '../support/gas-day';
import { gridsOf, type Spec } from '../domain/rules/support';
import { MAILING_LIST, RCO, SECRETARIAT, emailNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

let code = '';
beforeAll(() => {
  code = bundleCode();
});

function network(language: 'English' | 'Russian', approvedOn = '2026-06-14'): Spec {
  const spec = emailNetwork();
  // Circulation due the day of the approval: any later archive copy says how late it is.
  spec.settings = { ...spec.settings, language, circulationDueDays: 0 };
  spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-03' ? { ...m, minutesApprovedOn: approvedOn } : m));
  spec.decisions = spec.decisions.map((d) =>
    d.id === 'D-2026-03' ? { ...d, title: 'Позиция <b>для</b> обзора & «региона»' } : d,
  );
  return spec;
}

function tick(spec: Spec): GasFake {
  const fake = installed(
    createGasFake({
      owner: 'owner@un.org',
      activeUser: SECRETARIAT,
      sheets: gridsOf(spec),
      // The project's HTML files, where Code.js reads the Russian catalogue.
      htmlFiles: (name) => readFileSync(join(__dirname, '..', '..', 'dist', `${name}.html`), 'utf8'),
    }),
  );
  fake.nextExecution();
  loadBundle(code, fake).hourlyTick!();
  return fake;
}

function mailTo(fake: GasFake, address: string): SentMail {
  const mail = fake.sentMail.find((m) => m.to.includes(address));
  expect(mail, `a message to ${address}`).toBeDefined();
  return mail!;
}

describe('the minutes email in Russian', () => {
  it('writes the subject, the text and the HTML in Russian, with genitive dates', () => {
    const mail = mailTo(tick(network('Russian')), MAILING_LIST);
    expect(mail.subject).toBe(
      'UN Network on Migration in Uzbekistan: протокол заседания «Q2 2026 meeting: the regional review» от 1 июня 2026 г.',
    );
    for (const part of [mail.body, mail.htmlBody!]) {
      expect(part).toContain('Уважаемые коллеги,');
      expect(part).toContain('от 1 июня 2026 г., утвержденный 14 июня 2026 г., с принятыми решениями');
      expect(part).toContain('Председательствовали');
      expect(part).toContain('Невыполненные поручения предыдущих заседаний');
      expect(part).toContain('15 июля 2026 г.');
      expect(part).toContain('С уважением,');
      expect(part).toContain('Секретариат сети «UN Network on Migration in Uzbekistan» от имени сопредседателей');
    }
    expect(mail.body).toContain('Дата:');
    expect(mail.body).toContain('Проведены консультации: IOM, UNRC, UNDP. Возражения: нет.');
    expect(mail.body).not.toMatch(/Dear colleagues|Kind regards|Decisions|Action points|Attendees/);
    expect(mail.htmlBody).toMatch(/^<!DOCTYPE html><html lang="ru">/);
  });

  it('escapes the sheet’s Russian text in the HTML', () => {
    const mail = mailTo(tick(network('Russian')), MAILING_LIST);
    expect(mail.htmlBody).toContain('Позиция &lt;b&gt;для&lt;/b&gt; обзора &amp; «региона»');
    expect(mail.htmlBody).not.toContain('<b>для</b>');
    expect(mail.body).toContain('Позиция <b>для</b> обзора & «региона»');
  });

  it('says in Russian plural forms how late the archive copy follows the approval', () => {
    const cases: [string, string][] = [
      ['2026-06-14', 'направляется 1 день спустя'],
      ['2026-06-12', 'направляется 3 дня спустя'],
      ['2026-06-05', 'направляется 10 дней спустя'],
    ];
    for (const [approvedOn, words] of cases) {
      const archive = mailTo(tick(network('Russian', approvedOn)), RCO);
      expect(archive.subject).toMatch(
        /^Экземпляр для архива: UN Network on Migration in Uzbekistan: протокол заседания/,
      );
      expect(archive.body).toContain('Для архива Канцелярии Координатора-резидента');
      expect(archive.body).toContain(words);
      expect(archive.htmlBody).toContain(words);
    }
  });
});

describe('the minutes email in English', () => {
  it('reads as it always has', () => {
    const fake = tick(network('English'));
    const mail = mailTo(fake, MAILING_LIST);
    expect(mail.subject).toBe(
      'UN Network on Migration in Uzbekistan: minutes of "Q2 2026 meeting: the regional review", 1 June 2026',
    );
    expect(mail.body).toContain(
      'Please find below the minutes of "Q2 2026 meeting: the regional review" of 1 June 2026, approved on 14 June 2026, with the decisions taken and the action points agreed.',
    );
    expect(mail.body).toContain(
      'The Secretariat of the UN Network on Migration in Uzbekistan, on behalf of the Co-chairs',
    );
    expect(mail.htmlBody).toMatch(/^<!DOCTYPE html><html lang="en">/);
    expect(mail.htmlBody).toContain('Позиция &lt;b&gt;для&lt;/b&gt; обзора &amp; «региона»');
    expect(mailTo(fake, RCO).body).toContain('this copy follows 1 day later.');
  });
});
