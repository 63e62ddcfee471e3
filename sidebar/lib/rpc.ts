/**
 * The only way from a sidebar or dialog to the server: google.script.run as promises, typed by
 * RPC_CONTRACT (a wrong name or payload fails to compile), with every payload checked against the
 * contract's schemas on the way out and on the way back, so a drift fails loudly here instead of
 * writing something odd into the sheet.
 */
import { t } from '../../src/domain/i18n';
import { RPC_CONTRACT, type RpcArgs, type RpcName, type RpcResult } from '../../src/domain/rpc';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [target: string]: unknown;
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

interface Schema {
  safeParse(value: unknown): { success: true; data: unknown } | { success: false; error: { issues: readonly Issue[] } };
}

function runner(): Runner {
  const google = (globalThis as { google?: { script?: { run?: Runner } } }).google;
  const run = google?.script?.run;
  if (!run) throw new Error(t('sidebar.rpc.no-runner'));
  return run;
}

function describe(issues: readonly Issue[]): string {
  const first = issues[0];
  if (!first) return t('sidebar.rpc.unreadable');
  const where = first.path.map(String).join('.');
  return where === '' ? first.message : `${where}: ${first.message}`;
}

export function call<K extends RpcName>(target: K, ...args: RpcArgs<K>): Promise<RpcResult<K>> {
  const contract: { input: Schema | null; result: Schema } = RPC_CONTRACT[target];
  if (contract.input !== null) {
    const checked = contract.input.safeParse(args[0]);
    if (!checked.success)
      return Promise.reject(new Error(t('sidebar.rpc.not-sent', { problem: describe(checked.error.issues) })));
  }
  return new Promise<RpcResult<K>>((resolve, reject) => {
    const run = runner()
      .withSuccessHandler((value) => {
        const parsed = contract.result.safeParse(value);
        if (parsed.success) resolve(parsed.data as RpcResult<K>);
        else reject(new Error(t('sidebar.rpc.not-understood', { target, problem: describe(parsed.error.issues) })));
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = run[target];
    if (typeof fn !== 'function') {
      reject(new Error(t('sidebar.rpc.no-function', { target })));
      return;
    }
    fn.apply(run, args);
  });
}
