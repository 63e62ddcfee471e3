import { describe, expect, it } from 'vitest';
import { clipText, MAX_CELL_TEXT } from '../../src/domain/cells';

describe('clipText', () => {
  it('keeps text that fits a cell of both Excel (32,767) and Google Sheets (50,000)', () => {
    expect(MAX_CELL_TEXT).toBeLessThan(32_767);
    const fits = 'x'.repeat(MAX_CELL_TEXT);
    expect(clipText(fits)).toBe(fits);
  });

  it('cuts longer text to the limit, ending in an ellipsis, never inside an emoji', () => {
    const clipped = clipText('x'.repeat(50_000));
    expect(clipped).toHaveLength(MAX_CELL_TEXT);
    expect(clipped.endsWith('x…')).toBe(true);
    const emoji = clipText(`${'x'.repeat(MAX_CELL_TEXT - 2)}😀😀`);
    expect(emoji).toBe(`${'x'.repeat(MAX_CELL_TEXT - 2)}…`);
    expect(clipText('Network on Migration', 8)).toBe('Network…');
  });
});
