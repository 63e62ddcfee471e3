import { describe, expect, it } from 'vitest';
import { NotAuthorizedError, requireSecretariat } from '../../src/app/authorize';
import { runComplianceCheck } from '../../src/app/check';
import { recordDecision } from '../../src/app/decisions';
import { readNetwork } from '../../src/app/network';
import { setupWorkbook } from '../../src/app/setup';
import type { Cell } from '../../src/domain/cells';
import { describeSecretariat, secretariatEmails } from '../../src/domain/secretariat';
import type { Ports } from '../../src/ports';
import { MemoryWorkbook } from '../support/memory-workbook';
import { memoryPorts, networkWorkbook, OWNER, snapshot, writes } from '../support/network';

const MEMBER = 'dyusupova@undp.org';
const REFUSAL =
  'the focal points of IOM (Coordinator, Secretariat) and UNRC (Co-chair), or the Secretariat editors in Settings. You are signed in as dyusupova@undp.org.';

function networkOf(workbook: MemoryWorkbook) {
  return readNetwork(workbook).network;
}

function setSetting(workbook: MemoryWorkbook, label: string, value: Cell) {
  const row = workbook.tabs.get('Settings')?.find((r) => r[0] === label);
  if (!row) throw new Error(label);
  row[1] = value;
}

describe('secretariatEmails', () => {
  it('takes the active focal points of active members with a secretariat role, the editors setting, the owner and the setup user', () => {
    const workbook = networkWorkbook();
    setSetting(workbook, 'Secretariat editors', 'RCO.Assistant@un.org, consultant@iom.int');
    const network = networkOf(workbook);
    expect(secretariatEmails(network)).toEqual([
      'akarimova@iom.int',
      'consultant@iom.int',
      'jberg@un.org',
      'rco.assistant@un.org',
    ]);
    expect(secretariatEmails(network, { owner: 'Owner@IOM.int', setupUser: 'x@iom.int' })).toContain('owner@iom.int');
    expect(secretariatEmails(network, { setupUser: 'x@iom.int' })).toContain('x@iom.int');
  });

  it('leaves out inactive focal points, members that are not active or have left, and ordinary members', () => {
    const workbook = networkWorkbook();
    workbook.tabs.get('Focal points')?.push(['IOM', 'Former officer', 'Officer', 'former@iom.int', 'Alternate', false]);
    workbook.tabs.get('Focal points')?.push(['iom ', 'Blank active', 'Officer', 'blank@iom.int', 'Alternate', '']);
    (workbook.tabs.get('Members')?.[2] as Cell[])[6] = new Date(2026, 0, 31);
    const network = networkOf(workbook);
    expect(secretariatEmails(network, { today: '2026-03-15' })).toEqual(['akarimova@iom.int']);
    expect(secretariatEmails(network, { today: '2026-01-30' })).toEqual(['akarimova@iom.int', 'jberg@un.org']);
    (workbook.tabs.get('Members')?.[1] as Cell[])[3] = 'Withdrawn';
    expect(secretariatEmails(networkOf(workbook), { today: '2026-01-30' })).toEqual(['jberg@un.org']);
  });

  it("describes who may act in the register's words", () => {
    expect(describeSecretariat(networkOf(networkWorkbook()))).toBe(
      'the focal points of IOM (Coordinator, Secretariat) and UNRC (Co-chair), or the Secretariat editors in Settings',
    );
    expect(describeSecretariat(networkOf(new MemoryWorkbook()))).toMatch(/the register names none yet/);
  });
});

describe('requireSecretariat', () => {
  it('lets a secretariat focal point through whatever the case of the address, and returns it lower-cased', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: 'AKarimova@IOM.int' });
    expect(requireSecretariat(ports, networkOf(ports.workbook), 'record a decision')).toBe('akarimova@iom.int');
  });

  it('refuses a member with a message that names the command and who may do it', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: MEMBER });
    const act = () => requireSecretariat(ports, networkOf(ports.workbook), 'record a decision');
    expect(act).toThrow(NotAuthorizedError);
    expect(act).toThrow(`Only the Secretariat can record a decision: ${REFUSAL}`);
  });

  it('refuses an unknown user, even on a workbook with no Secretariat yet', () => {
    const ports = memoryPorts({ workbook: new MemoryWorkbook(), email: '' });
    expect(() =>
      requireSecretariat(ports, networkOf(ports.workbook), 'set up the workbook', { bootstrap: true }),
    ).toThrow(/Google did not tell the add-on who you are signed in as/);
  });

  it('always lets the owner through', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: OWNER });
    expect(requireSecretariat(ports, networkOf(ports.workbook), 'record a decision')).toBe(OWNER);
  });

  it('lets anyone signed in set up a workbook whose register names no Secretariat, and nobody else do anything else there', () => {
    const ports = memoryPorts({ workbook: new MemoryWorkbook(), email: 'first.user@iom.int' });
    const network = networkOf(ports.workbook);
    expect(requireSecretariat(ports, network, 'set up the workbook', { bootstrap: true })).toBe('first.user@iom.int');
    expect(() => requireSecretariat(ports, network, 'record a decision')).toThrow(NotAuthorizedError);
  });

  it('keeps the bootstrap door closed when the Secretariat is in the register but its emails cannot be read', () => {
    const workbook = networkWorkbook();
    const focal = workbook.tabs.get('Focal points')!;
    const at = focal[0]!.indexOf('Email');
    for (const row of focal.slice(1)) row[at] = 'not an address';
    const ports = memoryPorts({ workbook, email: MEMBER });
    expect(() =>
      requireSecretariat(ports, networkOf(ports.workbook), 'set up the workbook', { bootstrap: true }),
    ).toThrow(NotAuthorizedError);
  });

  it('closes the bootstrap door once the register names a secretariat', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: MEMBER });
    expect(() =>
      requireSecretariat(ports, networkOf(ports.workbook), 'set up the workbook', { bootstrap: true }),
    ).toThrow(NotAuthorizedError);
  });
});

const DECISION = {
  date: '2026-03-10',
  meeting: '',
  kind: 'General',
  title: 'Adopt the 2026 calendar',
  decision: 'The network adopts its 2026 meeting calendar.',
  subject: '',
  consulted: ['IOM', 'UNRC', 'UNDP'],
  objections: [],
  outcome: 'Adopted',
  stateRelevant: false,
  stateConsultedOn: '',
  gcmObjectives: [],
  confirmed: true,
};

/** Every command that changes data or sends mail, as the member would run it. */
const MUTATING: [string, (ports: Ports) => unknown][] = [
  ['set up / repair workbook', (ports) => setupWorkbook(ports)],
  ['record a decision', (ports) => recordDecision(ports, DECISION)],
];

describe('a member who is not secretariat', () => {
  it.each(MUTATING)('is refused by %s, and the workbook, its protection and the outbox are unchanged', (_, command) => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: MEMBER });
    const before = snapshot(ports.workbook);
    expect(() => command(ports)).toThrow(NotAuthorizedError);
    expect(() => command(ports)).toThrow(REFUSAL);
    expect(snapshot(ports.workbook)).toEqual(before);
    expect(writes(ports.workbook)).toBe(0);
    expect(ports.workbook.calls.format ?? 0).toBe(0);
    expect(ports.protection.calls).toBe(0);
    expect(ports.sent).toEqual([]);
  });

  it('runs the compliance check but writes neither the Compliance tab nor the Log, and is told who may', () => {
    const ports = memoryPorts({ workbook: networkWorkbook(), email: MEMBER });
    const before = snapshot(ports.workbook);
    const result = runComplianceCheck(ports);
    expect(result.written).toBe(false);
    expect(snapshot(ports.workbook)).toEqual(before);
    expect(writes(ports.workbook)).toBe(0);
    expect(ports.ui.alerts.join('\n')).toContain(REFUSAL);
  });

  it('is let through by the same commands once the Secretariat names them in Settings', () => {
    const workbook = networkWorkbook();
    setSetting(workbook, 'Secretariat editors', MEMBER);
    for (const [, command] of MUTATING) expect(() => command(memoryPorts({ workbook, email: MEMBER }))).not.toThrow();
  });
});
