import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without types
import { lazyPackagePlugin } from '../../scripts/lazy-package.mjs';
import { bundleAsCodeJs } from './bundle';

/** Schemas built on first use, as src/domain/lazy.ts builds them, with a reserved word (`enum`) among the names. */
const MAIN = `
import * as z from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
let schema: ZodMiniType | undefined;
export function parse(value: unknown) {
  schema ??= z.object({ name: z.string(), kind: z.enum(['a', 'b']) });
  return schema.safeParse(value).success;
}
`;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** main.ts bundled as Code.js is, with zod/mini's own modules left to their first use. */
async function bundle(main: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'lazy-package-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'main.ts'), main);
  return bundleAsCodeJs(dir, [await lazyPackagePlugin('zod/mini', dir)]);
}

describe('a package whose modules run on first use', () => {
  it('runs none of them at load, and all of them on the first call', async () => {
    const context = vm.createContext({});
    vm.runInContext(await bundle(MAIN), context);
    const app = context.app as { parse(value: unknown): boolean };
    // zod's core module leaves its configuration on the global object when it runs.
    expect('__zod_globalConfig' in context).toBe(false);
    expect(app.parse({ name: 'Ada', kind: 'a' })).toBe(true);
    expect(app.parse({ name: 'Ada', kind: 'c' })).toBe(false);
    expect('__zod_globalConfig' in context).toBe(true);
  });

  it('refuses to build code that takes from it what is not a function', async () => {
    await expect(
      bundle(`import * as z from 'zod/mini';\nexport const registry = () => z.globalRegistry;`),
    ).rejects.toThrow(/takes from zod\/mini what is not a function: Import "globalRegistry"/);
  });
});
