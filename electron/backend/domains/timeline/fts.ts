import Database from 'better-sqlite3';

/**
 * Builds an FTS5 query from what an operator typed, so that no input can be read as
 * query syntax. The index (migration 13) keeps only which records hold each word
 * (detail=none), so a query is a list of single words, all of which must match: a typed
 * word the tokenizer splits ("medical-surgical", "Saint-Luc") becomes its parts, each
 * required (anywhere in the record, no longer necessarily side by side); a trailing *
 * asks for words starting with the last part. Returns [] when nothing searchable was typed.
 */
export function searchWords(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const prefix = raw.endsWith('*');
    const parts = tokens(raw);
    parts.forEach((p, i) => out.push(`"${p}"${prefix && i === parts.length - 1 ? '*' : ''}`));
  }
  return out.slice(0, 20);
}

let tokenizer: { put: Database.Statement; read: Database.Statement; clear: Database.Statement } | null = null;

/**
 * The words of `raw` exactly as the timeline's index cut and folded them: the same FTS5
 * tokenizer, run on a private in-memory table (which letters it keeps in a word, and which
 * accents it folds, depend on SQLite's own Unicode tables, so no JavaScript rule matches
 * it everywhere). Private-use characters, which mark the index's scope tokens, are dropped.
 */
function tokens(raw: string): string[] {
  const text = raw.replace(/\p{Co}/gu, ' ');
  if (!/[\p{L}\p{N}]/u.test(text)) return [];
  if (!tokenizer) {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE words USING fts5(x, tokenize = 'unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE words_seen USING fts5vocab(words, instance);`);
    tokenizer = {
      put: db.prepare('INSERT INTO words (rowid, x) VALUES (1, ?)'),
      read: db.prepare('SELECT term FROM words_seen ORDER BY "offset"').pluck(),
      clear: db.prepare('DELETE FROM words'),
    };
  }
  tokenizer.put.run(text);
  try {
    return tokenizer.read.all() as string[];
  } finally {
    tokenizer.clear.run();
  }
}

export interface SearchScope {
  readonly inc: number;
  readonly kinds?: readonly string[];
  readonly pos?: number;
}

/** The scope tokens' marker (see migration 13). */
const MARK = '\uE000';

export function matchExpression(words: readonly string[], scope: SearchScope): string {
  const parts = [`"${MARK}i${scope.inc}"`];
  if (scope.kinds?.length) parts.push(`(${scope.kinds.map((k) => `"${MARK}k${k}"`).join(' OR ')})`);
  if (scope.pos !== undefined) parts.push(`"${MARK}p${scope.pos}"`);
  return [...parts, ...words].join(' AND ');
}
