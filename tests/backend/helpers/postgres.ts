import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster in a temp folder, for the hub's tests: initdb and pg_ctl
 * from Debian's postgresql package (/usr/lib/postgresql/<version>/bin, the newest found),
 * listening only on a Unix socket in that folder. PostgreSQL refuses to run as root, so
 * as root the cluster belongs to the `postgres` user (or `nobody`) and runs as it.
 */
export interface TempCluster {
  /** postgres://... URL of the cluster's `postgres` database. */
  readonly url: string;
  /** A URL for a new, empty database of the cluster. */
  newDatabase(name: string): Promise<string>;
  stop(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length) throw new Error("PostgreSQL's server programs are not installed (Debian: apt-get install postgresql); the hub's tests need them");
  return path.join(root, versions[0]!, 'bin');
}

function runAsUser(): string | null {
  if (process.getuid?.() !== 0) return null;
  for (const u of ['postgres', 'nobody']) if (spawnSync('id', ['-u', u]).status === 0) return u;
  throw new Error('Running as root, and neither a postgres nor a nobody user exists to run PostgreSQL as');
}

export function startTempCluster(): TempCluster {
  const bin = binDir();
  const user = runAsUser();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eoc-pg-'));
  const data = path.join(dir, 'data');
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    if (user) execFileSync('runuser', ['-u', user, '--', full, ...args], { stdio: 'pipe' });
    else execFileSync(full, args, { stdio: 'pipe' });
  };
  if (user) {
    fs.chmodSync(dir, 0o700);
    execFileSync('chown', [user, dir]);
  }
  const dbUser = user ?? os.userInfo().username;
  run('initdb', ['-D', data, '-U', dbUser, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
  // A socket only (no TCP port to collide with another run); fsync off: a test cluster.
  const port = 20000 + Math.floor(Math.random() * 20000);
  const opts = `-c listen_addresses='' -k ${dir} -p ${port} -c fsync=off -c full_page_writes=off -c synchronous_commit=off`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'log'), '-w', '-t', '60', 'start']);
  const urlFor = (db: string) => `postgres://${encodeURIComponent(dbUser)}@/${db}?host=${encodeURIComponent(dir)}&port=${port}`;
  let stopped = false;
  return {
    url: urlFor('postgres'),
    async newDatabase(name) {
      if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
      const c = new pg.Client({ connectionString: urlFor('postgres') });
      await c.connect();
      try {
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
      return urlFor(name);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
