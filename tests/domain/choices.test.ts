import { describe, expect, it } from 'vitest';
import { TAB_NAMES } from '../../src/domain/choices';
import { TABLES } from '../../src/domain/tables';

describe('TAB_NAMES', () => {
  it('names every tab of TABLES, in its order', () => {
    expect(TAB_NAMES).toEqual(TABLES.map((t) => t.name));
  });
});
