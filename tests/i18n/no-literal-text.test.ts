/** No text a person reads is left in the code: it comes from the catalogues (tests/i18n/scan.ts says how this is judged). */
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { scanRepository } from './scan';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('leaves no text a person reads in src/ or sidebar/ outside the catalogues', () => {
  const left = scanRepository(root, ['src', 'sidebar']).map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text)}`);
  expect(left).toEqual([]);
});
