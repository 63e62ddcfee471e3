/**
 * Protection over the Apps Script fake: the editors of every data tab follow the register as setup
 * runs again after focal points come and go, and what Google keeps (owner, effective user) stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { protectionDescription, setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { TABLES } from '../../src/domain/tables';
import { gasPorts } from '../../src/gas/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { networkWorkbook } from '../support/network';

const OWNER = 'owner@iom.int';
const IOM = 'akarimova@iom.int';
const UNRC = 'jberg@un.org';
const MEMBER = 'dyusupova@undp.org';

let uninstall: (() => void) | undefined;
afterEach(() => uninstall?.());

/** A spreadsheet already holding the register of setup-support: IOM and UNRC are secretariat, UNDP a member. */
function fakeNetwork(options: Parameters<typeof createGasFake>[0] = {}): GasFake {
  const sheets: Record<string, Cell[][]> = Object.fromEntries(networkWorkbook().tabs);
  const fake = createGasFake({
    owner: OWNER,
    activeUser: IOM,
    editors: [IOM, UNRC, MEMBER],
    domainCanEdit: true,
    sheets,
    ...options,
  });
  uninstall = fake.install();
  return fake;
}

function runSetup() {
  return setupWorkbook(gasPorts());
}

function editorsOf(fake: GasFake, tab: string): string[] {
  return [...(fake.sheet(tab).sheetProtection?.editors ?? [])].map((e) => e.toLowerCase()).sort();
}

function expectEveryTab(fake: GasFake, editors: string[]) {
  for (const def of TABLES) expect(editorsOf(fake, def.name), def.name).toEqual([...editors].sort());
}

describe('protection of the data tabs', () => {
  it('lets only the Secretariat and the owner edit, turns domain edit off, and describes the add-on tabs', () => {
    const fake = fakeNetwork();
    const report = runSetup();
    expectEveryTab(fake, [OWNER, IOM, UNRC]);
    for (const def of TABLES) {
      const protection = fake.sheet(def.name).sheetProtection;
      expect(protection?.domainEdit, def.name).toBe(false);
      expect(protection?.warningOnly, def.name).toBe(false);
      expect(protection?.description, def.name).toBe(protectionDescription(def.addonOnly));
    }
    expect(report.changes).toContain(`${MEMBER} can no longer edit every protected tab`);
    expect(report.changes[0]).toMatch(
      /^protected Settings, Members, .* Log, Compliance: only the Secretariat can edit them$/,
    );
  });

  it('keeps a member out of the register while the Secretariat can still write', () => {
    const fake = fakeNetwork();
    runSetup();
    fake.setContext({ activeUser: MEMBER });
    expect(() => gasPorts().workbook.write('Members', 5, 1, [['UNICEF']])).toThrow(/protected cell/);
    fake.setContext({ activeUser: UNRC });
    expect(() => gasPorts().workbook.write('Members', 5, 1, [['UNICEF']])).not.toThrow();
  });

  it('follows the register when a focal point is added and when one is removed', () => {
    const fake = fakeNetwork();
    runSetup();

    const focal = fake.sheetValues('Focal points');
    fake.setSheetValues(
      'Focal points',
      [['UNRC', 'Amina Rashidova', 'RCO assistant', 'ARashidova@un.org', 'Alternate', true]],
      focal.length + 1,
    );
    const added = runSetup();
    expectEveryTab(fake, [OWNER, IOM, UNRC, 'arashidova@un.org']);
    expect(added.changes).toEqual(['arashidova@un.org can now edit every protected tab']);

    const row = focal.findIndex((r) => r[3] === UNRC) + 1;
    fake.setSheetValues('Focal points', [[false]], row, 6);
    const removed = runSetup();
    expectEveryTab(fake, [OWNER, IOM, 'arashidova@un.org']);
    expect(removed.changes).toEqual([`${UNRC} can no longer edit every protected tab`]);
  });

  it('tells a new secretariat focal point to ask an existing editor, and writes nothing, until one has run setup', () => {
    const fake = fakeNetwork({ editors: [IOM, UNRC, MEMBER, 'new@iom.int'] });
    runSetup();
    fake.setSheetValues(
      'Focal points',
      [['IOM', 'New officer', '', 'new@iom.int', 'Alternate', true]],
      fake.sheetValues('Focal points').length + 1,
    );
    fake.sheet('Workplan').sheetProtection?.editors.push('stale@iom.int');
    const before = fake.sheetNames().map((n) => fake.sheetValues(n));

    fake.setContext({ activeUser: 'new@iom.int' });
    const first = runSetup();
    expect(first.changes).toEqual([]);
    expect(first.notes[0]).toMatch(
      /^You \(new@iom\.int\) may set up the workbook but are not yet an editor of the protected tabs Settings, Members, .*Compliance/,
    );
    expect(fake.sheetNames().map((n) => fake.sheetValues(n))).toEqual(before);
    expect(editorsOf(fake, 'Workplan')).toContain('stale@iom.int');

    fake.setContext({ activeUser: IOM });
    expect(runSetup().changes).toEqual([
      'new@iom.int can now edit every protected tab',
      'stale@iom.int can no longer edit Workplan',
    ]);
    fake.setContext({ activeUser: 'new@iom.int' });
    expect(runSetup().lines[0]).toBe('Nothing to repair');
  });

  it("follows the Secretariat editors setting and the members' status", () => {
    const fake = fakeNetwork();
    runSetup();
    const settings = fake.sheetValues('Settings');
    fake.setSheetValues(
      'Settings',
      [['rco.office@un.org']],
      settings.findIndex((r) => r[0] === 'Secretariat editors') + 1,
      2,
    );
    const members = fake.sheetValues('Members');
    fake.setSheetValues('Members', [['Withdrawn']], members.findIndex((r) => r[0] === 'UNRC') + 1, 4);
    runSetup();
    expectEveryTab(fake, [OWNER, IOM, 'rco.office@un.org']);
  });

  it('changes no protection when it is already in line', () => {
    const fake = fakeNetwork();
    runSetup();
    const { byMethod, result } = fake.calls.during(runSetup);
    expect(result.lines[0]).toBe('Nothing to repair');
    const mutations = Object.keys(byMethod).filter((m) => /^Protection\.(add|remove|set)|^Sheet\.protect$/.test(m));
    expect(mutations).toEqual([]);
  });

  it('makes a protection that someone set to warn only enforce again', () => {
    const fake = fakeNetwork();
    runSetup();
    const protection = fake.sheet('Decisions').sheetProtection;
    if (protection) protection.warningOnly = true;
    const report = runSetup();
    expect(fake.sheet('Decisions').sheetProtection?.warningOnly).toBe(false);
    expect(report.changes).toEqual(['made the protection of Decisions apply to everyone but the Secretariat again']);
  });

  it('carries on for a file owned by a gmail.com account, where domain edit cannot be set', () => {
    const fake = fakeNetwork({ owner: 'network.secretariat@gmail.com', activeUser: 'network.secretariat@gmail.com' });
    runSetup();
    expectEveryTab(fake, ['network.secretariat@gmail.com', IOM, UNRC]);
  });

  it('bootstraps an empty spreadsheet for the person setting it up and the owner only', () => {
    const fake = createGasFake({ owner: OWNER, activeUser: IOM, editors: [IOM, MEMBER] });
    uninstall = fake.install();
    setupWorkbook(gasPorts(), { profile: 'custom', networkName: 'UNNM' });
    expectEveryTab(fake, [OWNER, IOM]);
  });
});
