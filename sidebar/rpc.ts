/**
 * The sidebar's only way to the server: google.script.run as promises, with every payload checked
 * against the shared schemas on the way out and on the way back, so a contract drift fails loudly here
 * instead of writing something odd into the sheet.
 */
import {
  DecisionInputSchema,
  DecisionSidebarDataSchema,
  RecordDecisionResultSchema,
  type DecisionInput,
  type DecisionSidebarData,
  type RecordDecisionResult,
} from '../src/domain/rpc';

interface Runner {
  withSuccessHandler(fn: (value: unknown) => void): Runner;
  withFailureHandler(fn: (error: unknown) => void): Runner;
  [target: string]: unknown;
}

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

function runner(): Runner {
  const google = (globalThis as { google?: { script?: { run?: Runner } } }).google;
  const run = google?.script?.run;
  if (!run) throw new Error('This page must be opened from the add-on menu (google.script.run is not available).');
  return run;
}

function describe(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'unreadable';
  const where = first.path.map(String).join('.');
  return where === '' ? first.message : `${where}: ${first.message}`;
}

function call<T>(target: string, result: Schema<T>, args: readonly unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = runner()
      .withSuccessHandler((value) => {
        const parsed = result.safeParse(value);
        if (parsed.success) resolve(parsed.data);
        else reject(new Error(`The server's answer to ${target} was not understood (${describe(parsed.error.issues)}).`));
      })
      .withFailureHandler((error) => reject(error instanceof Error ? error : new Error(String(error))));
    const fn = run[target];
    if (typeof fn !== 'function') {
      reject(new Error(`The server has no function ${target}.`));
      return;
    }
    fn.apply(run, args);
  });
}

export function getDecisionSidebarData(): Promise<DecisionSidebarData> {
  return call('getDecisionSidebarData', DecisionSidebarDataSchema, []);
}

export function recordDecision(input: DecisionInput): Promise<RecordDecisionResult> {
  const checked = DecisionInputSchema.safeParse(input);
  if (!checked.success) return Promise.reject(new Error(`The decision could not be sent (${describe(checked.error.issues)}).`));
  return call('recordDecision', RecordDecisionResultSchema, [checked.data]);
}
