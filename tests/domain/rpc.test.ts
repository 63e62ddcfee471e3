import { describe, expect, it } from 'vitest';
import { MAX_CELL_TEXT } from '../../src/domain/cells';
import { TEXT_LIMITS } from '../../src/domain/rpc';

describe('TEXT_LIMITS', () => {
  it('keeps every field the sidebar sends within one cell, a list of codes included', () => {
    const { codes, code, ...texts } = TEXT_LIMITS;
    for (const [field, limit] of Object.entries(texts)) expect(limit, field).toBeLessThanOrEqual(MAX_CELL_TEXT);
    // Consulted and Objections are stored as one cell, the codes joined by ", ".
    expect(codes * (code + 2)).toBeLessThanOrEqual(MAX_CELL_TEXT);
  });
});
