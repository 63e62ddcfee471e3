/**
 * One full garbage collection, for a command that has just let go of most of what it held. V8 grows
 * a short process's heap past what it holds rather than collect it whole: after `unmn check` decoded
 * a large network, the grids it was decoded from were still taking memory when the rules began to
 * add their findings, and the peak came some fifteen megabytes higher. V8's --expose-gc, set while
 * the process runs, gives a new context a gc() to call. Node warns that a flag changed after start-up
 * may do nothing: then the command goes on as it would have, only with the higher peak.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The collector; null when V8 did not give one. */
let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    // @i18n-exempt: code for V8 to run, not text a person reads.
    const gc: unknown = runInNewContext('typeof gc === "function" ? gc : null');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  }
  return collect;
}

export function collectGarbage(): void {
  collector()?.();
}
