/**
 * One full garbage collection, for a command that has just let go of most of what it held. V8 grows
 * a short process's heap past what it holds rather than collect it whole: after `unmn check` decoded
 * a large network, the grids it was decoded from were still taking memory when the rules began to
 * add their findings, and the peak came some fifteen megabytes higher. Node's documentation of
 * v8.setFlagsFromString shows this way to the collector; it costs a few tens of milliseconds.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

export function collectGarbage(): void {
  if (collect === undefined) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}
