/**
 * google.script.run for the real sidebar HTML outside Google: the same call chain, the same plain
 * JSON, sent to the playground server over HTTP. It refuses what google.script.run cannot carry (a
 * Date, a function, a class instance or DOM node, even nested) by calling the failure handler, so a
 * sidebar that works here works in Sheets; like google.script.run it turns undefined in arrays into
 * null and drops undefined properties. Bundled by scripts/build.mjs into build/browser/shim-script.js.
 */
import { browserText, fill } from './shared/text';

type Handler = ((value: unknown, userObject: unknown) => void) | null;

interface RpcAnswer {
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: { readonly name?: string; readonly message: string };
  /** The toasts and alerts of the call, for the page around the sidebar to show. */
  readonly messages?: readonly unknown[];
}

/**
 * @i18n-exempt: the refusals of google.script.run, which Google writes in English whatever the
 * language, imitated for the developer of a sidebar
 */
function fail(what: string, path: string, hint?: string): Error {
  return new Error(`google.script.run cannot carry ${what} (at ${path})${hint ? `: ${hint}` : '.'}`);
}

// @i18n-exempt: the refusals of google.script.run, which Google writes in English, for a sidebar's developer
function plain(value: unknown, path: string, seen: readonly object[]): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value === undefined) return undefined;
  if (typeof value === 'function') throw fail('a function', path, 'send data, not code');
  if (typeof value !== 'object') throw fail(`a ${typeof value}`, path);
  if (Object.prototype.toString.call(value) === '[object Date]')
    throw fail('a Date', path, 'send days as YYYY-MM-DD text');
  if (typeof Node !== 'undefined' && value instanceof Node)
    throw fail('a DOM node', path, 'send the values of the form');
  if (seen.includes(value)) throw fail('an object that contains itself', path);
  const inner = [...seen, value];
  if (Array.isArray(value)) {
    return value.map((item: unknown, i) => {
      const out = plain(item, `${path}[${i}]`, inner);
      return out === undefined ? null : out;
    });
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name || 'class';
    throw fail(`an instance of ${name}`, path, 'send plain objects');
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = plain((value as Record<string, unknown>)[key], `${path}.${key}`, inner);
    if (item !== undefined) out[key] = item;
  }
  return out;
}

function report(handler: Handler, error: Error, userObject: unknown): void {
  if (handler) handler(error, userObject);
  else console.error(error);
}

function tellParent(type: string, messages?: readonly unknown[]): void {
  if (window.parent !== window) window.parent.postMessage(messages === undefined ? { type } : { type, messages }, '*');
}

function invoke(name: string, args: readonly unknown[], success: Handler, failure: Handler, userObject: unknown): void {
  let payload: unknown[];
  try {
    payload = args.map((arg, i) => {
      const out = plain(arg, `${name} argument ${i + 1}`, []);
      return out === undefined ? null : out;
    });
  } catch (error) {
    setTimeout(() => report(failure, error as Error, userObject), 0);
    return;
  }
  fetch(`/rpc/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ args: payload }),
  })
    .then((response) => response.json() as Promise<RpcAnswer>)
    .then(
      (answer) => {
        if (answer.messages && answer.messages.length > 0) tellParent('unmn:messages', answer.messages);
        if (answer.ok) {
          success?.(answer.value, userObject);
          return;
        }
        const e = new Error(answer.error?.message ?? browserText().refused);
        e.name = answer.error?.name || 'Error';
        report(failure, e, userObject);
      },
      (error: Error) => report(failure, new Error(fill(browserText().noAnswer, { error: error.message })), userObject),
    )
    .then(() => tellParent('unmn:changed'));
}

function runner(success: Handler, failure: Handler, userObject: unknown): object {
  const base = {
    withSuccessHandler: (fn: Handler) => runner(fn, failure, userObject),
    withFailureHandler: (fn: Handler) => runner(success, fn, userObject),
    withUserObject: (o: unknown) => runner(success, failure, o),
  };
  return new Proxy(base, {
    get(target, name) {
      if (name in target) return target[name as keyof typeof base];
      if (typeof name !== 'string' || name === 'then') return undefined;
      return (...args: unknown[]) => invoke(name, args, success, failure, userObject);
    },
  });
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner(null, null, undefined),
    host: {
      close: () => tellParent('unmn:close'),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};

export {};
