import { describe, expect, it } from 'vitest';
import { azerbaijan, check, refs, uzbekistan, type Spec } from './support';

function custom(spec: Spec): Spec {
  return { ...spec, settings: { torProfile: 'custom', foundedOn: '2025-12-01' } };
}

describe('members.roles', () => {
  it('reports the agency that should hold a role the Uzbekistan ToR gives', () => {
    const spec = uzbekistan();
    spec.members[0]!.roles = ['Coordinator'];
    const [f, ...rest] = check(spec, undefined, 'members.roles');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', sheet: 'Members', row: 2, ref: 'IOM' });
    expect(f!.message).toContain('lack Chair and Secretariat');
    expect(f!.clause).toContain(
      'Uzbekistan ToR, Composition and Membership: "The UNMN is chaired/coordinated by the International Organization for Migration (IOM)"',
    );
    expect(f!.clause).toContain('"IOM will serve as the Secretariat for the UNMN"');
  });

  it('reports a role holder that is missing or no longer active', () => {
    const spec = uzbekistan();
    spec.members[1]!.leftOn = '2026-06-15';
    expect(check(spec, undefined, 'members.roles')).toMatchObject([{ ref: 'UNRC', row: 3 }]);
    spec.members.splice(1, 1);
    expect(check(spec, undefined, 'members.roles')).toMatchObject([{ ref: 'UNRC', row: null }]);
  });

  it('takes RCO for UNRC: the Resident Coordinator and the Office are one member', () => {
    const spec = uzbekistan();
    spec.members[1]!.agency = 'RCO';
    spec.focalPoints[1]!.agency = 'RCO';
    expect(check(spec, undefined, 'members.roles')).toEqual([]);
    spec.members[1]!.roles = ['Member'];
    const [f] = check(spec, undefined, 'members.roles');
    expect(f).toMatchObject({ ref: 'UNRC', row: 3 });
    spec.members.splice(1, 1);
    expect(check(spec, undefined, 'members.roles')[0]!.message).toBe(
      'Neither UNRC nor RCO is in Members, yet the ToR makes UNRC Co-chair',
    );
  });

  it('asks the Azerbaijan ToR for IOM and UNRC as co-chairs, not for a Chair', () => {
    const spec = azerbaijan();
    expect(check(spec, undefined, 'members.roles')).toEqual([]);
    spec.members[0]!.roles = ['Chair', 'Coordinator', 'Secretariat'];
    const [f] = check(spec, undefined, 'members.roles');
    expect(f).toMatchObject({ ref: 'IOM' });
    expect(f!.clause).toBe(
      'Azerbaijan ToR, Composition and Membership: "Co-chairs UNRC and IOM mission in Azerbaijan"',
    );
  });

  it('is silent under the other profile and under a custom one', () => {
    const uz = uzbekistan();
    uz.settings.torProfile = 'azerbaijan';
    uz.settings.foundedOn = '2026-01-01';
    expect(check(uz, undefined, 'members.roles')).toMatchObject([{ ref: 'IOM' }]);
    const az = azerbaijan();
    az.settings.torProfile = 'uzbekistan';
    expect(refs(check(az, undefined, 'members.roles'))).toEqual(['members.roles:IOM']);
    const none = custom(uzbekistan());
    none.members.forEach((m) => (m.roles = []));
    expect(check(none, undefined, 'members.roles')).toEqual([]);
  });
});

describe('members.focal-point', () => {
  it('reports an active member without an active Primary focal point with a name and an email', () => {
    const spec = uzbekistan();
    spec.focalPoints[2]!.kind = 'Alternate';
    spec.focalPoints[1]!.active = false;
    const found = check(spec, undefined, 'members.focal-point');
    expect(refs(found)).toEqual(['members.focal-point:UNRC', 'members.focal-point:UNDP']);
    expect(found[1]!.message).toContain('none is Primary');
    expect(found[0]!.clause).toContain('"The UNMN comprises focal points from the UN entities"');
  });

  it('does not ask it of a member that left, or joins later', () => {
    const spec = uzbekistan();
    spec.focalPoints.splice(2, 1);
    spec.members[2]!.leftOn = '2026-06-15';
    expect(check(spec, undefined, 'members.focal-point')).toEqual([]);
    spec.members[2]!.leftOn = undefined;
    spec.members[2]!.joinedOn = '2026-06-16';
    expect(check(spec, undefined, 'members.focal-point')).toEqual([]);
    spec.members[2]!.joinedOn = '2026-06-15';
    expect(refs(check(spec, undefined, 'members.focal-point'))).toEqual(['members.focal-point:UNDP']);
  });

  it('cites the add-on baseline under a custom profile', () => {
    const spec = custom(uzbekistan());
    spec.focalPoints[0]!.email = '';
    const [f] = check(spec, undefined, 'members.focal-point');
    expect(f!.clause).toMatch(/^Network ToR \(custom profile\), the add-on's baseline: /);
  });
});

describe('members.corporate-email', () => {
  it('warns about an active focal point off the corporate domains; subdomains count', () => {
    const spec = uzbekistan();
    spec.focalPoints[0]!.email = 'aziza@gmail.com';
    spec.focalPoints[1]!.email = 'jon.berg@tashkent.one.un.org';
    const found = check(spec, undefined, 'members.corporate-email');
    expect(found).toMatchObject([{ severity: 'warning', sheet: 'Focal points', row: 2, ref: 'IOM' }]);
    expect(found[0]!.clause).toContain(
      '"All email-communications of the UNMN will be shared through the UN system corporate email-accounts"',
    );
    spec.focalPoints[0]!.active = false;
    expect(check(spec, undefined, 'members.corporate-email')).toEqual([]);
  });

  it('is silent under the Azerbaijan ToR (no domains) and when the setting is left blank', () => {
    const az = azerbaijan();
    az.focalPoints[0]!.email = 'aziza@gmail.com';
    expect(check(az, undefined, 'members.corporate-email')).toEqual([]);
    const uz = uzbekistan();
    uz.focalPoints[0]!.email = 'aziza@gmail.com';
    uz.settings.corporateEmailDomains = null;
    expect(check(uz, undefined, 'members.corporate-email')).toEqual([]);
  });

  it('cites the setting where the Azerbaijan network chose domains itself', () => {
    const az = azerbaijan();
    az.settings.corporateEmailDomains = ['iom.int'];
    const found = check(az, undefined, 'members.corporate-email');
    expect(refs(found)).toEqual(['members.corporate-email:UNRC', 'members.corporate-email:UNDP']);
    expect(found[0]!.clause).toBe('Network settings: "Corporate email domains" = iom.int');
  });
});

describe('members.admission', () => {
  function joiner(spec: Spec, decision: Spec['decisions'][number] | null) {
    spec.members.push({ agency: 'UNHCR', roles: ['Member'], status: 'Active', joinedOn: '2026-03-01' });
    spec.focalPoints.push({
      agency: 'UNHCR',
      name: 'Ana Diaz',
      email: 'diaz@unhcr.org',
      kind: 'Primary',
      active: true,
    });
    if (decision) spec.decisions.push(decision);
    return spec;
  }
  const admit: Spec['decisions'][number] = {
    id: 'D-2026-03',
    date: '2026-02-20',
    kind: 'Admission',
    subject: 'unhcr ',
    consulted: ['IOM', 'UNRC', 'UNDP'],
    outcome: 'Adopted',
  };

  it('accepts a member admitted by an adopted decision every current member approved', () => {
    expect(check(joiner(uzbekistan(), admit), undefined, 'members.admission')).toEqual([]);
    expect(check(joiner(uzbekistan(), admit), undefined, 'decisions.consensus')).toEqual([]);
  });

  it('reports a member that joined after the founding with no admission decision', () => {
    const [f, ...rest] = check(joiner(uzbekistan(), null), undefined, 'members.admission');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'error', sheet: 'Members', row: 5, ref: 'UNHCR' });
    expect(f!.message).toContain('UNHCR joined on 1 March 2026, after the network was founded on 1 December 2025');
    expect(f!.clause).toBe(
      'Uzbekistan ToR, Composition and Membership: "Other UN system entities may become members of the Network upon unanimous approval by its current members"',
    );
  });

  it('does not ask it of founding members, nor when Founded on is left blank', () => {
    const spec = joiner(uzbekistan(), null);
    spec.members[3]!.joinedOn = '2025-12-01';
    expect(check(spec, undefined, 'members.admission')).toEqual([]);
    const blank = joiner(uzbekistan(), null);
    blank.settings.foundedOn = null;
    expect(check(blank, undefined, 'members.admission')).toEqual([]);
  });

  it('holds a unanimous admission to every member active that day, counting one that joined that very day', () => {
    const spec = joiner(uzbekistan(), { ...admit, consulted: ['IOM', 'UNRC'] });
    spec.members.push({ agency: 'WHO', status: 'Active', joinedOn: '2026-02-20', admissionDecision: 'D-2026-09' });
    spec.decisions.push({
      id: 'D-2026-09',
      date: '2026-02-01',
      kind: 'Admission',
      subject: 'WHO',
      consulted: ['IOM', 'UNRC', 'UNDP'],
      outcome: 'Adopted',
    });
    spec.focalPoints.push({ agency: 'WHO', name: 'Li Wei', email: 'li@who.int', kind: 'Primary', active: true });
    const found = check(spec, undefined, 'members.admission');
    expect(refs(found)).toEqual(['members.admission:UNHCR']);
    expect(found[0]!.message).toContain('UNDP and WHO were members that day and are not in its Consulted');
    // decisions.consensus holds every Adopted decision, an admission too, to consulting all members.
    expect(refs(check(spec, undefined, 'decisions.consensus'))).toEqual(['decisions.consensus:D-2026-03']);
  });

  it('does not count a member that left on the day of the decision', () => {
    const spec = joiner(uzbekistan(), { ...admit, consulted: ['IOM', 'UNRC'] });
    spec.members[2]!.leftOn = '2026-02-20';
    spec.focalPoints.splice(2, 1);
    expect(check(spec, undefined, 'members.admission')).toEqual([]);
  });

  it('reports an objection to a unanimous admission and a decision not adopted', () => {
    expect(
      check(joiner(uzbekistan(), { ...admit, objections: ['UNDP'] }), undefined, 'members.admission')[0]!.message,
    ).toContain('UNDP objected');
    expect(
      check(joiner(uzbekistan(), { ...admit, outcome: 'Pending' }), undefined, 'members.admission')[0]!.message,
    ).toContain('is Pending, not Adopted');
  });

  it("under the Azerbaijan ToR's open membership needs no decision, and notes how a member joined", () => {
    const az = (d: Spec['decisions'][number] | null) => {
      const spec = joiner(azerbaijan(), d);
      spec.settings.foundedOn = '2026-01-01';
      return spec;
    };
    const [f, ...rest] = check(az(null), undefined, 'members.admission');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'info', ref: 'UNHCR', row: 5 });
    expect(f!.message).toContain(
      'no decision records how it joined; the ToR opens membership to other interested UN agencies, so none is needed',
    );
    expect(f!.clause).toBe(
      'Azerbaijan ToR, Composition and Membership: "Members: UN Resident Coordinator Office (RCO), IOM, UNDP, UNICEF, WHO, ILO, FAO, UNHCR, OHCHR, UNFPA and other interested UN Agencies"',
    );
    expect(check(az({ ...admit, consulted: ['IOM'] }), undefined, 'members.admission')).toEqual([]);
    expect(check(az({ ...admit, outcome: 'Not adopted' }), undefined, 'members.admission')).toEqual([]);
  });

  it('under the consensus rule asks for an adopted decision with every member consulted and no objection', () => {
    const consensus = (d: Spec['decisions'][number]) => {
      const spec = joiner(uzbekistan(), d);
      spec.settings.admissionRule = 'consensus';
      return spec;
    };
    expect(check(consensus(admit), undefined, 'members.admission')).toEqual([]);
    const [f] = check(consensus({ ...admit, consulted: ['IOM'] }), undefined, 'members.admission');
    expect(f!.message).toContain(
      'admission needs the consensus of the members, but on D-2026-03 (20 February 2026) UNRC and UNDP were members that day and are not in its Consulted',
    );
    expect(f!.clause).toBe('Network settings: "Admission rule" = consensus');
  });

  describe('with a written consultation behind the decision', () => {
    const approval = {
      id: 'C-2026-01',
      openedOn: '2026-02-10',
      deadline: '2026-02-19',
      kind: 'Approval' as const,
      title: 'Admit UNHCR',
      subject: 'UNHCR',
      status: 'Closed' as const,
      outcome: 'Agreed' as const,
    };
    const answer = (
      agency: string,
      answer: 'Approve' | 'No objection' | 'Object' | 'Abstain',
      at = '2026-02-12T10:00:00',
    ) => ({
      timestamp: at,
      consultation: 'C-2026-01',
      agency,
      answer,
      answeredBy: `${agency.toLowerCase()}@un.org`,
    });
    function consulted(answers: ReturnType<typeof answer>[]) {
      const spec = joiner(uzbekistan(), { ...admit, consulted: [], consultation: 'C-2026-01' });
      spec.consultations = [approval];
      spec.answers = answers;
      return spec;
    }

    it('accepts a unanimous admission every member approved there, the latest answer of each counting', () => {
      const spec = consulted([
        answer('IOM', 'Approve'),
        answer('UNRC', 'Object'),
        answer('UNDP', 'Approve'),
        answer('UNRC', 'Approve', '2026-02-14T09:00:00'),
      ]);
      expect(check(spec, undefined, 'members.admission')).toEqual([]);
    });

    it('reports a member that did not approve and one that objected, naming the consultation', () => {
      const [f] = check(
        consulted([answer('IOM', 'Approve'), answer('UNRC', 'Abstain'), answer('UNDP', 'Object')]),
        undefined,
        'members.admission',
      );
      expect(f!.message).toContain(
        "admission needs every current member's approval, but in C-2026-01, the written consultation behind D-2026-03, UNRC did not answer Approve, and UNDP objected",
      );
      const [silent] = check(
        consulted([answer('IOM', 'Approve'), answer('UNRC', 'Approve')]),
        undefined,
        'members.admission',
      );
      expect(silent!.message).toContain('UNDP did not answer Approve');
    });
  });

  it('reports an Admission decision that names nothing, under its own rule and as a broken reference', () => {
    const spec = joiner(uzbekistan(), null);
    spec.members[3]!.admissionDecision = 'D-2099-01';
    const found = check(spec, undefined, 'members.admission');
    expect(refs(found)).toEqual(['members.admission:UNHCR']);
    expect(found[0]!.message).toContain('its Admission decision D-2099-01 is not in Decisions');
    expect(refs(check(spec, undefined, 'data.reference'))).toEqual(['data.reference:UNHCR']);
  });
});

describe('members.list-shared', () => {
  it('warns when the member list was not shared within the interval (Azerbaijan: 6 months)', () => {
    const spec = azerbaijan();
    expect(check(spec, '2026-09-01', 'members.list-shared')).toEqual([]);
    expect(check(spec, '2026-09-02', 'members.list-shared')).toMatchObject([
      { severity: 'warning', sheet: 'Log', ref: null, row: 3 },
    ]);
    const [f] = check(spec, '2026-09-02', 'members.list-shared');
    expect(f!.clause).toBe(
      'Azerbaijan ToR, Role and Organizational Arrangements: "IOM will maintain the member list and share it regularly"',
    );
    expect(f!.message).toContain('last shared on 1 March 2026; it was due again by 1 September 2026');
  });

  it('counts only Sent rows and warns when the list was never shared', () => {
    const spec = azerbaijan();
    spec.log[1]!.outcome = 'Failed';
    expect(check(spec, undefined, 'members.list-shared')).toMatchObject([{ row: null, ref: null }]);
  });

  it('is silent under the Uzbekistan ToR and when the interval is left blank', () => {
    const uz = uzbekistan();
    expect(check(uz, '2030-01-01', 'members.list-shared')).toEqual([]);
    const az = azerbaijan();
    az.settings.memberListSharingMonths = null;
    expect(check(az, '2030-01-01', 'members.list-shared')).toEqual([]);
  });
});
