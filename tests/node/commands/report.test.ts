/** `unmn report` on the example workbook: the files it writes, --json, bad arguments, and the workbook untouched. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/node/cli';
import { EXAMPLE_FILE, EXAMPLE_TODAY } from '../../support/example';
import { captureIo } from '../cli-io';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function outDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'unmn-report-'));
  dirs.push(dir);
  return dir;
}

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('unmn report', () => {
  it('writes every report as HTML and each table as CSV, says where, and leaves the workbook as it was', async () => {
    const dir = outDir();
    const before = digest(EXAMPLE_FILE);
    const io = captureIo();
    expect(await main(['report', 'all', EXAMPLE_FILE, '--today', EXAMPLE_TODAY, '--out', dir], io)).toBe(0);
    expect(digest(EXAMPLE_FILE)).toBe(before);
    expect(readdirSync(dir).sort()).toEqual([
      'action-tracker-by-agency.csv',
      'action-tracker-open-actions.csv',
      'action-tracker.html',
      'annual-review-2026-actions.csv',
      'annual-review-2026-answer-rates.csv',
      'annual-review-2026-attendance.csv',
      'annual-review-2026-compliance.csv',
      'annual-review-2026-consultations.csv',
      'annual-review-2026-decision-register.csv',
      'annual-review-2026-decisions.csv',
      'annual-review-2026-external.csv',
      'annual-review-2026-joint-statements.csv',
      'annual-review-2026-meetings-held.csv',
      'annual-review-2026-meetings.csv',
      'annual-review-2026-working-groups.csv',
      'annual-review-2026-workplan.csv',
      'annual-review-2026.html',
      'gcm-summary-2026-04-01-to-2026-11-23-contributions.csv',
      'gcm-summary-2026-04-01-to-2026-11-23-gaps.csv',
      'gcm-summary-2026-04-01-to-2026-11-23-objectives.csv',
      'gcm-summary-2026-04-01-to-2026-11-23-principles.csv',
      'gcm-summary-2026-04-01-to-2026-11-23-sdg-targets.csv',
      'gcm-summary-2026-04-01-to-2026-11-23.html',
      'member-list-focal-points.csv',
      'member-list-members.csv',
      'member-list.html',
      'workplan-progress-2026-by-cf-outcome.csv',
      'workplan-progress-2026-by-gcm-objective.csv',
      'workplan-progress-2026-by-lead-agency.csv',
      'workplan-progress-2026-by-status.csv',
      'workplan-progress-2026-key-actions.csv',
      'workplan-progress-2026.html',
    ]);
    expect(io.stdout.map((l) => l.split(':')[0])).toEqual([
      'Member list',
      'Action tracker',
      'Workplan progress 2026',
      'GCM review pack, 1 April to 23 November 2026',
      'Annual review 2026',
    ]);
    expect(io.stdout[0]).toBe(
      `Member list: ${['member-list.html', 'member-list-members.csv', 'member-list-focal-points.csv'].map((f) => path.join(dir, f)).join(', ')}`,
    );
    expect(io.progressLines).toContain('Writing the annual review (5 of 5)…');
    expect(readFileSync(path.join(dir, 'action-tracker-by-agency.csv'), 'utf8')).toBe(
      '\ufeffAgency,Open,Overdue,Done,Dropped,Completion rate (%)\r\nIOM,1,0,3,0,75\r\nUNRC,0,0,1,0,100\r\nUNDP,0,0,0,1,\r\nUNICEF,0,0,1,0,100\r\nILO,0,0,2,0,100\r\nUNHCR,0,0,1,0,100\r\nOHCHR,1,1,0,0,0\r\nUNWOMEN,0,0,1,0,100\r\nUNFPA,1,1,0,0,0\r\nTotal,3,2,9,1,75\r\n',
    );
  });

  it('takes the year asked for, and with --json prints the report data and nothing else, writing no file', async () => {
    const io = captureIo();
    const before = readdirSync('.');
    expect(
      await main(
        ['report', 'workplan-progress', EXAMPLE_FILE, '--year', '2025', '--today', EXAMPLE_TODAY, '--json'],
        io,
      ),
    ).toBe(0);
    const report = JSON.parse(io.stdout.join('\n'));
    expect(report.title).toBe('Workplan progress 2025');
    expect(report.tables[0].totals.slice(7, 10)).toEqual([270000, 215000, 55000]);
    expect(io.stderr).toEqual([]);
    expect(readdirSync('.')).toEqual(before);
    const both = captureIo();
    expect(await main(['report', 'workplan-progress', EXAMPLE_FILE, '--json', '--out', outDir()], both)).toBe(2);
    expect(both.stderr[0]).toContain("--json prints the reports' data and writes no file");
  });

  it('makes the GCM review pack for the period asked: --from and --to, or the twelve months of --year', async () => {
    const run = async (...flags: string[]) => {
      const io = captureIo();
      expect(
        await main(['report', 'gcm-summary', EXAMPLE_FILE, '--today', EXAMPLE_TODAY, '--json', ...flags], io),
      ).toBe(0);
      return JSON.parse(io.stdout.join('\n'));
    };
    const year = await run('--year', '2025');
    expect(year.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(year.title).toBe('GCM review pack, 1 January to 31 December 2025');
    const objective16 = year.tables.find((t: { id: string }) => t.id === 'objectives').rows[15];
    expect(objective16.slice(2, 6)).toEqual([0, 0, 0, 0]);
    const spring = await run('--from', '2025-03-01', '--to', '2025-05-31');
    expect(spring.period).toEqual({ from: '2025-03-01', to: '2025-05-31' });
    // W-2025-01 to W-2025-05 run then, the Dropped survey aside; D-2025-03 (16 April) is the one decision.
    const contributions = spring.tables.find((t: { id: string }) => t.id === 'contributions').rows;
    expect([...new Set(contributions.map((r: [string, { text: string }]) => r[1].text))].sort()).toEqual([
      'D-2025-03',
      'W-2025-01',
      'W-2025-02',
      'W-2025-04',
    ]);
  });

  it('refuses an unknown report, a year or a day that is not one, with one line and exit 2', async () => {
    const cases: [string[], string][] = [
      [['report', 'budget', EXAMPLE_FILE], 'there is no report "budget"'],
      [['report', 'all', EXAMPLE_FILE, '--year', '26'], '--year must be a year as YYYY, not "26"'],
      [
        ['report', 'all', EXAMPLE_FILE, '--today', '2026-02-30'],
        '--today must be a calendar day as YYYY-MM-DD, not "2026-02-30"',
      ],
      [
        ['report', 'gcm-summary', EXAMPLE_FILE, '--from', '1 April 2026'],
        '--from must be a calendar day as YYYY-MM-DD, not "1 April 2026"',
      ],
      [
        ['report', 'gcm-summary', EXAMPLE_FILE, '--from', '2026-06-01', '--to', '2026-05-31'],
        '--from (2026-06-01) must not come after --to (2026-05-31)',
      ],
      [['report', 'all'], 'FILE.xlsx is missing'],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await main(args, io), args.join(' ')).toBe(2);
      expect(io.stderr).toEqual([
        expect.stringContaining(`unmn report: ${message}. Usage: unmn report NAME FILE.xlsx`),
      ]);
      expect(io.stderr[0]).toContain(
        'where NAME is member-list, action-tracker, workplan-progress, gcm-summary, annual-review or all',
      );
    }
  });
});
