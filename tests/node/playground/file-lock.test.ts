/**
 * The lock file beside the working file: one holder at a time, a dead holder's lock taken over, and
 * the lock gone when its process exits, however it exits.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileLockError, lockPathOf, lockWorkingFile } from '../../../src/node/playground/file-lock';

let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'unmn-lock-'));
  file = path.join(dir, 'workbook.xlsx');
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The pid of a process that has exited. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  if (pid === undefined) throw new Error('no child process');
  return pid;
}

describe('lockWorkingFile', () => {
  it('writes its pid beside the workbook, refuses a second holder, and removes the lock on release', () => {
    const lock = lockWorkingFile(file);
    expect(lock.path).toBe(path.join(dir, '.workbook.xlsx.playground-lock'));
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    expect(() => lockWorkingFile(file)).toThrow(FileLockError);
    expect(() => lockWorkingFile(file)).toThrow(`${file} is open in another playground (process ${process.pid})`);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockWorkingFile(file).release();
  });

  it('takes over the lock of a process that has died', () => {
    writeFileSync(lockPathOf(file), `${deadPid()}\n`);
    const lock = lockWorkingFile(file);
    expect(readFileSync(lock.path, 'utf8')).toBe(`${process.pid}\n`);
    lock.release();
  });

  it('refuses a lock that names no process, and leaves it', () => {
    writeFileSync(lockPathOf(file), '');
    expect(() => lockWorkingFile(file)).toThrow(
      `${file} is open in another playground: stop it first, or delete ${lockPathOf(file)} if none is running.`,
    );
    expect(existsSync(lockPathOf(file))).toBe(true);
  });

  it('says that a file in a folder that does not exist is no such file', () => {
    const missing = path.join(dir, 'nowhere', 'workbook.xlsx');
    expect(() => lockWorkingFile(missing)).toThrow(`${missing}: no such file`);
  });

  it('leaves a lock it no longer holds', () => {
    const lock = lockWorkingFile(file);
    writeFileSync(lock.path, '1\n');
    lock.release();
    expect(readFileSync(lockPathOf(file), 'utf8')).toBe('1\n');
  });

  it('is removed when the process exits without closing the playground', () => {
    const { outputFiles } = buildSync({
      entryPoints: [path.join(__dirname, '../../../src/node/playground/file-lock.ts')],
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
    });
    const child = path.join(dir, 'lock.mjs');
    writeFileSync(
      child,
      `${outputFiles[0]!.text}\nlockWorkingFile(process.argv[2]);\nconsole.log(process.pid);\nprocess.exit(3);\n`,
    );
    const run = spawnSync(process.execPath, [child, file], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    expect(run.stdout.trim()).toMatch(/^\d+$/);
    expect(existsSync(lockPathOf(file))).toBe(false);
  });
});
