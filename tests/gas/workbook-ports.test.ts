import { afterEach, describe, expect, it, vi } from 'vitest';
import { dayOfDate } from '../../src/domain/dates';
import { gasPorts, LockBusyError } from '../../src/gas/ports';
import { createGasFake, type GasFakeOptions } from '../fakes/gas';

let uninstall: () => void = () => undefined;

function setup(options: GasFakeOptions = {}) {
  uninstall();
  const fake = createGasFake(options);
  uninstall = fake.install();
  return fake;
}

afterEach(() => {
  uninstall();
  uninstall = () => undefined;
});

describe('gasPorts', () => {
  it('costs no service call to build', () => {
    const fake = setup({ authMode: 'NONE' });
    gasPorts();
    expect(fake.calls.total).toBe(0);
  });

  it('tells the active user and the owner', () => {
    setup({ owner: 'rco@un.org', activeUser: 'coordinator@iom.int', editors: ['coordinator@iom.int'] });
    const ports = gasPorts();
    expect(ports.user.email()).toBe('coordinator@iom.int');
    expect(ports.user.owner()).toBe('rco@un.org');
  });

  it("gives '' when Google withholds the active user's address", () => {
    setup({ activeUser: '' });
    expect(gasPorts().user.email()).toBe('');
  });

  it("tells today's date and the time in the spreadsheet's zone", () => {
    setup();
    const ports = gasPorts();
    expect(ports.clock.today()).toBe(dayOfDate(new Date()));
    expect(ports.clock.now()).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it("counts days in the spreadsheet's zone when the add-on's script zone is another", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date(Date.UTC(2026, 10, 23, 12, 0, 0)));
      setup({ timeZone: 'Pacific/Kiritimati' });
      const clock = gasPorts().clock;
      expect(clock.today()).toBe('2026-11-24');
      expect(clock.now()).toBe('2026-11-24T02:00:00');
      setup({ timeZone: 'Pacific/Pago_Pago' });
      expect(gasPorts().clock.today()).toBe('2026-11-23');
    } finally {
      vi.useRealTimers();
    }
  });

  it('toasts on the spreadsheet and alerts through the UI, or the log when there is none', () => {
    const fake = setup();
    const ports = gasPorts();
    ports.ui.toast('12 findings', 'Compliance check');
    ports.ui.alert('Only the Secretariat may do this.', 'Not allowed');
    expect(fake.ui.toasts).toEqual([{ message: '12 findings', title: 'Compliance check', timeout: undefined }]);
    expect(fake.ui.dialogs).toEqual([
      { kind: 'alert', title: 'Not allowed', content: 'Only the Secretariat may do this.' },
    ]);
    fake.setContext({ uiAvailable: false });
    ports.ui.alert('Sent 3 reminders', 'Automation');
    expect(fake.logs).toEqual(['Automation: Sent 3 reminders']);
  });

  it('holds the document lock while the work runs, flushing what it wrote before it lets go', () => {
    const fake = setup({ sheets: { Members: [['Agency']] } });
    const ports = gasPorts();
    const result = ports.lock.withDocumentLock(() => {
      expect(fake.locks.holder).toBe('this');
      ports.workbook.write('Members', 1, 1, [['Agency']]);
      return 42;
    });
    expect(result).toBe(42);
    expect(fake.locks.holder).toBeNull();
    const seq = fake.calls.sequence;
    expect(seq.indexOf('Lock.waitLock')).toBeLessThan(seq.indexOf('SpreadsheetApp.flush'));
    expect(seq.indexOf('SpreadsheetApp.flush')).toBeLessThan(seq.indexOf('Lock.releaseLock'));
  });

  it('lets go of the lock without a flush when nothing was written', () => {
    const fake = setup({ sheets: { Members: [['Agency']] } });
    const ports = gasPorts();
    ports.lock.withDocumentLock(() => ports.workbook.read('Members'));
    expect(fake.calls.of('Lock.releaseLock')).toBe(1);
    expect(fake.calls.of('SpreadsheetApp.flush')).toBe(0);
  });

  it('keeps the lock through a nested use case until the outer one ends', () => {
    const fake = setup();
    const { lock } = gasPorts();
    lock.withDocumentLock(() => {
      lock.withDocumentLock(() => undefined);
      expect(fake.locks.holder).toBe('this');
    });
    expect(fake.locks.holder).toBeNull();
    expect(fake.calls.of('Lock.releaseLock')).toBe(1);
  });

  it('releases the lock when the work fails', () => {
    const fake = setup();
    expect(() =>
      gasPorts().lock.withDocumentLock(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(fake.locks.holder).toBeNull();
  });

  it('says clearly when another run holds the lock, and runs nothing', () => {
    const fake = setup();
    fake.locks.holdByOther();
    let ran = false;
    const attempt = () => gasPorts().lock.withDocumentLock(() => (ran = true));
    expect(attempt).toThrow(LockBusyError);
    expect(attempt).toThrow('Another run of the add-on is still working on this spreadsheet');
    expect(ran).toBe(false);
    expect(fake.locks.holder).toBe('other');
  });

  it('sends mail with text and HTML bodies and reports the quota left', () => {
    const fake = setup({ mailQuota: 10 });
    const { mailer } = gasPorts();
    mailer.send({
      to: ['a@iom.int', 'b@undp.org'],
      cc: ['rco@un.org'],
      subject: 'Minutes of M-2026-01',
      text: 'Minutes attached',
      html: '<p>Minutes attached</p>',
      replyTo: 'secretariat@iom.int',
    });
    mailer.send({ to: ['c@iom.int'], subject: 'Reminder', text: 't', html: '<p>t</p>' });
    expect(mailer.remainingQuota()).toBe(6);
    expect(fake.sentMail).toMatchObject([
      {
        to: ['a@iom.int', 'b@undp.org'],
        cc: ['rco@un.org'],
        subject: 'Minutes of M-2026-01',
        body: 'Minutes attached',
        htmlBody: '<p>Minutes attached</p>',
        replyTo: 'secretariat@iom.int',
      },
      { to: ['c@iom.int'], cc: [], replyTo: undefined },
    ]);
  });

  it('reads and writes the active spreadsheet through its workbook', () => {
    const fake = setup({ sheets: { Settings: [['Setting', 'Value']] } });
    const { workbook } = gasPorts();
    expect(workbook.tabNames()).toEqual(['Settings']);
    workbook.write('Settings', 2, 1, [['Country', 'Uzbekistan']]);
    expect(fake.sheetValues('Settings')).toEqual([
      ['Setting', 'Value'],
      ['Country', 'Uzbekistan'],
    ]);
  });
});
