/**
 * Builds an FTS5 query from what an operator typed, so that no input can be read as
 * query syntax: every word becomes a quoted phrase (all must match); a trailing * asks
 * for words starting with it. Scope tokens (incident, kind, position) narrow the match
 * inside the index. Returns null when nothing searchable was typed.
 */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const prefix = raw.endsWith('*');
    const core = raw.replace(/\*+$/, '').replace(/"/g, '');
    if (!/[\p{L}\p{N}]/u.test(core)) continue;
    out.push(`"${core}"${prefix ? '*' : ''}`);
  }
  return out.slice(0, 20);
}

export interface SearchScope {
  readonly inc: number;
  readonly kinds?: readonly string[];
  readonly pos?: number;
}

export function matchExpression(words: readonly string[], scope: SearchScope): string {
  const parts = [`scope : "i${scope.inc}"`];
  if (scope.kinds?.length) parts.push(`scope : (${scope.kinds.map((k) => `"k${k}"`).join(' OR ')})`);
  if (scope.pos !== undefined) parts.push(`scope : "p${scope.pos}"`);
  parts.push(`body : (${words.join(' AND ')})`);
  return parts.join(' AND ');
}
