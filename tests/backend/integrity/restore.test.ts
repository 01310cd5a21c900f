import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyStore } from '../../../electron/backend/integrity/verify';
import { witnessOfHead } from '../../../electron/backend/integrity/witnesses';
import { openReadyBackend } from '../helpers/backend';

describe('a restore and the witnesses taken before it', () => {
  it('recognises an anchor of the replaced file as replaced by the restore, says where that file was kept, and finds no tampering', async () => {
    const t = await openReadyBackend();
    const backup = await t.call('backup.create', {});
    await t.call('integrity.anchor', {}); // more records after the backup
    const anchor = await t.call('integrity.anchor', {});
    const restored = await t.call('backup.restore', { file: backup.file });
    await t.call('integrity.anchor', {}); // and the restored chain goes on past the anchored link

    const db = new Database(path.join(t.dataDir, 'eoc.sqlite'), { readonly: true });
    try {
      const r = verifyStore(db, { witnesses: [witnessOfHead(anchor.heads[0]!, 'anchor file a.anchor')] });
      expect(r.problems).toEqual([]);
      // The file is read while the console runs: its newest save (the last anchor's audit
      // entry) may not be signed yet, which the check says apart.
      const notes = r.notes.filter((n) => !n.includes('not signed yet'));
      expect(notes).toEqual([expect.stringContaining(`of the file this store replaced when it was restored from a backup on`)]);
      expect(notes[0]).toContain(restored.keptAside);
    } finally {
      db.close();
    }
  });
});
