/** The member list of the example workbook, every figure written out by hand from examples/uzbekistan.ts. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Network } from '../../../src/domain/network';
import { memberList } from '../../../src/domain/reports/member-list';
import { EXAMPLE_TODAY, exampleNetwork, values } from '../../support/example';

let network: Network;
beforeAll(async () => {
  network = await exampleNetwork();
});

const founding = '2024-11-06';

describe('member list of the example', () => {
  it('lists the 13 members in register order, with roles, status and the day each joined', () => {
    const report = memberList(network, { today: EXAMPLE_TODAY });
    expect(report.title).toBe('Member list');
    expect(report.network).toBe('UN Network on Migration in Uzbekistan');
    expect(report.subtitle).toBe('13 member entities and 22 focal points, for sharing with the members.');
    expect(report.notice).toBe('Internal use only unless explicitly agreed otherwise.');
    expect(values(report.tables[0])).toEqual([
      ['IOM', 'International Organization for Migration', 'Chair, Coordinator, Secretariat', 'Active', founding],
      ['UNRC', 'United Nations Resident Coordinator (RCO)', 'Co-chair', 'Active', founding],
      ['UNDP', 'United Nations Development Programme', 'Member', 'Active', founding],
      ['UNICEF', "United Nations Children's Fund", 'Member', 'Active', founding],
      ['ILO', 'International Labour Organization', 'Member', 'Active', founding],
      ['UNHCR', 'United Nations High Commissioner for Refugees', 'Member', 'Active', founding],
      ['OHCHR', 'Office of the High Commissioner for Human Rights', 'Member', 'Active', founding],
      [
        'UNWOMEN',
        'United Nations Entity for Gender Equality and the Empowerment of Women (UN Women)',
        'Member',
        'Active',
        founding,
      ],
      ['UNFPA', 'United Nations Population Fund', 'Member', 'Active', founding],
      ['UNODC', 'United Nations Office on Drugs and Crime', 'Member', 'Active', founding],
      ['WHO', 'World Health Organization', 'Member', 'Active', founding],
      ['FAO', 'Food and Agriculture Organization', 'Member', 'Active', founding],
      ['UNHABITAT', 'United Nations Human Settlements Programme (UN-Habitat)', 'Member', 'Active', '2025-10-15'],
    ]);
    // Members rows start at 2, in register order.
    expect(report.tables[0]!.rows[12]![0]).toEqual({ text: 'UNHABITAT', sheet: 'Members', row: 14 });
  });

  it('lists the 22 active focal points, primary before alternate, leaving out the one who left UNICEF', () => {
    const report = memberList(network, { today: EXAMPLE_TODAY });
    expect(values(report.tables[1])).toEqual([
      ['IOM', 'Dilnoza Karimova', 'Programme Coordinator', 'dkarimova@iom.int', 'Primary'],
      ['IOM', 'Rustam Aliev', 'Migration Policy Officer', 'raliev@iom.int', 'Alternate'],
      ['UNRC', 'Sarah Lindqvist', 'Head of the Resident Coordinator Office', 'sarah.lindqvist@un.org', 'Primary'],
      ['UNRC', 'Jasur Tashkentov', 'Development Coordination Officer', 'jasur.tashkentov@un.org', 'Alternate'],
      ['UNDP', 'Malika Yusupova', 'Governance Programme Analyst', 'malika.yusupova@undp.org', 'Primary'],
      ['UNDP', 'Timur Nazarov', 'Programme Associate', 'timur.nazarov@undp.org', 'Alternate'],
      ['UNICEF', 'Elena Petrova', 'Child Protection Specialist', 'epetrova@unicef.org', 'Primary'],
      ['UNICEF', 'Bekzod Rahimov', 'Social Policy Officer', 'brahimov@unicef.org', 'Alternate'],
      ['ILO', 'Kamola Ismoilova', 'National Project Coordinator, Labour Migration', 'ismoilova@ilo.org', 'Primary'],
      ['ILO', 'Marco Rossi', 'Senior Specialist, Labour Migration (Moscow office)', 'rossim@ilo.org', 'Alternate'],
      ['UNHCR', 'Aziz Umarov', 'Protection Associate', 'umarov@unhcr.org', 'Primary'],
      ['UNHCR', 'Farida Saidova', 'Senior Programme Assistant', 'saidova@unhcr.org', 'Alternate'],
      ['OHCHR', 'Nurlan Abdyldaev', 'Human Rights Officer', 'nurlan.abdyldaev@un.org', 'Primary'],
      ['UNWOMEN', 'Gulnora Khodjaeva', 'Programme Specialist', 'gulnora.khodjaeva@unwomen.org', 'Primary'],
      ['UNWOMEN', 'Shahlo Mirzaeva', 'Programme Associate', 'shahlo.mirzaeva@unwomen.org', 'Alternate'],
      ['UNFPA', 'Nodira Alimova', 'Population and Development Analyst', 'alimova@unfpa.org', 'Primary'],
      ['UNFPA', 'Sardor Yuldashev', 'Data Officer', 'sardor.yuldashev.uz@gmail.com', 'Alternate'],
      ['UNODC', 'Olga Kim', 'National Programme Officer, Human Trafficking', 'olga.kim@un.org', 'Primary'],
      ['UNODC', 'Akmal Jurayev', 'Project Assistant', 'akmal.jurayev@un.org', 'Alternate'],
      ['WHO', 'Dr Zarina Saidova', 'Health Systems Officer', 'saidovaz@who.int', 'Primary'],
      ['FAO', 'Ulugbek Sharipov', 'Assistant FAO Representative (Programme)', 'ulugbek.sharipov@fao.org', 'Primary'],
      ['UNHABITAT', 'Laylo Ergasheva', 'Urban Programme Officer', 'laylo.ergasheva@un.org', 'Primary'],
    ]);
    expect(report.charts).toEqual([]);
  });

  it('leaves out a member that has withdrawn or left, an applicant, and their focal points', () => {
    const withdrawn = { ...network.members.records[2]!, status: 'Withdrawn' as const };
    const left = { ...network.members.records[3]!, leftOn: '2026-06-30' };
    const pending = { ...network.members.records[4]!, status: 'Pending' as const };
    const records = network.members.records.map((m, i) =>
      i === 2 ? withdrawn : i === 3 ? left : i === 4 ? pending : m,
    );
    const report = memberList({ ...network, members: { ...network.members, records } }, { today: EXAMPLE_TODAY });
    const agencies = values(report.tables[0]).map((r) => r[0]);
    expect(agencies).not.toContain('UNDP');
    expect(agencies).not.toContain('UNICEF');
    expect(agencies).not.toContain('ILO');
    expect(agencies).toHaveLength(10);
    // 22 less UNDP's two, UNICEF's two active ones and ILO's two.
    expect(values(report.tables[1])).toHaveLength(16);
  });
});
