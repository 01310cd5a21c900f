import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileKeyStore } from '../../../electron/backend/identity/key-store';
import { openIdentity } from '../../../electron/backend/identity/identity';
import { fingerprintOf } from '../../../electron/backend/identity/keys';
import { witnessLine } from '../../../electron/backend/integrity/heads';
import { recordNoun } from '../../../electron/backend/integrity/problem';
import { verifySteps } from '../../../electron/backend/integrity/verify';
import { parseWitnessLine, witnessOfHead } from '../../../electron/backend/integrity/witnesses';
import { UNSIGNED_TAIL_MAX } from '../../../shared/domain/canonical';
import { tempDir } from '../helpers/backend';
import { asAttacker, copyOf, links, localWorkstation, makeDemoStore, middleLink, newestSignedHead, rehashFrom, resign, verify } from './demo-store';

/**
 * Tamper classes applied to copies of the demonstration store, each as an attacker with
 * the file in hand would do it (guards dropped and put back). Each is detected and the
 * right record, or the right gap, is named.
 */
let demo: string;
beforeAll(async () => {
  demo = await makeDemoStore();
});
afterAll(() => fs.rmSync(path.dirname(demo), { recursive: true, force: true }));

const kinds = (r: ReturnType<typeof verify>) => r.problems.map((p) => p.kind);

describe('the verifier on a tampered demonstration store', () => {
  it('finds the untouched demonstration store intact, every link vouched for by a signed head', () => {
    const db = copyOf(demo);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.checkedLinks).toBeGreaterThan(150);
    expect(r.vouched?.seq).toBe(links(db, localWorkstation(db)).at(-1)!.seq);
  });

  it('1. one byte of a log entry’s text: names that entry', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'log_entries');
    asAttacker(db, ['log_entries'], () => db.prepare("UPDATE log_entries SET text = substr(text, 1, 3) || 'X' || substr(text, 5) WHERE id = ?").run(victim.row_id));
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'log_entries', rowId: victim.row_id, seq: victim.seq })]);
  });

  it('2. a time (when a decision happened): names that decision', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'decisions');
    asAttacker(db, ['decisions'], () => db.prepare('UPDATE decisions SET occurred_at = occurred_at - 60000 WHERE id = ?').run(victim.row_id));
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'decisions', rowId: victim.row_id })]);
  });

  it('3. an author (who recorded a message): names that message', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'messages');
    asAttacker(db, ['messages'], () => db.prepare("UPDATE messages SET operator_name = 'Someone Else' WHERE id = ?").run(victim.row_id));
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'altered', table: 'messages', rowId: victim.row_id })]);
  });

  it('4. a record deleted, its link left: names the record as deleted', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'log_entries');
    asAttacker(db, ['log_entries'], () => db.prepare('DELETE FROM log_entries WHERE id = ?').run(victim.row_id));
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'deleted', rowId: victim.row_id, seq: victim.seq })]);
  });

  it('5. a record deleted with its link: names the missing link and the records on either side', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const victim = middleLink(db, ws, 'decisions');
    const all = links(db, ws);
    const before = all.find((l) => l.seq === victim.seq - 1)!;
    const after = all.find((l) => l.seq === victim.seq + 1)!;
    asAttacker(db, ['decisions', 'fact_chain'], () => {
      db.prepare('DELETE FROM decisions WHERE id = ?').run(victim.row_id);
      db.prepare('DELETE FROM fact_chain WHERE workstation_id = ? AND seq = ?').run(ws, victim.seq);
    });
    const r = verify(db);
    expect(r.problems).toEqual([expect.objectContaining({ kind: 'missing', seq: victim.seq, range: { from: victim.seq, to: victim.seq } })]);
    expect(r.problems[0]!.problem).toContain(`between ${recordNoun(before.table_name)} ${before.row_id} (link ${before.seq})`);
    expect(r.problems[0]!.problem).toContain(`and ${recordNoun(after.table_name)} ${after.row_id} (link ${after.seq})`);
  });

  /** Appends `n` forged log entries with correctly computed links after the chain's end, as an attacker without the key would. */
  function appendForged(db: ReturnType<typeof copyOf>, n: number) {
    const ws = localWorkstation(db);
    const last = links(db, ws).at(-1)!;
    const entry = db.prepare('SELECT * FROM log_entries LIMIT 1').get() as Record<string, unknown>;
    const ids: string[] = [];
    asAttacker(db, ['log_entries', 'fact_chain'], () => {
      for (let i = 1; i <= n; i++) {
        const forged = { ...entry, id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, text: 'Generator fuel delivered (never happened)' };
        const cols = Object.keys(forged);
        db.prepare(`INSERT INTO log_entries (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run(forged);
        db.prepare('INSERT INTO fact_chain (workstation_id, seq, table_name, row_id, prev_hash, hash, canon_version) VALUES (?,?,?,?,?,?,1)').run(ws, last.seq + i, 'log_entries', forged.id, 'x', 'x');
        ids.push(forged.id);
      }
      rehashFrom(db, ws, last.seq + 1);
    });
    return { last, ids };
  }

  it('6. forged records with correctly computed links added at the end, more than a crash can leave unsigned: named as added without the key', () => {
    const db = copyOf(demo);
    const { last, ids } = appendForged(db, UNSIGNED_TAIL_MAX + 1);
    expect(verify(db).problems).toEqual([
      expect.objectContaining({ kind: 'unsigned', seq: last.seq + 1, range: { from: last.seq + 1, to: last.seq + ids.length } }),
    ]);
  });

  it('6b. the documented limit: a forged record added at the end, within the tail a crash can leave unsigned, reads as not signed yet (a note, not a problem)', () => {
    const db = copyOf(demo);
    const { last } = appendForged(db, 1);
    const r = verify(db);
    expect(r.problems).toEqual([]);
    expect(r.notes).toEqual([expect.stringContaining(`Link ${last.seq + 1} of this workstation's chain is not signed yet`)]);
  });

  it('7. two records swapped in the chain: names both', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const a = middleLink(db, ws, 'log_entries');
    const b = middleLink(db, ws, 'messages');
    asAttacker(db, ['fact_chain'], () => {
      db.prepare('UPDATE fact_chain SET seq = -1 WHERE workstation_id = ? AND seq = ?').run(ws, a.seq);
      db.prepare('UPDATE fact_chain SET seq = ? WHERE workstation_id = ? AND seq = ?').run(a.seq, ws, b.seq);
      db.prepare('UPDATE fact_chain SET seq = ? WHERE workstation_id = ? AND seq = -1').run(b.seq, ws);
    });
    const altered = verify(db).problems.filter((p) => p.kind === 'altered');
    expect(altered.map((p) => p.rowId).sort()).toEqual([a.row_id, b.row_id].sort());
  });

  it('8. a record edited with its own hash recomputed: names that record, not the innocent next one', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const victim = middleLink(db, ws, 'log_entries');
    asAttacker(db, ['log_entries', 'fact_chain'], () => {
      db.prepare("UPDATE log_entries SET text = 'All quiet' WHERE id = ?").run(victim.row_id);
      const after = links(db, ws).filter((l) => l.seq > victim.seq);
      rehashFrom(db, ws, victim.seq);
      // ...but only its own link: every later link is put back as it was.
      const put = db.prepare('UPDATE fact_chain SET prev_hash = ?, hash = ? WHERE workstation_id = ? AND seq = ?');
      for (const l of after) put.run(l.prev_hash, l.hash, ws, l.seq);
    });
    const r = verify(db);
    const blamed = r.problems.filter((p) => p.kind === 'altered').map((p) => p.rowId);
    expect(blamed).toEqual([victim.row_id]);
  });

  it('9. the whole chain recomputed after an edit: the signed heads name the stretch that holds the edited record', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const victim = middleLink(db, ws, 'decisions');
    asAttacker(db, ['decisions', 'fact_chain'], () => {
      db.prepare("UPDATE decisions SET decision = 'Do nothing' WHERE id = ?").run(victim.row_id);
      rehashFrom(db, ws, victim.seq);
    });
    const r = verify(db);
    expect(kinds(r)).toEqual(['rewritten']);
    const { from, to } = r.problems[0]!.range!;
    expect(victim.seq).toBeGreaterThanOrEqual(from);
    expect(victim.seq).toBeLessThanOrEqual(to);
    expect(to - from).toBeLessThan(32); // heads are signed at least every 32 links
  });

  it('10. the whole chain recomputed and the heads after the edit removed: the links after the last signed head are named', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const victim = middleLink(db, ws, 'decisions');
    asAttacker(db, ['decisions', 'fact_chain', 'chain_heads'], () => {
      db.prepare("UPDATE decisions SET decision = 'Do nothing' WHERE id = ?").run(victim.row_id);
      rehashFrom(db, ws, victim.seq);
      db.prepare('DELETE FROM chain_heads WHERE seq >= ?').run(victim.seq);
    });
    const r = verify(db);
    expect(kinds(r)).toEqual(['unsigned']);
    expect(victim.seq).toBeGreaterThanOrEqual(r.problems[0]!.range!.from);
  });

  it('11. the tail cut off with its heads, exactly at an earlier signed head: only the anchor file can tell, and names the links gone', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const anchor = witnessOfHead(newestSignedHead(db, ws)!, 'anchor file /media/usb/eoc.anchor');
    const last = links(db, ws).at(-1)!.seq;
    const cutAfter = (db.prepare('SELECT max(seq) AS s FROM chain_heads WHERE seq < ?').get(last - 3) as { s: number }).s;
    const cut = links(db, ws).filter((x) => x.seq > cutAfter);
    asAttacker(db, ['fact_chain', 'chain_heads', ...new Set(cut.map((l) => l.table_name))], () => {
      for (const l of cut) {
        db.prepare(`DELETE FROM ${l.table_name} WHERE id = ?`).run(l.row_id);
        db.prepare('DELETE FROM fact_chain WHERE workstation_id = ? AND seq = ?').run(ws, l.seq);
      }
      db.prepare('DELETE FROM chain_heads WHERE seq > ?').run(cutAfter);
    });
    const chainOnly = (r: ReturnType<typeof verify>) => r.problems.filter((p) => p.kind !== 'derived' && p.kind !== 'outbox');
    expect(chainOnly(verify(db))).toEqual([]); // the file alone cannot tell
    expect(chainOnly(verify(db, { witnesses: [anchor] }))).toEqual([
      expect.objectContaining({ kind: 'truncated', range: { from: cutAfter + 1, to: last }, problem: expect.stringContaining('anchor file /media/usb/eoc.anchor') }),
    ]);
  });

  it('12. the tail cut off but its signed head left: the file itself says so', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const all = links(db, ws);
    const lastLink = all.at(-1)!;
    asAttacker(db, ['fact_chain', lastLink.table_name], () => {
      db.prepare(`DELETE FROM ${lastLink.table_name} WHERE id = ?`).run(lastLink.row_id);
      db.prepare('DELETE FROM fact_chain WHERE workstation_id = ? AND seq = ?').run(ws, lastLink.seq);
    });
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'truncated', range: { from: lastLink.seq, to: lastLink.seq } })]);
  });

  it('13. INSERT OR REPLACE over a record of fact is refused by the store, and the record stays as written', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'log_entries');
    const row = db.prepare('SELECT * FROM log_entries WHERE id = ?').get(victim.row_id) as Record<string, unknown>;
    const cols = Object.keys(row);
    const replace = db.prepare(`INSERT OR REPLACE INTO log_entries (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`);
    expect(() => replace.run({ ...row, text: 'rewritten' })).toThrow(/append-only/);
    db.pragma('recursive_triggers = ON');
    expect(() => replace.run({ ...row, text: 'rewritten' })).toThrow(/append-only/);
    expect(db.prepare('SELECT text FROM log_entries WHERE id = ?').get(victim.row_id)).toEqual({ text: row.text });
    expect(verify(db).problems).toEqual([]);
  });

  it('13b. INSERT OR REPLACE naming an existing row’s rowid with a new id (a log entry, a decision, a status report) is refused in words, and the row stays as written', () => {
    const db = copyOf(demo);
    // log_entries is a view over log_rows (migration 16): the rowid is log_rows'.
    for (const table of ['log_rows', 'decisions', 'status_reports']) {
      const row = db.prepare(`SELECT rowid AS rowid_, * FROM ${table} ORDER BY rowid LIMIT 1 OFFSET 1`).get() as Record<string, unknown> | undefined;
      expect(row, table).toBeDefined();
      const { rowid_: rowid, ...original } = row!;
      const cols = Object.keys(original);
      const count = db.prepare(`SELECT count(*) FROM ${table}`).pluck();
      const before = count.get();
      const replace = db.prepare(`INSERT OR REPLACE INTO ${table} (rowid, ${cols.join(',')}) VALUES (@rowid, ${cols.map((c) => '@' + c).join(',')})`);
      expect(() => replace.run({ ...original, rowid, id: '01900000-0000-7000-8000-00000000beef' }), table).toThrow(
        /is append-only: a row with this key or rowid already exists and cannot be replaced/,
      );
      expect(db.prepare(`SELECT * FROM ${table} WHERE rowid = ?`).get(rowid), table).toEqual(original);
      expect(count.get(), table).toBe(before);
    }
    expect(verify(db).problems).toEqual([]);
  });

  it('14. INSERT OR REPLACE after the guards are dropped: the rewritten record is named', () => {
    const db = copyOf(demo);
    const victim = middleLink(db, localWorkstation(db), 'log_entries');
    const row = db.prepare('SELECT * FROM log_entries WHERE id = ?').get(victim.row_id) as Record<string, unknown>;
    const cols = Object.keys(row);
    asAttacker(db, ['log_entries'], () =>
      db.prepare(`INSERT OR REPLACE INTO log_entries (${cols.join(',')}) VALUES (${cols.map((c) => '@' + c).join(',')})`).run({ ...row, text: 'rewritten' }),
    );
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'altered', rowId: victim.row_id })]);
  });

  it('15. a request’s status edited: names the request, recomputed from its steps', () => {
    const db = copyOf(demo);
    const req = db.prepare("SELECT id, number FROM requests WHERE status = 'sourcing' LIMIT 1").get() as { id: string; number: string };
    db.prepare("UPDATE requests SET status = 'closed' WHERE id = ?").run(req.id); // a mutable table: no guard to drop
    const r = verify(db);
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'derived', table: 'requests', rowId: req.id, problem: expect.stringContaining(req.number) }));
  });

  it('16. stock allocated edited: names the item, recomputed from its movements', () => {
    const db = copyOf(demo);
    const item = db.prepare('SELECT inventory_id AS id FROM inventory_stock WHERE allocated > 0 LIMIT 1').get() as { id: string };
    db.prepare('UPDATE inventory_stock SET allocated = allocated - 1 WHERE inventory_id = ?').run(item.id);
    expect(verify(db).problems).toContainEqual(expect.objectContaining({ kind: 'derived', table: 'inventory', rowId: item.id }));
  });

  it('17. guards dropped (and nothing else yet): names each missing guard', () => {
    const db = copyOf(demo);
    db.exec('DROP TRIGGER log_entries_no_update; DROP TRIGGER chain_links_no_replace');
    const r = verify(db);
    expect(r.problems.map((p) => [p.kind, p.table])).toEqual([
      ['guard', 'log_entries'],
      ['guard', 'chain_links'],
    ]);
  });

  it('18. a mutable record edited outside the console: the outbox check names it', () => {
    const db = copyOf(demo);
    const org = db.prepare('SELECT id FROM organisations LIMIT 1').get() as { id: string };
    db.prepare("UPDATE organisations SET name = 'Renamed Hospital' WHERE id = ?").run(org.id);
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'outbox', table: 'organisations', rowId: org.id })]);
  });

  it('19. a record slipped in outside any chain: named', () => {
    const db = copyOf(demo);
    db.prepare("INSERT INTO audit_entries (id, workstation_id, recorded_at, occurred_at, action, detail) VALUES ('slipped-in', 'w', 0, 0, 'x', '{}')").run();
    expect(verify(db).problems).toEqual([expect.objectContaining({ kind: 'not-chained', rowId: 'slipped-in' })]);
  });

  it('19b. records slipped in anywhere in a long table: all named, the table looked at a range of rows at a time with pauses between', () => {
    const db = copyOf(demo);
    const insert = db.prepare("INSERT INTO audit_entries (id, workstation_id, recorded_at, occurred_at, action, detail) VALUES (?, 'w', 0, 0, 'x', '{}')");
    const first = Number(insert.run('slipped-in-first').lastInsertRowid);
    for (let i = 0; i < 12; i++) insert.run(`slipped-in-${i}`);
    const last = Number(insert.run('slipped-in-last').lastInsertRowid);
    expect(last - first).toBe(13);
    const named = verify(db, { orphanRange: 5 }).problems.filter((p) => p.kind === 'not-chained').map((p) => p.rowId);
    expect(named).toHaveLength(14);
    expect(named).toEqual(expect.arrayContaining(['slipped-in-first', 'slipped-in-last']));
    // Each range of rows is its own step of the background check: it pauses between them.
    const pauses = (orphanRange: number) => {
      const steps = verifySteps(db, { orphanRange });
      let n = 0;
      while (!steps.next().done) n++;
      return n;
    };
    expect(pauses(5)).toBeGreaterThan(pauses(1_000_000) + 2);
  });

  it('19c. records slipped in at far-off rowids, negative or near 2^52: named, and the check still ends at once', () => {
    const db = copyOf(demo);
    const insert = db.prepare("INSERT INTO audit_entries (rowid, id, workstation_id, recorded_at, occurred_at, action, detail) VALUES (?, ?, 'w', 0, 0, 'x', '{}')");
    insert.run(-7, 'slipped-in-below');
    insert.run(2 ** 52, 'slipped-in-far');
    let steps = 0;
    const run = verifySteps(db, { orphanRange: 5 });
    let r = run.next();
    while (!r.done && steps < 10_000) {
      steps++;
      r = run.next();
    }
    expect(r.done).toBe(true);
    const named = (r.value as ReturnType<typeof verify>).problems.filter((p) => p.kind === 'not-chained').map((p) => p.rowId);
    expect(named.sort()).toEqual(['slipped-in-below', 'slipped-in-far']);
  });

  it('20. the chain recomputed and re-signed with another key: the anchor names the key it knows', async () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const anchor = witnessOfHead(newestSignedHead(db, ws)!, 'anchor file /media/usb/eoc.anchor');
    const attacker = await openIdentity(fileKeyStore(path.join(tempDir(), 'attacker.pem')));
    const keyLink = links(db, ws).find((l) => l.table_name === 'workstation_keys')!;
    const victim = middleLink(db, ws, 'decisions');
    asAttacker(db, ['workstation_keys', 'decisions', 'fact_chain', 'chain_heads'], () => {
      db.prepare('UPDATE workstation_keys SET public_key = ?, fingerprint = ?').run(attacker.publicKey, attacker.fingerprint);
      db.prepare("UPDATE decisions SET decision = 'Do nothing' WHERE id = ?").run(victim.row_id);
      rehashFrom(db, ws, keyLink.seq);
      db.exec('DELETE FROM chain_heads');
      resign(db, ws, attacker);
    });
    expect(verify(db).problems).toEqual([]); // consistent in itself: only a witness can tell
    const r = verify(db, { witnesses: [anchor] });
    expect(r.problems).toContainEqual(
      expect.objectContaining({ kind: 'foreign-key', problem: expect.stringContaining(`by key ${fingerprintOf(anchor.publicKey!)}, but the file enrols ${attacker.fingerprint}`) }),
    );
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'rewritten' }));
  });

  it('21. heads re-signed with a key the workstation never enrolled: named from the file alone', async () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const attacker = await openIdentity(fileKeyStore(path.join(tempDir(), 'attacker.pem')));
    const victim = middleLink(db, ws, 'log_entries');
    asAttacker(db, ['log_entries', 'fact_chain', 'chain_heads'], () => {
      db.prepare("UPDATE log_entries SET text = 'All quiet' WHERE id = ?").run(victim.row_id);
      rehashFrom(db, ws, victim.seq);
      db.prepare('DELETE FROM chain_heads WHERE seq >= ?').run(victim.seq);
      resign(db, ws, attacker);
    });
    expect(kinds(verify(db))).toEqual(expect.arrayContaining(['foreign-key']));
  });

  it('22. a printed footer read back by a person catches a chain recomputed since the print', () => {
    const db = copyOf(demo);
    const ws = localWorkstation(db);
    const printed = witnessLine(newestSignedHead(db, ws)!);
    const victim = middleLink(db, ws, 'log_entries');
    asAttacker(db, ['log_entries', 'fact_chain', 'chain_heads'], () => {
      db.prepare("UPDATE log_entries SET text = 'All quiet' WHERE id = ?").run(victim.row_id);
      rehashFrom(db, ws, victim.seq);
      db.prepare('DELETE FROM chain_heads WHERE seq >= ?').run(victim.seq);
    });
    const r = verify(db, { witnesses: [parseWitnessLine(printed)] });
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'rewritten', problem: expect.stringContaining('printed footer') }));
  });

  it('23. a name many log entries share, renamed once where the log keeps it (timeline_refs, schema 16): its missing guard is named, and so is every entry that carried it and the name itself', () => {
    const db = copyOf(demo);
    const { ref, n } = db
      .prepare('SELECT o.ref, count(*) AS n FROM log_rows l JOIN timeline_refs o ON o.n = l.op GROUP BY l.op HAVING count(*) >= 2 ORDER BY n DESC LIMIT 1')
      .get() as { ref: string; n: number };
    const guard = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'timeline_refs_no_update'").pluck().get() as string;
    db.exec('DROP TRIGGER timeline_refs_no_update');
    db.prepare("UPDATE timeline_refs SET ref = 'Mallory' WHERE ref = ?").run(ref);
    const r = verify(db);
    expect(r.problems).toContainEqual(expect.objectContaining({ kind: 'guard', table: 'timeline_refs' }));
    expect(r.problems.filter((p) => p.kind === 'altered' && p.table === 'log_entries')).toHaveLength(n);
    // The shared name behind them is named too: what it reads now and how many entries carry
    // it, with the other names carried by exactly the same entries (here the operator's
    // position and its title), which the entries' hashes cannot tell apart from it.
    const named = [expect.stringMatching(new RegExp(`^The same ${n} log entries, every one of them named altered, carry the operator name "Mallory" \\(number \\d+\\), the position title .* one of these was probably changed there`))];
    expect(r.notes).toEqual(named);
    // The guard put back: every entry carrying the renamed name is still named, and the name.
    db.exec(guard);
    const again = verify(db);
    expect(again.problems.map((p) => [p.kind, p.table])).toEqual(Array.from({ length: n }, () => ['altered', 'log_entries']));
    expect(again.notes).toEqual(named);

    // A category used by several operators: named alone.
    const other = copyOf(demo);
    const cat = other
      .prepare('SELECT o.ref, count(*) AS n FROM log_rows l JOIN timeline_refs o ON o.n = l.cat GROUP BY l.cat HAVING count(DISTINCT l.op) >= 2 ORDER BY n DESC LIMIT 1')
      .get() as { ref: string; n: number };
    asAttacker(other, ['timeline_refs'], () => other.prepare("UPDATE timeline_refs SET ref = 'Rumour' WHERE ref = ?").run(cat.ref));
    expect(verify(other).notes).toEqual([
      expect.stringMatching(new RegExp(`^The category "Rumour" \\(number \\d+\\) is carried by ${cat.n} log entries, every one of them named altered: it is kept once for them all in timeline_refs`)),
    ]);
  });
});
