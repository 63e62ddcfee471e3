/**
 * The only way from a sidebar or dialog to the server: google.script.run as promises, typed by
 * RPC_CONTRACT (a wrong name or payload fails to compile). The page checks nothing at run time with
 * the contract's schemas: the server parses every argument before it touches the workbook and answers
 * with what its own types say, and leaving zod out keeps each page within its 80 KB.
 */
import { t } from '../../src/domain/i18n';
import type { RpcArgs, RpcName, RpcResult } from '../../src/domain/rpc';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [target: string]: unknown;
}

function runner(): Runner {
  const google = (globalThis as { google?: { script?: { run?: Runner } } }).google;
  const run = google?.script?.run;
  if (!run) throw new Error(t('sidebar.rpc.no-runner'));
  return run;
}

export function call<K extends RpcName>(target: K, ...args: RpcArgs<K>): Promise<RpcResult<K>> {
  return new Promise<RpcResult<K>>((resolve, reject) => {
    const run = runner()
      .withSuccessHandler((value) => resolve(value as RpcResult<K>))
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = run[target];
    if (typeof fn !== 'function') {
      reject(new Error(t('sidebar.rpc.no-function', { target })));
      return;
    }
    fn.apply(run, args);
  });
}
