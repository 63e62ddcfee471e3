/**
 * The `unmn` CLI: init and validate run in-process with a captured CliIo, the dispatcher's usage and
 * exit codes, and one spawn of the built bin to prove that `npx unmn` works.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readNetwork } from '../../src/app/network';
import { PROFILES } from '../../src/domain/profiles';
import { PROFILE_IDS } from '../../src/domain/settings';
import { TABLES } from '../../src/domain/tables';
import { main } from '../../src/node/cli';
import { run as init } from '../../src/node/commands/init';
import { formatProblem } from '../../src/domain/problems';
import { run as validate } from '../../src/node/commands/validate';
import { printable, streamIo } from '../../src/node/terminal';
import { XlsxWorkbook } from '../../src/node/xlsx/workbook';
import { version } from '../../package.json';
import { captureIo } from './cli-io';
import { ensureCliBuilt } from '../support/cli-build';

const ROOT = path.resolve(__dirname, '../..');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'unmn-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = (name: string) => path.join(dir, name);

// exceljs's typings omit Worksheet.dataValidations.
function validationAt(sheet: ExcelJS.Worksheet | undefined, address: string): ExcelJS.DataValidation | undefined {
  return (
    sheet as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }
  ).dataValidations.find(address);
}

describe('unmn init', () => {
  it.each(PROFILE_IDS)(
    'writes a workbook with every tab and the %s profile that validate finds no problem in',
    async (profile) => {
      const target = file(`init-${profile}.xlsx`);
      const io = captureIo();
      expect(await init([target, '--profile', profile], io)).toBe(0);
      expect(io.stdout).toEqual([`Created ${target} (${TABLES.length} tabs, ToR profile ${profile})`]);
      const workbook = await XlsxWorkbook.open(target);
      expect(workbook.tabNames()).toEqual(TABLES.map((t) => t.name));
      const { network } = readNetwork(workbook);
      expect(network.profile.id).toBe(profile);
      expect(network.settings).toEqual(PROFILES[profile].defaults);
      const check = captureIo();
      expect(await validate([target], check)).toBe(0);
      expect(check.stdout).toEqual([
        `No problems: ${TABLES.length} tabs, ${Object.keys(PROFILES[profile].defaults).length} rows checked`,
      ]);
    },
  );

  it('gives the new workbook its dropdowns, checkboxes, date formats and frozen headers', async () => {
    const target = file('layout.xlsx');
    expect(await init([target], captureIo())).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    const meetings = book.getWorksheet('Meetings');
    expect(validationAt(meetings, 'C2')).toMatchObject({
      type: 'list',
      formulae: ['"Regular,Annual,Extraordinary,Working group"'],
    });
    expect(validationAt(meetings, 'K1000')).toMatchObject({ type: 'list', formulae: ['"Planned,Held,Cancelled"'] });
    expect(meetings?.getColumn(2).numFmt).toBe('yyyy-mm-dd');
    expect(validationAt(book.getWorksheet('Focal points'), 'F2')).toMatchObject({ formulae: ['"TRUE,FALSE"'] });
    for (const sheet of book.worksheets) {
      // The Compliance tab's summary line stands above its header.
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: sheet.name === 'Compliance' ? 2 : 1 });
      expect(sheet.getCell('A1').font?.bold).toBe(true);
    }
  });

  it('names the network with --name and defaults to the custom profile', async () => {
    const target = file('named.xlsx');
    expect(await init([target, '--name', 'UN Network on Migration in Kazakhstan'], captureIo())).toBe(0);
    const { network } = readNetwork(await XlsxWorkbook.open(target));
    expect(network.settings.networkName).toBe('UN Network on Migration in Kazakhstan');
    expect(network.profile.id).toBe('custom');
  });

  it('refuses to overwrite a file without --force, and replaces it with --force', async () => {
    const target = file('kept.xlsx');
    await writeFile(target, 'the secretariat’s own file');
    const io = captureIo();
    expect(await init([target], io)).toBe(2);
    expect(io.stderr).toEqual([`unmn init: ${target} already exists; add --force to replace it`]);
    expect(await readFile(target, 'utf8')).toBe('the secretariat’s own file');
    expect(await init([target, '--force', '--profile', 'azerbaijan'], captureIo())).toBe(0);
    expect((await XlsxWorkbook.open(target)).tabNames()).toContain('Settings');
  });

  it('rejects an unknown profile, a name that is not .xlsx, a missing file name and stray arguments (exit 2, one line)', async () => {
    for (const args of [
      [file('x.xlsx'), '--profile', 'kazakhstan'],
      [file('x.csv')],
      [],
      [file('x.xlsx'), 'extra'],
      [file('x.xlsx'), '--colour'],
    ]) {
      const io = captureIo();
      expect(await main(['init', ...args], io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(/^unmn init: .+\. Usage: unmn init FILE\.xlsx/);
    }
    await expect(stat(file('x.xlsx'))).rejects.toThrow();
  });
});

/** A workbook from `unmn init` with some cells broken by hand, as a secretariat might. */
async function brokenWorkbook(name: string): Promise<string> {
  const target = file(name);
  expect(await init([target, '--profile', 'uzbekistan'], captureIo())).toBe(0);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(target);
  book
    .getWorksheet('Members')
    ?.addRow(['IOM', 'International Organization for Migration', 'Chair', 'Active', new Date(Date.UTC(2024, 10, 6))]);
  book
    .getWorksheet('Members')
    ?.addRow(['UNDP', 'United Nations Development Programme', 'Member', 'Active', 'next week']);
  book
    .getWorksheet('Focal points')
    ?.addRow(['UNDP', 'Malika Yusupova', 'Analyst', 'malika.yusupova(at)undp.org', 'Primary', true]);
  const meetings = book.getWorksheet('Meetings');
  meetings?.addRow([
    'M-2026-01',
    new Date(Date.UTC(2026, 0, 7)),
    'Regular',
    'By carrier pigeon',
    'Q1',
    '',
    '',
    '',
    '',
    'IOM',
    'Held',
  ]);
  // The user deletes the Status column of Actions.
  const actions = book.getWorksheet('Actions');
  actions?.spliceColumns(6, 1);
  actions?.addRow(['A-2026-001', 'D-2026-01', 'Draft the plan', 'IOM', new Date(Date.UTC(2026, 1, 1))]);
  await book.xlsx.writeFile(target);
  return target;
}

describe('unmn validate', () => {
  it('lists each problem with its tab, row and column, in tab order, and exits 1', async () => {
    const target = await brokenWorkbook('broken.xlsx');
    const io = captureIo();
    expect(await validate([target], io)).toBe(1);
    expect(io.stdout).toEqual([
      'Members!3 Joined on: "next week" is not a date; expected a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)',
      'Focal points!2 Email: "malika.yusupova(at)undp.org" is not an email address; expected an email address (name@agency.org)',
      'Meetings!2 Mode: "By carrier pigeon" is not one of In person, Online, Hybrid',
      'Actions!1 Status: The Actions tab has no column Status; expected a header "Status" in row 1 (Set up / repair workbook adds it)',
    ]);
    expect(io.stderr).toEqual([`4 problems in ${target} (${TABLES.length} tabs, 38 rows checked)`]);
  });

  it('prints only a JSON array of the problems with --json', async () => {
    const target = await brokenWorkbook('broken-json.xlsx');
    const io = captureIo();
    expect(await validate([target, '--json'], io)).toBe(1);
    expect(io.stderr).toEqual([]);
    const problems = JSON.parse(io.stdout.join('\n'));
    expect(
      problems.map((p: { sheet: string; row: number; column: string }) => `${p.sheet}!${p.row} ${p.column}`),
    ).toEqual(['Members!3 Joined on', 'Focal points!2 Email', 'Meetings!2 Mode', 'Actions!1 Status']);
    expect(problems[0]).toMatchObject({
      ref: 'UNDP',
      expected: 'a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)',
    });
  });

  it('prints control characters from cells as escapes, so a cell cannot rewrite the terminal', async () => {
    const target = file('escapes.xlsx');
    expect(await init([target], captureIo())).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(target);
    book.getWorksheet('Members')?.addRow(['IOM', 'x', 'Member', 'Active', '\u009b2Jsoon\nMembers!9 Status: forged']);
    await book.xlsx.writeFile(target);
    const io = captureIo();
    expect(await validate([target], io)).toBe(1);
    expect(io.stdout).toEqual([
      'Members!2 Joined on: "\\u009b2Jsoon\\u000aMembers!9 Status: forged" is not a date; expected a date from 1900 to 2100 (a date cell or text YYYY-MM-DD)',
    ]);
  });

  it('reports a missing tab before the rows of the next ones', () => {
    expect(
      formatProblem({
        sheet: 'Log',
        row: null,
        column: null,
        ref: null,
        message: 'The workbook has no Log tab',
        expected: null,
      }),
    ).toBe('Log: The workbook has no Log tab');
  });

  it('says in one line, exit 2, when the file is missing or not an .xlsx', async () => {
    await writeFile(file('minutes.xlsx'), 'Minutes of the Q1 meeting');
    for (const [name, message] of [
      ['absent.xlsx', 'absent.xlsx: no such file'],
      ['minutes.xlsx', 'minutes.xlsx: not an .xlsx workbook'],
    ] as const) {
      const io = captureIo();
      expect(await main(['validate', file(name)], io)).toBe(2);
      expect(io.stdout).toEqual([]);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toContain(`unmn validate: ${file(message)}`);
      expect(io.stderr[0]).not.toMatch(/\n| {4}at /);
    }
  });
});

describe('the dispatcher', () => {
  it('prints usage on stderr and exits 2 for an unknown command or none', async () => {
    for (const argv of [['frobnicate'], []]) {
      const io = captureIo();
      expect(await main(argv, io)).toBe(2);
      expect(io.stdout).toEqual([]);
      expect(io.stderr.join('\n')).toContain('usage: unmn <command> [args]');
    }
  });

  it('prints help on stdout with --help, for the CLI and for each command', async () => {
    const io = captureIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/init .*\n.*validate /);
    const command = captureIo();
    expect(await main(['validate', '-h'], command)).toBe(0);
    expect(command.stdout).toEqual(['usage: unmn validate FILE.xlsx [--json] [--lang en|ru]']);
  });

  it('shows a stack trace only for an unexpected error, with exit 2 (cannot run)', async () => {
    const io = captureIo();
    // A failure that is about neither the file nor the arguments.
    const broken = {
      ...io,
      out: () => {
        throw new Error('stdout closed');
      },
    };
    expect(await main(['init', file('fresh.xlsx')], broken)).toBe(2);
    expect(io.stderr[0]).toMatch(/^unmn init: unexpected error, a fault of unmn itself/);
    expect(io.stderr[1]).toContain('stdout closed');
  });
});

describe('the terminal', () => {
  function streams(isTTY: boolean) {
    const written = { out: '', err: '' };
    const io = streamIo(
      { isTTY, write: (t: string) => (written.out += t) },
      { isTTY, write: (t: string) => (written.err += t) },
      {},
    );
    return { io, written };
  }

  const settled = () => new Promise((resolve) => setImmediate(resolve));

  it('colours and rewrites the progress line on a terminal only', async () => {
    const tty = streams(true);
    tty.io.progress('Reading…');
    tty.io.out(tty.io.color.red('bad'));
    await settled();
    expect(tty.written.err).toBe('\r\u001b[KReading…\r\u001b[K');
    expect(tty.written.out).toBe('\u001b[31mbad\u001b[39m\n');
    const pipe = streams(false);
    pipe.io.progress('Reading…');
    pipe.io.out(pipe.io.color.red('bad'));
    await settled();
    expect(pipe.written).toEqual({ out: 'bad\n', err: '' });
  });

  it('writes lines of output a block at a time, in their order with standard error', async () => {
    const writes: string[] = [];
    const io = streamIo(
      { write: (t: string) => writes.push(`out:${t}`) },
      { write: (t: string) => writes.push(`err:${t}`) },
      {},
    );
    io.out('one');
    io.out('two');
    io.err('warning');
    io.out('three');
    expect(writes).toEqual(['out:one\ntwo\n', 'err:warning\n']);
    await settled();
    expect(writes.at(-1)).toBe('out:three\n');
    writes.length = 0;
    const line = 'x'.repeat(99);
    for (let i = 0; i < 10_000; i++) io.out(line);
    await settled();
    expect(writes.map((w) => w.slice(4)).join('')).toBe(`${line}\n`.repeat(10_000));
    expect(writes.length).toBeLessThan(20);
  });

  it('shows control characters as escapes', () => {
    expect(printable('a\u001b[31mb\r\nc\u2028d é')).toBe('a\\u001b[31mb\\u000d\\u000ac\\u2028d é');
  });

  it('honours NO_COLOR', () => {
    const io = streamIo({ isTTY: true, write: () => true }, { write: () => true }, { NO_COLOR: '1' });
    expect(io.color.bold('x')).toBe('x');
  });
});

describe('the built bin', () => {
  const exec = promisify(execFile);

  it('runs init then validate as `npx unmn` would', async () => {
    await ensureCliBuilt();
    const target = file('spawned.xlsx');
    const bin = path.join(ROOT, 'bin/unmn.mjs');
    const created = await exec(process.execPath, [bin, 'init', target, '--profile', 'uzbekistan'], { cwd: dir });
    expect(created.stdout).toContain('Created');
    const checked = await exec(process.execPath, [bin, 'validate', target], { cwd: dir });
    expect(checked.stdout).toMatch(/^No problems: 12 tabs, \d+ rows checked\n$/);
    const missing = await exec(process.execPath, [bin, 'validate', file('absent.xlsx')], { cwd: dir }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(missing).toMatchObject({ code: 2, stderr: `unmn validate: ${file('absent.xlsx')}: no such file\n` });
  });

  it('ends quietly when the reader of its output has gone (`unmn check FILE | head`)', async () => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'bin/unmn.mjs'), 'check', path.join(ROOT, 'examples/uzbekistan.xlsx'), '--json'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    // The reader goes before the first line is written: every write meets a closed pipe.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('unmn --version', () => {
  it('prints the package and its version, and exits 0', async () => {
    const io = captureIo();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.stdout).toEqual([`unmn-secretariat ${version}`]);
  });
});
