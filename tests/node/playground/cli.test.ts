import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPlayground } from '../../../src/node/playground/cli';
import { XlsxWorkbook } from '../../../src/node/xlsx/workbook';
import { digest, EXAMPLE, ROOT, TODAY } from '../../browser/support';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'unmn-playground-cli-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function start(args: string[], root = ROOT) {
  const out: string[] = [];
  const err: string[] = [];
  const started = await runPlayground(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, root);
  await started.running?.close();
  return { code: started.code, out, err };
}

async function copyOfExample(name: string): Promise<string> {
  const file = path.join(dir, name);
  await copyFile(EXAMPLE, file);
  return file;
}

describe('npm start: bad input is one line and a non-zero exit', () => {
  it('a missing workbook', async () => {
    const r = await start(['--workbook', path.join(dir, 'nowhere.xlsx'), '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/nowhere\.xlsx: no such file$/)]);
  });

  it('a file that is not a workbook', async () => {
    const file = path.join(dir, 'notes.xlsx');
    await writeFile(file, 'these are not the minutes you are looking for\n');
    const r = await start(['--workbook', file, '--port', '0']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/notes\.xlsx: not an \.xlsx workbook/);
  });

  it('a port in use', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const r = await start(['--workbook', await copyOfExample('port.xlsx'), '--port', String(port), '--today', TODAY]);
      expect(r.code).toBe(2);
      expect(r.err).toEqual([`Port ${port} is in use: pass --port N for another, or --port 0 for any free port.`]);
    } finally {
      blocker.close();
    }
  });

  it('a user who is neither a focal point nor a Secretariat editor', async () => {
    const r = await start([
      '--workbook',
      await copyOfExample('user.xlsx'),
      '--port',
      '0',
      '--user',
      'stranger@example.org',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      expect.stringMatching(
        /^--user stranger@example\.org: not a focal point of .*user\.xlsx nor one of its Secretariat editors$/,
      ),
    ]);
  });

  it('options it does not know or cannot read', async () => {
    expect((await start(['--today', '2026-13-01'])).err).toEqual([
      '--today must be a calendar day as YYYY-MM-DD, not "2026-13-01"',
    ]);
    expect((await start(['--port', 'eighty'])).code).toBe(2);
    const unknown = await start(['--colour']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toHaveLength(1);
  });
});

/** A repository of its own (the example and the built page scripts), so that a fresh start copies the example and clears the outbox there. */
async function repository(name: string): Promise<string> {
  const root = path.join(dir, name);
  await mkdir(path.join(root, 'examples'), { recursive: true });
  await writeFile(path.join(root, 'package.json'), '{}');
  await copyFile(EXAMPLE, path.join(root, 'examples', 'uzbekistan.xlsx'));
  await cp(path.join(ROOT, 'build', 'browser'), path.join(root, 'build', 'browser'), { recursive: true });
  return root;
}

describe('npm start --outbox: the playground never deletes what it did not create', () => {
  it('refuses a folder that holds other files (a clone, say) with one line, and everything in it stays', async () => {
    const root = await repository('clone');
    await mkdir(path.join(root, '.git', 'refs'), { recursive: true });
    await writeFile(path.join(root, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const before = await readdir(root, { recursive: true });
    const r = await start(['--port', '0', '--today', TODAY, '--outbox', root], root);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([
      `${root}: holds files and is not an outbox of this playground (no .unmn-outbox in it); pass --outbox with a new or empty folder`,
    ]);
    expect(r.out).toEqual([]);
    expect((await readdir(root, { recursive: true })).sort()).toEqual(before.sort());
  });

  it('a fresh start clears only the emails its outbox wrote; --keep clears nothing', async () => {
    const root = await repository('marked');
    const outbox = path.join(root, 'mail');
    const first = await runPlayground(
      ['--port', '0', '--today', TODAY, '--outbox', outbox],
      { out: () => undefined, err: () => undefined },
      root,
    );
    first.running!.session.outbox.send({
      to: ['migration.uz@one.un.org'],
      subject: 'Minutes',
      text: 'Hello',
      html: '',
    });
    await first.running!.close();
    await writeFile(path.join(outbox, 'stranger.txt'), "not the playground's");
    await mkdir(path.join(outbox, 'drafts'));
    const own = (await readdir(outbox)).filter((f) => f.endsWith('.json'));
    expect(own).toHaveLength(1);

    expect((await start(['--port', '0', '--today', TODAY, '--outbox', outbox, '--keep'], root)).code).toBe(0);
    expect((await readdir(outbox)).sort()).toEqual(['.unmn-outbox', ...own, 'drafts', 'stranger.txt'].sort());

    expect((await start(['--port', '0', '--today', TODAY, '--outbox', outbox], root)).code).toBe(0);
    expect((await readdir(outbox)).sort()).toEqual(['.unmn-outbox', 'drafts', 'stranger.txt']);
  });
});

describe('npm start: one playground per working file', () => {
  it('a second fresh start on a running playground is refused before it copies the example or clears the outbox', async () => {
    const root = await repository('running');
    const outbox = path.join(root, '.playground', 'outbox');
    const first = await runPlayground(
      ['--port', '0', '--today', TODAY],
      { out: () => undefined, err: () => undefined },
      root,
    );
    try {
      const running = first.running!;
      await fetch(new URL('/command/runComplianceCheck', running.url), { method: 'POST' });
      running.session.outbox.send({ to: ['migration.uz@one.un.org'], subject: 'Minutes', text: 'Hello', html: '' });
      const file = path.join(root, '.playground', 'workbook.xlsx');
      const before = { file: digest(file), outbox: await readdir(outbox) };
      expect(before.file).not.toBe(digest(path.join(root, 'examples', 'uzbekistan.xlsx')));

      const second = await start(['--port', '0', '--today', TODAY], root);
      expect(second.code).toBe(2);
      expect(second.err).toEqual([
        expect.stringMatching(/workbook\.xlsx is open in another playground \(process \d+\): stop it first/),
      ]);
      expect({ file: digest(file), outbox: await readdir(outbox) }).toEqual(before);
    } finally {
      await first.running?.close();
    }
    expect((await start(['--port', '0', '--today', TODAY], root)).code).toBe(0);
  });
});

describe('npm start: good input', () => {
  it('copies the shipped example to .playground/workbook.xlsx, leaves the example as shipped, and acts as the IOM secretariat focal point', async () => {
    const root = await repository('repo');
    const example = path.join(root, 'examples', 'uzbekistan.xlsx');
    const before = digest(example);
    const r = await start(['--port', '0', '--today', TODAY], root);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^Playground: http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(r.out.join('\n')).toMatch(/Acting as: {2}\S+@iom\.int/);
    expect(existsSync(path.join(root, '.playground', 'workbook.xlsx'))).toBe(true);
    expect(digest(example)).toBe(before);
  });

  it('acts as a plain member given with --user, whatever the case of the address', async () => {
    const file = await copyOfExample('member.xlsx');
    const probe = await start(['--workbook', file, '--port', '0', '--today', TODAY]);
    expect(probe.code).toBe(0);
    const out: string[] = [];
    const started = await runPlayground(
      ['--workbook', file, '--port', '0', '--today', TODAY],
      { out: (l) => out.push(l), err: (l) => out.push(l) },
      ROOT,
    );
    const page = await fetch(started.running!.url).then((res) => res.text());
    await started.running!.close();
    const member = /<option value="([^"]+@unicef\.org)"/.exec(page)?.[1];
    expect(member).toBeDefined();
    const r = await start(['--workbook', file, '--port', '0', '--user', member!.toUpperCase()]);
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toContain(`Acting as:  ${member}`);
  });
});

describe('npm start: a malformed workbook', () => {
  it('still serves the page, with every problem of unmn validate listed and the bad cell marked', async () => {
    const file = await copyOfExample('malformed.xlsx');
    const book = await XlsxWorkbook.open(file);
    const grid = book.read('Meetings') ?? [];
    const dateAt = (grid[0] ?? []).indexOf('Date');
    book.write('Meetings', 3, dateAt + 1, [['soon, <script>alert(1)</script>']]);
    await book.save(file);
    const started = await runPlayground(
      ['--workbook', file, '--port', '0', '--today', TODAY],
      { out: () => undefined, err: () => undefined },
      ROOT,
    );
    try {
      const response = await fetch(started.running!.url);
      expect(response.status).toBe(200);
      const page = await response.text();
      expect(page).toContain('Meetings!3 Date: &quot;soon, &lt;script&gt;alert(1)&lt;/script&gt;&quot; is not a date');
      expect(page).not.toContain('<script>alert(1)</script>');
      expect(page).toMatch(/<td class="bad" title="[^"]*is not a date/);
    } finally {
      await started.running?.close();
    }
  });
});

describe('the built program', () => {
  const program = path.join(ROOT, 'build', 'playground.mjs');
  beforeAll(() => {
    if (!existsSync(program))
      execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs'), '--quiet'], { cwd: ROOT });
  });

  it('exits 2 (cannot run) with one line on stderr', () => {
    const r = spawnSync(process.execPath, [program, '--workbook', path.join(dir, 'missing.xlsx'), '--port', '0'], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/missing\.xlsx: no such file$/)]);
    expect(r.stdout).toBe('');
  });

  it('holds a lock beside the working file while it runs, so that a second one on that file is refused, and removes it on Ctrl+C', async () => {
    const file = await copyOfExample('locked.xlsx');
    const lock = path.join(dir, '.locked.xlsx.playground-lock');
    const args = [
      program,
      '--workbook',
      file,
      '--port',
      '0',
      '--today',
      TODAY,
      '--outbox',
      path.join(dir, 'locked-outbox'),
    ];
    const first = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => first.once('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        let out = '';
        first.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('Press Ctrl+C')) resolve();
        });
        first.once('exit', () => reject(new Error(`the first playground exited: ${out}`)));
      });
      expect(readFileSync(lock, 'utf8')).toBe(`${first.pid}\n`);
      const second = spawnSync(process.execPath, args, { encoding: 'utf8' });
      expect(second.status).toBe(2);
      expect(second.stderr.trim().split('\n')).toEqual([
        `${file} is open in another playground (process ${first.pid}): stop it first, or delete ${lock} if none is running.`,
      ]);
    } finally {
      first.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });
});
