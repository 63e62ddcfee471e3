/**
 * The compliance check in dist/Code.js over the fake, in the language of the Settings row `Language`:
 * with Russian, the Compliance tab's summary, header, findings and fixes and the toast are in Russian
 * (read from dist/Messages-ru.html), the ToR quoted in its own English and labelled as such; the rule
 * IDs, severities and tab names stay as RULES.md and WORKBOOK.md name them. With English, as before.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Cell } from '../../src/ports';
import { createGasFake, type GasFake } from '../fakes/gas';
import { bundleCode, loadBundle, type Script } from '../support/bundle';
import { EXAMPLE_SECRETARIAT, exampleGrids } from '../support/example';

let code = '';
let grids: Record<string, Cell[][]> = {};
beforeAll(async () => {
  code = bundleCode();
  grids = await exampleGrids();
});

function spreadsheet(language: 'English' | 'Russian'): { fake: GasFake; script: Script } {
  const sheets = {
    ...grids,
    Settings: grids.Settings!.map((row) => (row[0] === 'Language' ? [row[0], language] : row)),
  };
  const fake = createGasFake({ owner: 'owner@un.org', activeUser: EXAMPLE_SECRETARIAT, sheets });
  return { fake, script: loadBundle(code, fake) };
}

describe('the Compliance tab in the language of the Settings', () => {
  it('in Russian: summary, header, findings, fixes and toast; the ToR in English, labelled', () => {
    const { fake, script } = spreadsheet('Russian');
    script.runComplianceCheck!();
    const values = fake.sheetValues('Compliance');
    expect(String(values[0]![0])).toMatch(
      /^Проверка соблюдения круга ведения: \d{4}-\d{2}-\d{2} \d{2}:\d{2}, документ «/,
    );
    expect(values[1]).toEqual([
      'Важность',
      'Правило',
      'Лист',
      'Строка',
      'Запись',
      'Замечание',
      'Положение круга ведения',
      'Как исправить',
    ]);
    const findings = values.slice(2);
    expect(findings.length).toBeGreaterThan(0);
    for (const row of findings) {
      expect(['error', 'warning', 'info']).toContain(row[0]);
      expect(String(row[1])).toMatch(/^[a-z-]+\.[a-z-]+$/);
      expect(String(row[5]), String(row[1])).toMatch(/[а-яё]{3}/i);
      // The words of the network's own data (a meeting's title) stand in «…» or "…".
      const ownWords = String(row[5]).replace(/«[^»]*»|"[^"]*"/g, '');
      expect(ownWords, String(row[1])).not.toMatch(/\b(the|was|were|not|is)\b/);
      expect(String(row[7]), String(row[1])).toMatch(/[а-яё]{3}/i);
    }
    // A day in a finding is written in the genitive, as Russian dates are.
    expect(
      findings.some((row) =>
        / (января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря) \d{4} г\./.test(
          String(row[5]),
        ),
      ),
    ).toBe(true);
    // The ToR speaks its own English, and the clause says so in Russian.
    const clause = String(findings.find((row) => String(row[6]) !== '')?.[6] ?? '');
    expect(clause).toMatch(/^Круг ведения \(.+\).*\(цитата .*на английском языке\): "[A-Z]/);
    expect(fake.ui.toasts.map((t) => t.message).join(' ')).toMatch(/замечани[ейя]{1,2}: .* См\. лист «Compliance»\./);
  });

  it('in English: as it always was', () => {
    const { fake, script } = spreadsheet('English');
    script.runComplianceCheck!();
    const values = fake.sheetValues('Compliance');
    expect(String(values[0]![0])).toMatch(/^Checked on \d{4}-\d{2}-\d{2} at \d{2}:\d{2} against the /);
    expect(values[1]).toEqual(['Severity', 'Rule', 'Sheet', 'Row', 'Ref', 'Finding', 'ToR clause', 'How to fix']);
    expect(String(values[2]![5])).toMatch(/[a-z]+ [a-z]+/);
    expect(String(values[2]![5])).not.toMatch(/[а-я]/i);
  });
});
