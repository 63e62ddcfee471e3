/** Who mail goes to, and who it may go to: the network's focal points and the addresses in Settings. */
import { describe, expect, it } from 'vitest';
import {
  allowedRecipients,
  batches,
  networkRecipients,
  replyTo,
  screen,
  secretariatRecipients,
} from '../../../src/domain/email/recipients';
import { networkOf } from '../rules/support';
import { MAILING_LIST, RCO, TODAY, emailNetwork } from '../../sim/network';

describe('networkRecipients', () => {
  it('is the mailing list when there is one, else every active focal point once', () => {
    expect(networkRecipients(networkOf(emailNetwork()))).toEqual([MAILING_LIST]);
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, mailingList: null };
    spec.focalPoints.push(
      { agency: 'UNDP', email: 'Dilnoza.Yusupova@undp.org', active: true },
      { agency: 'UNDP', email: 'gone@undp.org', active: false },
    );
    expect(networkRecipients(networkOf(spec))).toEqual([
      'akarimova@iom.int',
      'jon.berg@un.org',
      'dilnoza.yusupova@undp.org',
    ]);
  });
});

describe('allowedRecipients and screen', () => {
  it('allows the active focal points of active members and the Settings addresses, and refuses the rest', () => {
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, secretariatEditors: ['assistant@un.org'] };
    spec.members.push({
      agency: 'WFP',
      roles: ['Member'],
      status: 'Withdrawn',
      joinedOn: '2025-12-01',
      leftOn: '2026-03-01',
    });
    spec.focalPoints.push({ agency: 'WFP', email: 'left@wfp.org', active: true });
    const allowed = allowedRecipients(networkOf(spec), TODAY);
    expect([...allowed].sort()).toEqual(
      [
        'akarimova@iom.int',
        'assistant@un.org',
        'dilnoza.yusupova@undp.org',
        'jon.berg@un.org',
        MAILING_LIST,
        RCO,
      ].sort(),
    );
    expect(screen(['AKarimova@iom.int', 'left@wfp.org', 'stranger@gmail.com', 'akarimova@iom.int'], allowed)).toEqual({
      allowed: ['AKarimova@iom.int'],
      refused: ['left@wfp.org', 'stranger@gmail.com'],
    });
  });
});

describe('the Secretariat', () => {
  it('is the Secretariat member\u2019s focal points and the Secretariat editors; replies go to its Primary', () => {
    const spec = emailNetwork();
    spec.settings = { ...spec.settings, secretariatEditors: ['assistant@un.org'] };
    spec.focalPoints.unshift({ agency: 'IOM', email: 'alternate@iom.int', kind: 'Alternate', active: true });
    const network = networkOf(spec);
    expect(secretariatRecipients(network, TODAY)).toEqual([
      'alternate@iom.int',
      'akarimova@iom.int',
      'assistant@un.org',
    ]);
    expect(replyTo(network, TODAY)).toBe('akarimova@iom.int');
  });
});

describe('batches', () => {
  it('cuts 123 recipients into messages of 50, 50 and 23', () => {
    expect(batches(Array.from({ length: 123 }, (_, i) => i)).map((b) => b.length)).toEqual([50, 50, 23]);
    expect(batches([])).toEqual([]);
  });
});
