/**
 * Automation and the Log through dist/Code.js over the Apps Script fake, in the network's language:
 * with Settings' `Language` Russian, the alerts of turning automation on and of its status, and the
 * Log's Details of a deferred and a refused send, are in Russian while the Log's Event and Outcome
 * keep their English contract values; with English, as before.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeTable } from '../../src/domain/codec';
import { LogTable, type LogEntry } from '../../src/domain/tables';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { onFixedDay } from '../support/gas-day';
import { gridsOf, type Spec } from '../domain/rules/support';
import { MAILING_LIST, SECRETARIAT, emailNetwork } from '../sim/network';

const installed = onFixedDay(new Date(2026, 5, 15, 10, 0, 0));

let code = '';
beforeAll(() => {
  code = bundleCode();
});

function network(language: 'English' | 'Russian'): Spec {
  const spec = emailNetwork();
  spec.settings = { ...spec.settings, language };
  spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-03' ? { ...m, minutesApprovedOn: '2026-06-14' } : m));
  return spec;
}

/** A personal address under corporate domains, a focal point of a member: the minutes to it are refused. */
function withPersonalAddress(spec: Spec): Spec {
  spec.settings = { ...spec.settings, mailingList: null, corporateEmailDomains: ['un.org', 'iom.int', 'undp.org'] };
  spec.focalPoints.push({ agency: 'UNDP', name: 'Home', email: 'dilnoza@gmail.com', kind: 'Alternate', active: true });
  return spec;
}

function fakeOf(spec: Spec, mailQuota?: number): { fake: GasFake; script: Script } {
  const fake = installed(
    createGasFake({
      owner: 'owner@un.org',
      activeUser: SECRETARIAT,
      sheets: gridsOf(spec),
      ...(mailQuota === undefined ? {} : { mailQuota }),
      htmlFiles: (name) => readFileSync(join(__dirname, '..', '..', 'dist', `${name}.html`), 'utf8'),
    }),
  );
  fake.nextExecution();
  return { fake, script: loadBundle(code, fake) };
}

function log(fake: GasFake): LogEntry[] {
  return decodeTable(LogTable, fake.sheetValues('Log')).records;
}

function lastAlert(fake: GasFake): string {
  return String(fake.ui.dialogs.filter((d) => d.kind === 'alert').at(-1)?.content ?? '');
}

describe('automation in Russian', () => {
  it('says in Russian that it is on and from whose account, and logs it under the English event', () => {
    const { fake, script } = fakeOf(network('Russian'));
    script.enableAutomation!();
    expect(lastAlert(fake)).toBe(
      `Автоматизация включена: протоколы, напоминания и повторные отправки теперь рассылаются ежечасно с Вашей учетной записи (${SECRETARIAT}).`,
    );
    const on = log(fake).find((e) => e.event === 'Automation enabled');
    expect(on?.outcome).toBe('Done');
    expect(on?.details).toBe(
      `установлены триггеры onEditInstalled и hourlyTick: письма отправляются с учетной записи ${SECRETARIAT}`,
    );
    script.showAutomationStatus!();
    expect(lastAlert(fake)).toMatch(
      /^Автоматизация включена: утвержденные протоколы, напоминания и повторные отправки рассылаются ежечасно с учетной записи \S+ \(с 2026-06-15\)\.$/,
    );
    script.disableAutomation!();
    expect(lastAlert(fake)).toBe(
      'Автоматизация отключена: ничего не будет рассылаться автоматически, пока она не будет снова включена.',
    );
    expect(log(fake).find((e) => e.event === 'Automation disabled')?.details).toBe(
      `удалены триггеры onEditInstalled и hourlyTick для ${SECRETARIAT}`,
    );
  });

  it('writes the Details of a send deferred for the quota in Russian, with Russian plural forms', () => {
    const { fake, script } = fakeOf(network('Russian'), 0);
    script.hourlyTick!();
    const deferred = log(fake).filter((e) => e.outcome === 'Deferred');
    expect(deferred.map((e) => e.event)).toEqual(['Minutes circulated']);
    expect(deferred[0]?.recipients).toEqual([MAILING_LIST]);
    expect(deferred[0]?.details).toBe(
      'требуется квота на 1 получателя, а из сегодняшней квоты на отправку писем осталось 0: сообщение будет отправлено при одном из следующих запусков',
    );
  });

  it('writes the Details of a refused send in Russian', () => {
    const { fake, script } = fakeOf(withPersonalAddress(network('Russian')));
    script.hourlyTick!();
    const refused = log(fake).filter((e) => e.outcome === 'Refused');
    expect(refused.map((e) => e.recipients)).toEqual([['dilnoza@gmail.com']]);
    expect(refused[0]?.details).toBe(
      'протокол заседания M-2026-03 членам Сети — не направляется на этот адрес: адрес не относится к корпоративным доменам электронной почты, указанным на листе «Settings» (un.org, iom.int, undp.org): на личный адрес сообщения не направляются',
    );
  });
});

describe('automation in English', () => {
  it('reads as it always has', () => {
    const { fake, script } = fakeOf(network('English'));
    script.enableAutomation!();
    expect(lastAlert(fake)).toBe(
      `Automation is on: minutes, reminders and retries now go out every hour from your account (${SECRETARIAT}).`,
    );
    expect(log(fake).find((e) => e.event === 'Automation enabled')?.details).toBe(
      `onEditInstalled and hourlyTick installed: mail goes from ${SECRETARIAT}'s account`,
    );
    script.showAutomationStatus!();
    expect(lastAlert(fake)).toMatch(
      /^Automation is on: approved minutes, reminders and retries go out every hour from \S+'s account \(since 2026-06-15\)\.$/,
    );
  });

  it('writes the Details of a deferred and a refused send as before', () => {
    const deferred = fakeOf(network('English'), 0);
    deferred.script.hourlyTick!();
    expect(log(deferred.fake).find((e) => e.outcome === 'Deferred')?.details).toBe(
      "needs 1 recipient of today's mail quota and 0 are left: it goes at a later tick",
    );
    const refused = fakeOf(withPersonalAddress(network('English')));
    refused.script.hourlyTick!();
    expect(log(refused.fake).find((e) => e.outcome === 'Refused')?.details).toBe(
      'the minutes of M-2026-03 to the members does not go to this address: not on the corporate email domains of Settings (un.org, iom.int, undp.org): a personal address is held back',
    );
  });
});
