import { describe, expect, it } from 'vitest';
import { excerpt, findMatches, searchTerms } from '../../../renderer/src/features/timeline/search-match';

const terms = (typed: string) => searchTerms(typed)!;

describe('a timeline row says why it matched a search', () => {
  it('reads the search as the index does: whole words, case and accents ignored, a trailing * for beginnings', () => {
    expect(searchTerms('  ')).toBeNull();
    expect(searchTerms('Générateur gen*')).toEqual({ words: ['generateur'], prefixes: ['gen'] });
    expect(searchTerms('medical-surgical')).toEqual({ words: ['medical', 'surgical'], prefixes: [] });
  });

  it('marks the matched words as written, and only whole words', () => {
    const text = 'Ice on the office roof; ICE storm. Générateur and generators';
    expect(findMatches(text, terms('ice')).marked).toEqual(['Ice', 'ICE']);
    expect(findMatches(text, terms('generateur')).marked).toEqual(['Générateur']);
    expect(findMatches(text, terms('gen*')).marked).toEqual(['Générateur', 'generators']);
    expect(findMatches(text, terms('diesel'))).toEqual({ marked: [], first: -1, firstEnd: -1 });
  });

  it('shows the text from a little before the match when the match lies beyond the lines, starting on a word', () => {
    const text = 'Facility status: all 8 hospitals open, no ED diversion. Long-term care: 7 of 12 on generator power since 02:10.';
    const found = findMatches(text, terms('generator'));
    const shown = excerpt(text, found, 60);
    expect(shown.startsWith('…')).toBe(true);
    expect(shown).toContain('generator power');
    expect(shown.indexOf('generator')).toBeLessThan(45);
    expect(shown).toMatch(/^…\S/);
    expect(text).toContain(shown.slice(1));
    expect(text.charAt(text.indexOf(shown.slice(1)) - 1)).toBe(' ');
  });

  it('leaves the text whole when the match is within the lines, or nothing in it matched', () => {
    const text = 'Generator failed at Hilltop Care Center';
    expect(excerpt(text, findMatches(text, terms('generator')), 60)).toBe(text);
    expect(excerpt(text, findMatches(text, terms('diesel')), 10)).toBe(text);
  });
});
