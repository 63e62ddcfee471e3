/**
 * One playground per working file: a lock file beside the workbook holds the pid of the process that
 * serves it. Without it, two playgrounds on one file would each acknowledge saves that the other then
 * overwrites. A lock whose process has died is taken over; the lock goes when the playground closes or
 * the process exits.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { t } from '../../domain/i18n';

/** The working file is in use, or its lock cannot be written, in one line. */
export class FileLockError extends Error {
  override readonly name = 'FileLockError';
}

export interface FileLock {
  readonly path: string;
  release(): void;
}

export function lockPathOf(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.playground-lock`);
}

function create(file: string, lock: string): boolean {
  try {
    writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') throw new FileLockError(t('playground.lock.no-file', { file }));
    throw new FileLockError(t('playground.lock.cannot-write', { lock, error: (error as Error).message }));
  }
}

/** The pid the lock names; undefined while its writer has not yet written it, or when it holds no pid. */
function holder(lock: string): number | undefined {
  try {
    const text = readFileSync(lock, 'utf8').trim();
    return /^\d+$/.test(text) ? Number(text) : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock of file, or says which process holds it. */
export function lockWorkingFile(file: string): FileLock {
  const lock = lockPathOf(file);
  if (!create(file, lock)) {
    const pid = holder(lock);
    if (pid === undefined || alive(pid)) {
      throw new FileLockError(
        pid === undefined
          ? t('playground.lock.held', { file, lock })
          : t('playground.lock.held-by', { file, lock, pid: String(pid) }),
      );
    }
    rmSync(lock, { force: true });
    if (!create(file, lock)) throw new FileLockError(t('playground.lock.taken', { file }));
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener('exit', release);
    if (holder(lock) === process.pid) rmSync(lock, { force: true });
  };
  process.once('exit', release);
  return { path: lock, release };
}
