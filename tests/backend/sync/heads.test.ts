import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE } from '../../../electron/backend/identity/key-store';
import { privateKeyFromPkcs8, rawPublicKey, signBytes } from '../../../electron/backend/identity/keys';
import { headSignatureValid, makeSignedHead, newestSignedHead, signedHeads, type SignedHead } from '../../../electron/backend/integrity/heads';
import { asAttacker, links, verify } from '../integrity/demo-store';
import { coalition, resealAs, syncOnce, unsealed, type Station } from './harness';

/**
 * Every workstation keeps the signed heads of every origin's chain it holds, received with
 * the links they vouch for, so it can check each origin's chain against its signed head:
 * a chain cut short on any copy shows, and a head that does not match is refused.
 */
async function entries(a: Station, n: number): Promise<void> {
  const { levels } = await a.call('incident.levels', {});
  const id = (await a.call('incident.create', { name: 'Ice storm', exercise: true, activationLevelId: levels[0]!.id })).incident.id;
  for (let i = 0; i < n; i++) await a.call('log.append', { incidentId: id, category: 'General', text: `Entry ${i}` });
}

const fileOf = (s: Station) => path.join(s.dataDir, 'eoc.sqlite');

describe('signed chain heads travel with the chains', () => {
  it('a workstation holds the newest signed head of another origin, relayed through a third, and verifies that chain against it', async () => {
    const [a, b, c] = await coalition(3);
    await entries(a!, 4);
    syncOnce(a!, b!);
    syncOnce(b!, c!); // c never talks to a: a's heads come through b
    const aSeq = a!.backend.sync.vector()[a!.id]!.seq;
    await c!.backend.close();
    const db = new Database(fileOf(c!));
    try {
      const head = newestSignedHead(db, a!.id);
      expect(head?.seq).toBe(aSeq);
      expect(headSignatureValid(head!)).toBe(true);
      expect(verify(db).problems).toEqual([]);
      // Received twice, a head is kept once.
      expect(new Set(signedHeads(db, a!.id).map((h) => h.signature)).size).toBe(signedHeads(db, a!.id).length);
    } finally {
      db.close();
    }
  });

  it('another workstation’s chain cut short on this copy is found, with the links that are gone', async () => {
    const [a, b] = await coalition(2);
    await entries(a!, 3);
    syncOnce(a!, b!);
    await b!.backend.close();
    const db = new Database(fileOf(b!));
    try {
      const last = links(db, a!.id).at(-1)!;
      asAttacker(db, ['fact_chain', last.table_name], () => {
        db.prepare(`DELETE FROM ${last.table_name} WHERE id = ?`).run(last.row_id);
        db.prepare('DELETE FROM fact_chain WHERE workstation_id = ? AND seq = ?').run(a!.id, last.seq);
      });
      expect(verify(db).problems).toEqual([
        expect.objectContaining({ kind: 'truncated', workstationId: a!.id, range: { from: last.seq, to: last.seq } }),
      ]);
    } finally {
      db.close();
    }
  });

  it('refuses a batch whose signed head does not match the chain it carries, or is not signed by the origin’s key; nothing written but an audit entry', async () => {
    const [a, b, c] = await coalition(3);
    await entries(a!, 2);
    const batch = unsealed(a!.backend.sync.collect(b!.backend.sync.vector()));
    const part = batch.parts.find((p) => p.origin === a!.id && p.heads?.length)!;
    const head = part.heads![0]!;
    expect(head.seq).toBe(part.facts!.after + part.facts!.rows.length);
    const before = b!.backend.sync.vector();
    const withHead = (h: SignedHead) => ({ ...batch, parts: batch.parts.map((p) => (p === part ? { ...p, heads: [h] } : p)) });

    // Signed with a's own key, but over another hash than a's chain holds there: a fork.
    const forked = makeSignedHead(signerOf(a!), a!.id, { seq: head.seq, hash: 'e'.repeat(64) }, head.signedAt, 'commit');
    const r1 = b!.backend.sync.receive(resealAs(a!, withHead(forked)), 'peer-under-test');
    expect(r1).toMatchObject({ status: 'refused', message: expect.stringMatching(/does not match the chain received/) });
    // The right hash, signed by another member's key.
    const byC = makeSignedHead(signerOf(c!), a!.id, head, head.signedAt, 'commit');
    const r2 = b!.backend.sync.receive(resealAs(a!, withHead(byC)), 'peer-under-test');
    expect(r2).toMatchObject({ status: 'refused', message: expect.stringMatching(/never enrolled/) });
    // A signature that does not verify.
    const r3 = b!.backend.sync.receive(resealAs(a!, withHead({ ...head, signedAt: head.signedAt + 1 })), 'peer-under-test');
    expect(r3).toMatchObject({ status: 'refused', message: expect.stringMatching(/not carry a valid signature/) });

    const after = b!.backend.sync.vector();
    expect(after[a!.id]).toEqual(before[a!.id]);
    expect(after[b!.id]!.seq).toBe(before[b!.id]!.seq + 3); // the three audit entries
    // The honest batch is taken, head and all.
    expect(b!.backend.sync.receive(a!.backend.sync.collect(b!.backend.sync.vector()), 'a').status).toBe('applied');
  });
});

/** A station's own key, as a dishonest holder of its file could use it. */
function signerOf(s: Station) {
  const key = privateKeyFromPkcs8(fs.readFileSync(path.join(s.dataDir, KEY_FILE)));
  return { publicKey: rawPublicKey(key), sign: (bytes: Uint8Array | string) => signBytes(key, bytes) };
}
