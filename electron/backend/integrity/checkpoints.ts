import type { Db } from '../db/open';

/** Where the last clean check got to (local state: see migration 4). */
export interface Checkpoints {
  chains: Map<string, { seq: number; hash: string }>;
  /** Per fact table, the highest rowid checked for records outside any chain. */
  rowsSeen: Map<string, number>;
  outboxHlc: string;
}

const OUTBOX = 'changes';
/** Scopes of the rowid marks; a workstation id never starts with this. */
const ROWS = 'rows:';

export function readCheckpoints(db: Db): Checkpoints {
  const rows = db.prepare('SELECT scope, seq, mark FROM local_integrity_checkpoints').all() as { scope: string; seq: number; mark: string }[];
  const chains = new Map<string, { seq: number; hash: string }>();
  const rowsSeen = new Map<string, number>();
  let outboxHlc = '';
  for (const r of rows) {
    if (r.scope === OUTBOX) outboxHlc = r.mark;
    else if (r.scope.startsWith(ROWS)) rowsSeen.set(r.scope.slice(ROWS.length), r.seq);
    else chains.set(r.scope, { seq: r.seq, hash: r.mark });
  }
  return { chains, rowsSeen, outboxHlc };
}

export function saveCheckpoints(db: Db, cp: Checkpoints, at: number): void {
  const put = db.prepare(
    `INSERT INTO local_integrity_checkpoints (scope, seq, mark, verified_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(scope) DO UPDATE SET seq = excluded.seq, mark = excluded.mark, verified_at = excluded.verified_at`,
  );
  db.transaction(() => {
    for (const [w, end] of cp.chains) if (w !== OUTBOX && !w.startsWith(ROWS)) put.run(w, end.seq, end.hash, at);
    for (const [t, max] of cp.rowsSeen) put.run(`${ROWS}${t}`, max, '', at);
    put.run(OUTBOX, 0, cp.outboxHlc, at);
  })();
}
