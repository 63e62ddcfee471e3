import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/node/cli';
import { formatFinding } from '../../../src/node/commands/check';
import type { CliIo } from '../../../src/node/terminal';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { gridsOf, uzbekistan } from '../../domain/rules/support';
import { example, PART, withParts } from '../xlsx/parts';

const plain = (t: string) => t;

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const paint = (code: number) => (t: string) => (isTTY ? `\u001b[${code}m${t}\u001b[39m` : t);
  const io: CliIo = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    isTTY,
    color: isTTY
      ? { red: paint(31), yellow: paint(33), green: paint(32), bold: paint(1), dim: paint(2) }
      : { red: plain, yellow: plain, green: plain, bold: plain, dim: plain },
    progress: () => undefined,
  };
  return { io, out, err };
}

let dir = '';
let file = '';
let cli = '';

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'unmn-check-'));
  file = path.join(dir, 'network.xlsx');
  const workbook = XlsxWorkbook.create();
  const spec = uzbekistan();
  spec.meetings[1]!.attendees = [];
  spec.decisions[0]!.consulted = ['IOM'];
  for (const [tab, grid] of Object.entries(gridsOf(spec))) {
    workbook.addTab(tab);
    workbook.write(tab, 1, 1, grid);
  }
  await workbook.save(file);
  // Inside the repository so that the bundle's external packages resolve from node_modules.
  cli = path.resolve('build', `check-test-${process.pid}`, 'cli.mjs');
  await build({
    entryPoints: ['src/node/cli.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outfile: cli,
    logLevel: 'silent',
  });
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(path.dirname(cli), { recursive: true, force: true });
});

describe('unmn check', () => {
  it('prints a report grouped by severity, with Fix and ToR lines, and exits 1 when it found an error', async () => {
    const { io, out, err } = capture();
    expect(await main(['check', file, '--today', '2026-06-15'], io)).toBe(1);
    expect(err).toEqual([]);
    expect(out[0]).toBe(
      `Compliance check of ${file} on 15 June 2026 (Uzbekistan ToR): 1 not in line with the ToR, 1 needs attention, 0 notes`,
    );
    expect(out.slice(1)).toEqual([
      '',
      'Not in line with the ToR (1)',
      '  Decisions!2 D-2026-01 — D-2026-01 (10 January 2026, "Joint advocacy") is recorded as Adopted, but UNRC and UNDP were members that day and are not in Consulted; the ToR asks for consensus based on consultations with all members',
      '      Fix: Add UNRC and UNDP to Consulted if they were consulted; if not, consult them and record the answer',
      '      ToR: Uzbekistan ToR, Composition and Membership: "Decisions relevant to the UNMN work will be made by consensus based on consultations with all its Members"',
      '',
      'Needs attention (1)',
      '  Meetings!3 M-2026-02 — M-2026-02 on 5 April 2026 was held but lists no Attendees',
      '      Fix: Enter the agency codes of the members who attended M-2026-02 in Attendees',
      expect.stringMatching(/^ {6}ToR: Uzbekistan ToR, Coordination and Secretariat: /),
    ]);
  });

  it('colours the report on a terminal', async () => {
    const { io, out } = capture(true);
    await main(['check', file, '--today', '2026-06-15'], io);
    expect(out.find((l) => l.includes('Not in line with the ToR (1)'))).toContain('\u001b[31m');
  });

  it('with --json writes one JSON array of findings with exactly the fields of RULES.md, and nothing else', () => {
    const run = spawnSync(process.execPath, [cli, 'check', file, '--today', '2026-06-15', '--json'], {
      encoding: 'utf8',
    });
    expect(run.status, 'an error found').toBe(1);
    const findings = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(Array.isArray(findings)).toBe(true);
    expect(findings).toHaveLength(2);
    for (const f of findings)
      expect(Object.keys(f).sort()).toEqual(['clause', 'fix', 'message', 'ref', 'row', 'rule', 'severity', 'sheet']);
    expect(findings[0]).toMatchObject({
      rule: 'decisions.consensus',
      severity: 'error',
      sheet: 'Decisions',
      row: 2,
      ref: 'D-2026-01',
    });
  });

  it('exits 2 with one line when the file cannot be read or --today is not a date', () => {
    const missing = spawnSync(process.execPath, [cli, 'check', path.join(dir, 'nope.xlsx'), '--json'], {
      encoding: 'utf8',
    });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const text = path.join(dir, 'notes.xlsx');
    writeFileSync(text, 'not a workbook');
    const garbage = spawnSync(process.execPath, [cli, 'check', text], { encoding: 'utf8' });
    expect(garbage.status).toBe(2);
    expect(garbage.stderr.trim().split('\n')).toHaveLength(1);
    const badDay = spawnSync(process.execPath, [cli, 'check', file, '--today', '2026-02-30'], { encoding: 'utf8' });
    expect(badDay.status).toBe(2);
    expect(badDay.stderr.trim().split('\n')).toEqual([
      expect.stringContaining('--today must be a calendar day as YYYY-MM-DD, not "2026-02-30"'),
    ]);
  });

  it('prints output bounded whatever the size of a text that many rows share', async () => {
    /** The example with 100 more members whose Agency and Name are one shared string of `size` characters. */
    async function amplified(size: number, name: string): Promise<string> {
      const rows = Array.from({ length: 100 }, (_, i) => {
        const r = 15 + i;
        return `<row r="${r}"><c r="A${r}" t="s"><v>451</v></c><c r="B${r}" t="s"><v>451</v></c><c r="D${r}" t="s"><v>44</v></c></row>`;
      }).join('');
      const bytes = await withParts(await example(), {
        'xl/sharedStrings.xml': (xml) => xml.replace('</sst>', `<si><t>${'x'.repeat(size)}</t></si></sst>`),
        [PART.Members]: (xml) => xml.replace('</sheetData>', `${rows}</sheetData>`),
      });
      writeFileSync(name, bytes);
      return name;
    }
    const sizes: Record<string, number[]> = { text: [], json: [] };
    for (const size of [20_000, 20_000_000]) {
      // One name for both, so that the header line that names the file is the same length.
      const name = await amplified(size, path.join(dir, 'amplified.xlsx'));
      for (const [kind, flags] of [
        ['text', []],
        ['json', ['--json']],
      ] as const) {
        const run = spawnSync(process.execPath, [cli, 'check', name, '--today', '2026-11-23', ...flags], {
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
          timeout: 60_000,
        });
        expect(run.status, 'the check ran').toBeLessThan(2);
        expect(run.stdout.length).toBeLessThan(1024 * 1024);
        sizes[kind]?.push(run.stdout.length);
      }
    }
    // A thousand times the text, the same output: bounded independent of the cell's size.
    expect(sizes.text?.[1]).toBe(sizes.text?.[0]);
    expect(sizes.json?.[1]).toBe(sizes.json?.[0]);
  }, 120_000);

  it('keeps escape sequences typed into cells off the terminal', () => {
    const lines = formatFinding({
      rule: 'actions.overdue',
      severity: 'warning',
      sheet: 'Actions',
      row: 2,
      ref: 'A-1',
      message: 'late: "\u001b[2Jwiped"',
      clause: 'c',
      fix: 'f',
    });
    expect(lines.join('\n')).not.toContain('\u001b');
  });
});
