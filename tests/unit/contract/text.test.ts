import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenCharacter, methods, optionalText, text } from '../../../shared/contract';
import { stringLeaves } from './text-walk';

/** Every character the rule refuses: C0 (not tab, not LF, not CR), DEL and C1, bidi controls, lone surrogates. */
const forbiddenChar = fc.oneof(
  fc.integer({ min: 0x00, max: 0x1f }).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  fc.integer({ min: 0x7f, max: 0x9f }),
  fc.integer({ min: 0x202a, max: 0x202e }),
  fc.integer({ min: 0x2066, max: 0x2069 }),
  fc.integer({ min: 0xd800, max: 0xdfff }),
).map((c) => String.fromCharCode(c));

/** Text people type, in any script, with emoji (surrogate pairs), tabs and line breaks. */
const typed = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => findForbiddenCharacter(s.replace(/\r/g, '')) === null);

const hex = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('one rule for typed text', () => {
  it('refuses a forbidden character anywhere, naming the field and the character', () => {
    fc.assert(
      fc.property(typed, forbiddenChar, typed, (before, bad, after) => {
        const r = text('Entry text', 1000).safeParse(`x${before}${bad}${after}x`);
        expect(r.success).toBe(false);
        const messages = r.error!.issues.map((i) => i.message);
        expect(messages.some((m) => m.startsWith('Entry text contains ') && m.includes(hex(bad)))).toBe(true);
      }),
    );
  });

  it('accepts what people type in any script, unchanged but trimmed, with line ends made LF', () => {
    fc.assert(
      fc.property(typed, (s) => {
        const expected = s.replace(/\r\n?/g, '\n').trim();
        const r = text('Notes', 1000).safeParse(s);
        if (expected === '') expect(r.success).toBe(false);
        else expect(r).toEqual({ success: true, data: expected });
      }),
    );
  });

  it('strips what is safe: a trailing CR, Windows and old Mac line ends', () => {
    expect(text('Name').parse('Dana Duty\r')).toBe('Dana Duty');
    expect(optionalText('Notes').parse('one\r\ntwo\rthree\n')).toBe('one\ntwo\nthree');
    expect(text('Name').parse('tab\tinside')).toBe('tab\tinside');
  });

  it('says which character, where, in words', () => {
    const r = text('Coalition name').safeParse('West\u202Eern');
    expect(r.error!.issues[0]!.message).toBe(
      'Coalition name contains U+202E (right-to-left override) at character 5; remove it, it cannot be stored',
    );
    expect(text('Name').safeParse('a\u0000').error!.issues[0]!.message).toMatch(/U\+0000 \(NUL\)/);
    expect(text('Name').safeParse('a\uDC00b').error!.issues[0]!.message).toMatch(/U\+DC00 \(a lone surrogate/);
    expect(text('Name').safeParse('😀').success).toBe(true);
  });

  it('holds for every text field of every method, so a new field cannot forget it', () => {
    // Whole files are checked cell by cell and element by element by their importers,
    // with the same rule (tests/backend/contract/text-rule.test.ts).
    const importedWhole = new Set(['directory.importPreview csv', 'directory.importCommit csv', 'edxl.importRequestResource xml', 'status.importPreview text', 'status.importCommit text']);
    const open: string[] = [];
    let fields = 0;
    for (const [name, def] of Object.entries(methods)) {
      for (const leaf of stringLeaves(def.input)) {
        fields++;
        if (importedWhole.has(`${name} ${leaf.path}`)) continue;
        for (const bad of ['a\u202Eb', 'a\u0000b', 'a\u2066b', 'a\uD800b', 'a\u001Bb']) {
          if (leaf.schema.safeParse(bad).success) open.push(`${name} ${leaf.path} accepts ${hex(bad[1]!)}`);
        }
      }
    }
    expect(fields).toBeGreaterThan(50);
    expect(open).toEqual([]);
  });
});
