import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createGasFake, type GasFake } from '../fakes/gas';
import { Layer } from '../fakes/gas-grid';

type Any = any;

let fake: GasFake;
let g: Any;

beforeEach(() => {
  fake = createGasFake({ editors: ['editor@iom.int', 'member@undp.org'] });
  g = fake.globals;
});

describe('Range values', () => {
  it('reads blanks as empty strings and keeps value types', () => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Sheet1');
    const date = new Date(2026, 2, 1);
    sheet.getRange(1, 1, 1, 4).setValues([[1.5, true, date, 'text']]);
    const values = sheet.getRange(1, 1, 2, 5).getValues();
    expect(values[0]).toEqual([1.5, true, date, 'text', '']);
    expect(values[1]).toEqual(['', '', '', '', '']);
    expect(values[0][2]).not.toBe(date);
  });

  it('requires a rectangle of exactly the range size, with Google wording', () => {
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1:B2');
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
  });

  it('refuses ranges of zero rows or columns and ranges outside the sheet', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow('The number of rows in the range must be at least 1.');
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow('The number of columns in the range must be at least 1.');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('not a range!')).toThrow('Range not found');
  });

  it('parses input as Sheets does: apostrophe, formulas, numbers, booleans, dates', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const range = sheet.getRange(1, 1, 1, 8);
    range.setValues([["'=SUM(1)", '=1+2', '2026', 'TRUE', '2026-03-01', '-x', '@IOM', '=HYPERLINK("x")']]);
    const [values] = range.getValues();
    expect(values[0]).toBe('=SUM(1)');
    expect(values[1]).toBe(3);
    expect(values[2]).toBe(2026);
    expect(values[3]).toBe(true);
    expect(values[4]).toEqual(new Date(2026, 2, 1));
    expect(values[5]).toBe('#ERROR!');
    expect(values[6]).toBe('@IOM');
    expect(values[7]).toBe('#ERROR!');
    expect(range.getFormulas()[0]).toEqual(['', '=1+2', '', '', '', '=-x', '', '=HYPERLINK("x")']);
  });

  it('keeps text as text under the plain-text number format', () => {
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1:C1');
    range.setNumberFormat('@');
    range.setValues([['10.7', '2026-03-01', 'TRUE']]);
    expect(range.getValues()).toEqual([['10.7', '2026-03-01', 'TRUE']]);
    expect(range.getNumberFormats()).toEqual([['@', '@', '@']]);
  });

  it('sets one value into every cell with setValue and reads the top left with getValue', () => {
    const range = g.SpreadsheetApp.getActiveSheet().getRange('B2:C3');
    range.setValue('x');
    expect(range.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(range.getValue()).toBe('x');
    expect(range.getA1Notation()).toBe('B2:C3');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([2, 2, 2, 2]);
  });

  it('shows values through their number format', () => {
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1:C1');
    range.setValues([[new Date(2026, 0, 31), 1234.5, false]]);
    range.setNumberFormats([['yyyy-mm-dd', '#,##0.00', '0']]);
    expect(range.getDisplayValues()).toEqual([['2026-01-31', '1,234.50', 'FALSE']]);
  });

  it('gives the data range, last row and column of what holds values', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getValues()).toEqual([['']]);
    sheet.getRange('C4').setValue('x');
    sheet.getRange('A10:Z10').setBackground('#ff0000');
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('clears contents but keeps formats and validation; clear() takes formats too', () => {
    const range = g.SpreadsheetApp.getActiveSheet().getRange('A1:A2');
    const rule = g.SpreadsheetApp.newDataValidation().requireCheckbox().build();
    range
      .setDataValidation(rule)
      .setNumberFormat('@')
      .setBackground('red')
      .setValues([['a'], ['b']]);
    range.clearContent();
    expect(range.getValues()).toEqual([[''], ['']]);
    expect(range.getNumberFormat()).toBe('@');
    expect(range.getBackground()).toBe('#ff0000');
    expect(range.getDataValidation().getCriteriaType()).toBe('CHECKBOX');
    range.clear();
    expect(range.getNumberFormat()).toBe('0.###############');
    expect(range.getBackground()).toBe('#ffffff');
    expect(range.getDataValidation()).not.toBeNull();
  });

  it('stores rich text links and backgrounds', () => {
    const SA = g.SpreadsheetApp;
    const range = SA.getActiveSheet().getRange('A1:B1');
    const link = SA.newRichTextValue().setText('Row 5').setLinkUrl('#gid=0&range=A5').build();
    const plain = SA.newRichTextValue().setText('plain').build();
    range.setRichTextValues([[link, plain]]);
    expect(range.getValues()).toEqual([['Row 5', 'plain']]);
    expect(range.getRichTextValues()[0].map((r: Any) => r.getLinkUrl())).toEqual(['#gid=0&range=A5', null]);
    expect(() => range.setRichTextValues([[link, null]])).toThrow();
    range.setBackgrounds([['#FFEEEE', null]]);
    expect(range.getBackgrounds()).toEqual([['#ffeeee', '#ffffff']]);
  });

  it('applies a validation rule set to reject input to script writes too', () => {
    const SA = g.SpreadsheetApp;
    const range = SA.getActiveSheet().getRange('A2:A1000');
    range.setDataValidation(
      SA.newDataValidation().requireValueInList(['Open', 'Done'], true).setAllowInvalid(false).build(),
    );
    SA.getActiveSheet().getRange('A2').setValue('done');
    expect(() => SA.getActiveSheet().getRange('A3').setValue('Later')).toThrow('violates the data validation rules');
    const rule = range.getDataValidations()[0][0];
    expect(rule.getCriteriaType()).toBe(SA.DataValidationCriteria.VALUE_IN_LIST);
    expect(rule.getCriteriaValues()).toEqual([['Open', 'Done'], true]);
    expect(rule.getAllowInvalid()).toBe(false);
  });

  it('insertCheckboxes sets every cell to false, unlike a checkbox validation rule', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A2:A100').setDataValidation(g.SpreadsheetApp.newDataValidation().requireCheckbox().build());
    expect(sheet.getLastRow()).toBe(0);
    sheet.getRange('B2:B100').insertCheckboxes();
    expect(sheet.getLastRow()).toBe(100);
    expect(sheet.getRange('B2').getValue()).toBe(false);
  });
});

describe('Sheet and Spreadsheet', () => {
  it('inserts sheets at positions and refuses duplicate names', () => {
    const ss = g.SpreadsheetApp.getActive();
    ss.insertSheet('Members');
    ss.insertSheet('Settings', 0);
    expect(ss.getSheets().map((s: Any) => s.getName())).toEqual(['Settings', 'Sheet1', 'Members']);
    expect(ss.getSheetByName('Members').getIndex()).toBe(3);
    expect(() => ss.insertSheet('members')).toThrow(
      'A sheet with the name "members" already exists. Please enter another name.',
    );
    expect(ss.getSheetByName('Nope')).toBeNull();
    expect(ss.getSheetByName('Settings').getSheetId()).not.toBe(ss.getSheetByName('Members').getSheetId());
    ss.deleteSheet(ss.getSheetByName('Sheet1'));
    ss.deleteSheet(ss.getSheetByName('Settings'));
    expect(() => ss.deleteSheet(ss.getSheetByName('Members'))).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });

  it('inserts and deletes rows and columns, moving values and formats', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.getRange('A1:C1').setValues([['a', 'b', 'c']]);
    sheet.getRange('B1:B1000').setNumberFormat('@');
    sheet.insertColumnsAfter(1, 2);
    expect(sheet.getMaxColumns()).toBe(28);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([['a', '', '', 'b', 'c']]);
    expect(sheet.getRange('D5').getNumberFormat()).toBe('@');
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.getRange('B1').getValue()).toBe('a');
    sheet.getRange('A2:A3').setValues([['x'], ['y']]);
    sheet.deleteRows(2, 1);
    expect(sheet.getRange('A2').getValue()).toBe('y');
    expect(sheet.getMaxRows()).toBe(999);
    sheet.insertRowsAfter(1, 10);
    expect(sheet.getRange('A12').getValue()).toBe('y');
    expect(() => sheet.deleteRows(1, sheet.getMaxRows())).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('freezes rows and sets column widths', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 250);
    sheet.setColumnWidths(3, 2, 80);
    expect(sheet.getFrozenRows()).toBe(1);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([100, 250, 80]);
  });

  it('knows its id, url, owner, editors and time zone, and records toasts', () => {
    const ss = g.SpreadsheetApp.getActive();
    expect(ss.getUrl()).toContain(ss.getId());
    expect(ss.getOwner().getEmail()).toBe('owner@iom.int');
    expect(ss.getEditors().map((u: Any) => u.getEmail())).toEqual([
      'owner@iom.int',
      'editor@iom.int',
      'member@undp.org',
    ]);
    expect(ss.getSpreadsheetTimeZone()).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    ss.toast('Done', 'Check');
    expect(fake.ui.toasts).toEqual([{ message: 'Done', title: 'Check', timeout: undefined }]);
  });
});

describe('Protection', () => {
  it('starts with the file editors and follows the documented pattern', () => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Sheet1');
    const protection = sheet.protect().setDescription('Register');
    expect(protection.getEditors().map((u: Any) => u.getEmail())).toEqual([
      'owner@iom.int',
      'editor@iom.int',
      'member@undp.org',
    ]);
    protection.addEditor(g.Session.getEffectiveUser());
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u: Any) => u.getEmail())).toEqual(['owner@iom.int']);
    protection.addEditors(['editor@iom.int']);
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.SHEET)).toHaveLength(1);
    expect(sheet.protect().getDescription()).toBe('Register');
  });

  it('cannot remove the owner or the current user', () => {
    fake.setContext({ activeUser: 'editor@iom.int' });
    const protection = g.SpreadsheetApp.getActiveSheet().protect();
    protection.removeEditors(['owner@iom.int', 'editor@iom.int', 'member@undp.org']);
    expect(protection.getEditors().map((u: Any) => u.getEmail())).toEqual(['owner@iom.int', 'editor@iom.int']);
  });

  it('blocks edits by users who are not editors, unless warning only', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const protection = sheet.protect();
    protection.removeEditors(['member@undp.org']);
    fake.setContext({ activeUser: 'member@undp.org' });
    expect(protection.canEdit()).toBe(false);
    expect(() => sheet.getRange('A1').setValue('x')).toThrow('You are trying to edit a protected cell or object.');
    protection.setWarningOnly(true);
    expect(protection.isWarningOnly()).toBe(true);
    sheet.getRange('A1').setValue('x');
    expect(fake.sheetValues('Sheet1')).toEqual([['x']]);
  });

  it('throws on setDomainEdit for a consumer-owned file', () => {
    const consumer = createGasFake({ owner: 'someone@gmail.com' });
    const protection = (consumer.globals.SpreadsheetApp as Any).getActiveSheet().protect();
    expect(protection.canDomainEdit()).toBe(false);
    expect(() => protection.setDomainEdit(false)).toThrow();
    const workspace = createGasFake({ domainCanEdit: true });
    const p = (workspace.globals.SpreadsheetApp as Any).getActiveSheet().protect();
    expect(p.canDomainEdit()).toBe(true);
    p.setDomainEdit(false);
    expect(p.canDomainEdit()).toBe(false);
  });

  it('protects ranges and removes protections', () => {
    const sheet = g.SpreadsheetApp.getActiveSheet();
    const p = sheet.getRange('A1:B2').protect();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(1);
    expect(p.getRange().getA1Notation()).toBe('A1:B2');
    p.remove();
    expect(sheet.getProtections(g.SpreadsheetApp.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe('Ui and menus', () => {
  it('records the add-on menu with items, separators and submenus', () => {
    const ui = g.SpreadsheetApp.getUi();
    const reports = ui.createMenu('Reports').addItem('Member list', 'reportMemberList');
    ui.createAddonMenu().addItem('Check', 'runComplianceCheck').addSeparator().addSubMenu(reports).addToUi();
    expect(fake.ui.menus).toEqual([
      {
        name: 'UN Network secretariat',
        addon: true,
        items: [
          { caption: 'Check', functionName: 'runComplianceCheck' },
          { caption: '', separator: true },
          {
            caption: 'Reports',
            submenu: {
              name: 'Reports',
              addon: false,
              items: [{ caption: 'Member list', functionName: 'reportMemberList' }],
            },
          },
        ],
      },
    ]);
  });

  it('answers alerts and prompts from a queue', () => {
    const ui = g.SpreadsheetApp.getUi();
    fake.ui.answer({ button: 'NO' }, { text: 'UN Network on Migration in Uzbekistan', button: 'OK' });
    expect(ui.alert('Title', 'Go on?', ui.ButtonSet.YES_NO)).toBe(ui.Button.NO);
    const r = ui.prompt('Network name', ui.ButtonSet.OK_CANCEL);
    expect(r.getResponseText()).toBe('UN Network on Migration in Uzbekistan');
    expect(r.getSelectedButton()).toBe(ui.Button.OK);
    expect(fake.ui.dialogs.map((d) => d.kind)).toEqual(['alert', 'prompt']);
  });

  it('has no UI in a trigger', () => {
    fake.setContext({ uiAvailable: false });
    expect(() => g.SpreadsheetApp.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  it('lets AuthMode.NONE build a menu and nothing else', () => {
    fake.setContext({ authMode: 'NONE' });
    g.SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setupWorkbook').addToUi();
    expect(() => g.PropertiesService.getDocumentProperties()).toThrow('You do not have permission');
    expect(() => g.SpreadsheetApp.getActive()).toThrow('You do not have permission');
  });

  it('shows sidebars and dialogs from HtmlService', () => {
    const f = createGasFake({ htmlFiles: { sidebar: '<p>Hi <?= name ?></p>' } });
    const G = f.globals as Any;
    const t = G.HtmlService.createTemplateFromFile('sidebar');
    t.name = '<b>';
    G.SpreadsheetApp.getUi().showSidebar(t.evaluate().setTitle('Record a decision'));
    G.SpreadsheetApp.getUi().showModalDialog(
      G.HtmlService.createHtmlOutput('<p>x</p>').setWidth(500).setHeight(200),
      'Help',
    );
    expect(f.ui.dialogs).toEqual([
      { kind: 'sidebar', title: 'Record a decision', content: '<p>Hi &#60;b&#62;</p>', width: 300 },
      { kind: 'modal', title: 'Help', content: '<p>x</p>', width: 500, height: 200 },
    ]);
    expect(() => G.HtmlService.createHtmlOutputFromFile('missing')).toThrow('No HTML file named missing was found.');
  });
});

describe('Session, locks, properties', () => {
  it('gives the active and effective users', () => {
    expect(g.Session.getActiveUser().getEmail()).toBe('owner@iom.int');
    const f = createGasFake({ activeUser: '', effectiveUser: 'owner@iom.int' });
    expect((f.globals.Session as Any).getActiveUser().getEmail()).toBe('');
    expect((f.globals.Session as Any).getEffectiveUser().getEmail()).toBe('owner@iom.int');
  });

  it('times out waiting for a document lock another execution holds', () => {
    const lock = g.LockService.getDocumentLock();
    fake.locks.holdByOther();
    expect(() => lock.waitLock(30_000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(lock.tryLock(1000)).toBe(false);
    fake.locks.releaseOther();
    lock.waitLock(30_000);
    expect(lock.hasLock()).toBe(true);
    g.SpreadsheetApp.flush();
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(fake.calls.sequence.slice(-3)).toEqual(['SpreadsheetApp.flush', 'Lock.releaseLock', 'Lock.hasLock']);
  });

  it('keeps document, user and script properties as strings', () => {
    g.PropertiesService.getDocumentProperties().setProperty('n', 3);
    expect(g.PropertiesService.getDocumentProperties().getProperty('n')).toBe('3');
    g.PropertiesService.getUserProperties().setProperties({ a: 'x' });
    fake.setContext({ activeUser: 'editor@iom.int' });
    expect(g.PropertiesService.getUserProperties().getProperty('a')).toBeNull();
    expect(() => g.PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(10_000))).toThrow(
      'Argument too large',
    );
  });
});

describe('a killed execution', () => {
  it('loses the writes made since the last flush, lets go of the lock and runs no more calls', () => {
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Sheet1');
    const lock = g.LockService.getDocumentLock();
    lock.waitLock(1000);
    sheet.getRange(1, 1, 1, 2).setValues([['claimed', 1]]);
    g.SpreadsheetApp.flush();
    sheet.getRange(2, 1, 1, 2).setValues([['confirmed', 2]]);
    sheet.insertRowsAfter(1, 3);
    expect(() => fake.kill()).toThrow('Exceeded maximum execution time');
    expect(fake.sheetValues('Sheet1')).toEqual([['claimed', 1]]);
    expect(fake.locks.holder).toBeNull();
    expect(() => g.SpreadsheetApp.flush()).toThrow('Exceeded maximum execution time');
    fake.nextExecution();
    expect(g.SpreadsheetApp.getActive().getSheetByName('Sheet1').getRange(1, 1, 1, 2).getValues()).toEqual([
      ['claimed', 1],
    ]);
  });

  it('keeps what a person typed: it is saved at once', () => {
    fake.setSheetValues('Sheet1', [['typed']]);
    expect(() => fake.kill()).toThrow();
    expect(fake.sheetValues('Sheet1')).toEqual([['typed']]);
  });
});

describe('MailApp', () => {
  it('records mail and spends the quota per recipient', () => {
    const f = createGasFake({ mailQuota: 3 });
    const MailApp = f.globals.MailApp as Any;
    MailApp.sendEmail({
      to: 'a@iom.int, b@undp.org',
      subject: 'Minutes',
      body: 'text',
      htmlBody: '<p>x</p>',
      replyTo: 'sec@iom.int',
    });
    expect(MailApp.getRemainingDailyQuota()).toBe(1);
    expect(f.sentMail[0]).toMatchObject({
      to: ['a@iom.int', 'b@undp.org'],
      subject: 'Minutes',
      htmlBody: '<p>x</p>',
      replyTo: 'sec@iom.int',
      from: 'owner@iom.int',
    });
    expect(() => MailApp.sendEmail('a@iom.int', 'S', 'B', { cc: 'c@iom.int' })).toThrow(
      'Service invoked too many times for one day: email.',
    );
    MailApp.sendEmail('a@iom.int', 'S', 'B');
    expect(f.sentMail).toHaveLength(2);
  });

  it('lets a test refuse a message before it goes, or act once it has gone', () => {
    const seen: string[] = [];
    fake.mail.beforeSend = (mail) => {
      if (mail.subject === 'refused') throw new Error('Service unavailable');
    };
    fake.mail.afterSend = (mail) => void seen.push(mail.subject);
    expect(() => g.MailApp.sendEmail({ to: 'a@iom.int', subject: 'refused', body: 'b' })).toThrow(
      'Service unavailable',
    );
    g.MailApp.sendEmail({ to: 'a@iom.int', subject: 'sent', body: 'b' });
    expect(fake.sentMail.map((m) => m.subject)).toEqual(['sent']);
    expect(seen).toEqual(['sent']);
  });

  it('refuses more than 50 recipients and malformed addresses', () => {
    const to = Array.from({ length: 51 }, (_, i) => `p${i}@iom.int`).join(',');
    expect(() => g.MailApp.sendEmail({ to, subject: 's', body: 'b' })).toThrow(
      'Limit Exceeded: Email Recipients Per Message.',
    );
    expect(() => g.MailApp.sendEmail({ to: 'not-an-address', subject: 's', body: 'b' })).toThrow(
      'Invalid email: not-an-address',
    );
    expect(fake.sentMail).toHaveLength(0);
  });
});

describe('ScriptApp triggers', () => {
  it('creates, lists and deletes triggers per user and document', () => {
    const S = g.ScriptApp;
    const ss = g.SpreadsheetApp.getActive();
    S.newTrigger('onEditInstalled').forSpreadsheet(ss).onEdit().create();
    S.newTrigger('hourlyTick').timeBased().everyHours(1).create();
    const mine = S.getUserTriggers(ss);
    expect(mine.map((t: Any) => [t.getHandlerFunction(), t.getEventType()])).toEqual([
      ['onEditInstalled', S.EventType.ON_EDIT],
      ['hourlyTick', S.EventType.CLOCK],
    ]);
    expect(() => S.newTrigger('again').timeBased().everyHours(1).create()).toThrow('already created');
    expect(() => S.newTrigger('fast').timeBased().everyMinutes(5).create()).toThrow('once an hour');
    fake.setContext({ activeUser: 'editor@iom.int' });
    expect(S.getUserTriggers(ss)).toHaveLength(0);
    fake.setContext({ activeUser: 'owner@iom.int' });
    S.deleteTrigger(mine[0]);
    expect(fake.triggers.map((t) => t.handler)).toEqual(['hourlyTick']);
  });
});

describe('Utilities and Logger', () => {
  it('formats dates in a time zone', () => {
    const d = new Date(Date.UTC(2026, 0, 31, 22, 5, 9));
    expect(g.Utilities.formatDate(d, 'Asia/Tashkent', "yyyy-MM-dd'T'HH:mm:ss")).toBe('2026-02-01T03:05:09');
    expect(g.Utilities.formatDate(d, 'UTC', 'd MMM yyyy, EEE')).toBe('31 Jan 2026, Sat');
    expect(g.Utilities.formatDate(d, 'Asia/Baku', 'XXX')).toBe('+04:00');
  });

  it('logs', () => {
    g.Logger.log('Sent %s emails', 3);
    g.console.warn('careful');
    expect(fake.logs).toEqual(['Sent 3 emails', '[warn] careful']);
  });
});

describe('call counting', () => {
  it('counts every service call by method, but not the fake helpers', () => {
    fake.calls.reset();
    const sheet = g.SpreadsheetApp.getActive().getSheetByName('Sheet1');
    sheet.getRange(1, 1, 2, 2).getValues();
    fake.sheetValues('Sheet1');
    expect(fake.calls.byMethod).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheetByName': 1,
      'Sheet.getRange': 1,
      'Range.getValues': 1,
    });
    expect(fake.calls.total).toBe(4);
    expect(fake.calls.spreadsheet).toBe(4);
  });

  it('handles a 10,000-row sheet quickly enough for tests', () => {
    const grid = Array.from({ length: 10_000 }, (_, i) =>
      Array.from({ length: 16 }, (_, j) => (j === 0 ? `W-${i}` : i * j)),
    );
    const sheet = g.SpreadsheetApp.getActiveSheet();
    sheet.insertRowsAfter(1000, 9000);
    sheet.getRange(1, 1, 10_000, 16).setValues(grid);
    expect(sheet.getDataRange().getValues()).toEqual(grid);
  });
});

afterEach(() => {
  fake.calls.reset();
});

describe('cell limits', () => {
  it('refuses more than 50,000 characters in a cell', () => {
    const f = createGasFake();
    const range = (f.globals.SpreadsheetApp as Any).getActiveSheet().getRange('A1');
    expect(() => range.setValue('x'.repeat(50_001))).toThrow('more than the maximum of 50000 characters');
    range.setValue('x'.repeat(50_000));
  });
});

describe('attribute layers (formats, colours, validation)', () => {
  type Op =
    | { op: 'fill'; row: number; column: number; rows: number; columns: number; value: string }
    | { op: 'grid'; row: number; column: number; values: string[][] }
    | { op: 'insert' | 'remove'; axis: 'row' | 'column'; at: number; count: number };
  const N = 10;
  const SPAN = 60;
  const pos = fc.integer({ min: 1, max: N });
  const ops: fc.Arbitrary<Op> = fc.oneof(
    fc.record({
      op: fc.constant('fill' as const),
      row: pos,
      column: pos,
      rows: fc.integer({ min: 1, max: 4 }),
      columns: fc.integer({ min: 1, max: 4 }),
      value: fc.constantFrom('a', 'b', 'c'),
    }),
    fc.record({
      op: fc.constant('grid' as const),
      row: pos,
      column: pos,
      values: fc.array(fc.array(fc.constantFrom('x', 'y'), { minLength: 2, maxLength: 2 }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      op: fc.constantFrom('insert' as const, 'remove' as const),
      axis: fc.constantFrom('row' as const, 'column' as const),
      at: pos,
      count: fc.integer({ min: 1, max: 3 }),
    }),
  );

  it('agrees with a cell-by-cell model through fills, grids, insertions and deletions', () => {
    fc.assert(
      fc.property(fc.array(ops, { maxLength: 12 }), (list) => {
        const layer = new Layer<string>('-');
        // '?' marks inserted cells, whose look Sheets takes from their neighbours: not compared.
        let model = new Map<string, string>();
        const k = (r: number, c: number) => `${r},${c}`;
        for (const o of list) {
          if (o.op === 'fill') {
            layer.fill(o, o.value);
            for (let r = o.row; r < o.row + o.rows; r++)
              for (let c = o.column; c < o.column + o.columns; c++) model.set(k(r, c), o.value);
          } else if (o.op === 'grid') {
            layer.setGrid(o.row, o.column, o.values);
            o.values.forEach((line, i) => line.forEach((v, j) => model.set(k(o.row + i, o.column + j), v)));
          } else {
            const next = new Map<string, string>();
            for (const [key, v] of model) {
              const [r, c] = key.split(',').map(Number) as [number, number];
              const p = o.axis === 'row' ? r : c;
              const q =
                o.op === 'insert'
                  ? p > o.at
                    ? p + o.count
                    : p
                  : p < o.at
                    ? p
                    : p >= o.at + o.count
                      ? p - o.count
                      : null;
              if (q !== null) next.set(o.axis === 'row' ? k(q, c) : k(r, q), v);
            }
            if (o.op === 'insert') {
              for (let i = 1; i <= o.count; i++) {
                for (let j = 1; j <= SPAN; j++) next.set(o.axis === 'row' ? k(o.at + i, j) : k(j, o.at + i), '?');
              }
              layer.insert(o.axis, o.at, o.count);
            } else layer.remove(o.axis, o.at, o.count);
            model = next;
          }
        }
        for (let r = 1; r <= SPAN; r++) {
          for (let c = 1; c <= SPAN; c++) {
            const want = model.get(k(r, c)) ?? '-';
            if (want !== '?' && layer.get(r, c) !== want)
              expect({ r, c, got: layer.get(r, c) }).toEqual({ r, c, got: want });
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
