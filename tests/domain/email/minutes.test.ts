/** The minutes message: every part the ToRs ask for, in both bodies, and every sheet text escaped in the HTML. */
import { describe, expect, it } from 'vitest';
import { archiveMessage, minutesMessage } from '../../../src/domain/email/minutes';
import { networkOf } from '../rules/support';
import { emailNetwork } from '../../sim/network';

const SCRIPT_TITLE = '<script>window.__ran = true</script>Q2';
const IMG_ACTION = '<img src=x onerror="window.__ran = true">Draft';

function hostile() {
  const spec = emailNetwork();
  spec.meetings = spec.meetings.map((m) =>
    m.id === 'M-2026-03' ? { ...m, title: SCRIPT_TITLE, externalParticipants: 'Ministry "Labour" & Co' } : m,
  );
  spec.actions = spec.actions.map((a) => (a.id === 'A-2026-002' ? { ...a, action: IMG_ACTION } : a));
  const network = networkOf(spec);
  return { network, meeting: network.meetings.records.find((m) => m.id === 'M-2026-03')! };
}

describe('minutesMessage', () => {
  it('says the date, mode, chair, attendees, link, decisions, action points and the confidentiality notice in both bodies', () => {
    const network = networkOf(emailNetwork());
    const meeting = network.meetings.records.find((m) => m.id === 'M-2026-03')!;
    const message = minutesMessage(network, meeting);
    expect(message.subject).toBe(
      'UN Network on Migration in Uzbekistan: minutes of "Q2 2026 meeting: the regional review", 1 June 2026',
    );
    for (const body of [message.text, message.html]) {
      for (const part of [
        '1 June 2026',
        'approved on 14 June 2026',
        'Hybrid',
        'IOM (International Organization for Migration), UNRC (UN Resident Coordinator)',
        'IOM, UNRC, UNDP',
        'https://docs.example/m3',
        'D-2026-03: A joint position for the regional review (Adopted)',
        'The members agree a joint position, drafted by UNDP.',
        'A-2026-002',
        'Draft the joint position',
        '15 July 2026',
        'Internal use only unless explicitly agreed otherwise.',
      ]) {
        expect(body).toContain(part);
      }
    }
    expect(message.html).toContain('<a href="https://docs.example/m3">');
  });

  it('escapes a title with a script and an action with an onerror image', () => {
    const { network, meeting } = hostile();
    const { html, text, subject } = minutesMessage(network, meeting);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;window.__ran = true&lt;/script&gt;Q2');
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__ran = true&quot;&gt;Draft');
    expect(html).toContain('Ministry &quot;Labour&quot; &amp; Co');
    expect(text).toContain(IMG_ACTION);
    expect(subject).toContain(SCRIPT_TITLE);
  });

  it('links only web addresses: a javascript: link stays text', () => {
    const spec = emailNetwork();
    spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-03' ? { ...m, minutesLink: 'javascript:alert(1)' } : m));
    const network = networkOf(spec);
    const { html } = minutesMessage(
      network,
      network.meetings.records.find((m) => m.id === 'M-2026-03')!,
    );
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('javascript:alert(1)');
  });
});

describe('archiveMessage', () => {
  it('is a separate copy that says it is for the RCO archive, with the same content and notice', () => {
    const network = networkOf(emailNetwork());
    const meeting = network.meetings.records.find((m) => m.id === 'M-2026-03')!;
    const archive = archiveMessage(network, meeting, '2026-06-15');
    expect(archive.text).not.toContain('this copy follows');
    expect(archive.subject).toBe(`Archive copy: ${minutesMessage(network, meeting).subject}`);
    expect(archive.text).toContain("For the archive of the Resident Coordinator's Office");
    expect(archive.text).toContain('Internal use only unless explicitly agreed otherwise.');
  });
});

describe('minutes as a network circulates them', () => {
  function september() {
    const spec = emailNetwork();
    spec.meetings.push(
      {
        id: 'M-2026-05',
        date: '2026-09-16',
        kind: 'Regular',
        title: 'Q3 2026 meeting',
        status: 'Held',
        attendees: ['IOM', 'UNRC'],
        minutesLink: 'https://docs.example/m5',
        minutesApprovedOn: '2026-09-30',
      },
      { id: 'M-2026-06', date: '2026-11-18', kind: 'Annual', title: 'Year-end meeting', status: 'Planned' },
    );
    spec.decisions.push({
      id: 'D-2026-05',
      date: '2026-09-16',
      meeting: 'M-2026-05',
      kind: 'General',
      title: 'The 2027 workplan',
      decision: 'The members prepare the 2027 workplan.',
      consulted: ['IOM', 'UNRC'],
      objections: ['UNDP'],
      outcome: 'Adopted',
    });
    return spec;
  }

  it('adds the members absent, the matters carried over, the next meeting, and who was consulted and objected', () => {
    const network = networkOf(september());
    const meeting = network.meetings.records.find((m) => m.id === 'M-2026-05')!;
    const { text } = minutesMessage(network, meeting);
    expect(text).toMatch(/Members absent:\s+UNDP/);
    expect(text).toContain('Matters arising carried over');
    expect(text).toContain('A-2026-002 | Draft the joint position | UNDP | 15 July 2026 | D-2026-03');
    expect(text).toMatch(/Next meeting:\s+18 November 2026: Year-end meeting \(M-2026-06\)/);
    expect(text).toContain('Consulted: IOM, UNRC. Objections: UNDP.');
  });

  it('leaves the notice out only for a Public meeting with its Disclosure decision', () => {
    const spec = september();
    spec.meetings = spec.meetings.map((m) => (m.id === 'M-2026-05' ? { ...m, confidentiality: 'Public' } : m));
    const notice = 'Internal use only unless explicitly agreed otherwise.';
    const publicOnly = networkOf(spec);
    const meetingOf = (n: typeof publicOnly) => n.meetings.records.find((m) => m.id === 'M-2026-05')!;
    expect(minutesMessage(publicOnly, meetingOf(publicOnly)).text).toContain(notice);
    spec.decisions.push({
      id: 'D-2026-06',
      date: '2026-09-16',
      meeting: 'M-2026-05',
      kind: 'Disclosure',
      subject: 'M-2026-05',
      consulted: ['IOM', 'UNRC', 'UNDP'],
      outcome: 'Adopted',
    });
    const agreed = networkOf(spec);
    expect(minutesMessage(agreed, meetingOf(agreed)).text).not.toContain(notice);
    expect(archiveMessage(agreed, meetingOf(agreed), '2026-10-01').text).toContain(notice);
  });

  it('says in a late archive copy when the minutes were approved', () => {
    const network = networkOf(september());
    const meeting = network.meetings.records.find((m) => m.id === 'M-2026-05')!;
    expect(archiveMessage(network, meeting, '2027-02-27').text).toContain(
      'The members approved these minutes on 30 September 2026; this copy follows 150 days later.',
    );
  });
});
