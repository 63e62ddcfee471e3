import { PROFILE_SOURCES } from '../../../src/domain/profile-sources';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLAUSES } from '../../../src/domain/rules';

/** Whitespace collapsed, footnote markers (⁴) and the PDF's italics asterisks left out. */
function normalize(text: string): string {
  return text
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, '')
    .replace(/\*/g, '')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}

/** The two ToRs the rules quote, as the repository carries them. */
const TOR_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/tor');
const tor = (name: string) => normalize(readFileSync(path.join(TOR_DIR, `${name}-tor.txt`), 'utf8'));
const TOR = { azerbaijan: tor('azerbaijan'), uzbekistan: tor('uzbekistan') };

describe('ToR clauses', () => {
  const quotes = Object.entries(CLAUSES).flatMap(([key, byProfile]) =>
    Object.entries(byProfile).flatMap(([profile, quote]) =>
      quote!.words.map((words) => [key, profile, quote!.section, words] as const),
    ),
  );

  it.each(quotes)('%s (%s) quotes the ToR verbatim: %s — "%s"', (_key, profile, section, words) => {
    const tor = TOR[profile as keyof typeof TOR];
    expect(tor).toContain(normalize(words));
    expect(tor.toLowerCase()).toContain(normalize(section.replace(/, note \d+$/, '')).toLowerCase());
  });

  const sources = (['azerbaijan', 'uzbekistan'] as const).flatMap((profile) =>
    Object.entries(PROFILE_SOURCES[profile]).flatMap(([setting, text]) =>
      [...(text ?? '').matchAll(/"([^"]+)"/g)].flatMap((m) =>
        (m[1] ?? '').split(' … ').map((words) => [setting, profile, words] as const),
      ),
    ),
  );

  it.each(sources)('the profile source of %s (%s) quotes the ToR verbatim: "%s"', (_setting, profile, words) => {
    expect(TOR[profile]).toContain(normalize(words));
  });
});
