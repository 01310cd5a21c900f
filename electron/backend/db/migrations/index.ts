import { sql as foundation } from './001-foundation';
import { INCIDENT_FACT_TABLES, sql as incidents } from './002-incidents';
import { RESOURCE_FACT_TABLES, sql as resources } from './003-resources';
import { INTEGRITY_FACT_TABLES, sql as integrity } from './004-integrity';
import { AAR_FACT_TABLES, sql as aar } from './005-aar';
import { sql as map } from './006-map';
import { STATUS_FACT_TABLES, sql as status } from './007-status';
import { PREPAREDNESS_FACT_TABLES, sql as preparedness } from './008-preparedness';
import { sql as sync } from './009-sync';
import { sql as ux } from './010-ux';
import { sql as compact } from './011-compact';
import { sql as heardFrom } from './012-heard-from';
import { sql as lean } from './013-lean';
import { sql as keys } from './014-keys';
import { sql as statusIndex } from './015-status-index';
import { sql as logRows } from './016-log-rows';
import { sql as writePages } from './017-write-pages';
import { sql as rowidGuards } from './018-rowid-guards';
import { applied as sitrepBasisApplied, sql as sitrepBasis } from './019-sitrep-basis';

import type { Db } from '../open';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * For a migration SQLite cannot run twice (ADD COLUMN): true when the store already has
   * what it adds, and migrate() then only records its version. A store is never part-way
   * (each upgrade is one transaction); a store set back to an earlier version and migrated
   * again (the migration tests) is.
   */
  readonly applied?: (db: Db) => boolean;
}

/** Forward only, numbered from 1, never edited once released. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'incidents', sql: incidents },
  { version: 3, name: 'resources', sql: resources },
  { version: 4, name: 'integrity', sql: integrity },
  { version: 5, name: 'aar', sql: aar },
  { version: 6, name: 'map', sql: map },
  { version: 7, name: 'status', sql: status },
  { version: 8, name: 'preparedness', sql: preparedness },
  { version: 9, name: 'sync', sql: sync },
  { version: 10, name: 'ux', sql: ux },
  { version: 11, name: 'compact', sql: compact },
  { version: 12, name: 'heard-from', sql: heardFrom },
  { version: 13, name: 'lean', sql: lean },
  { version: 14, name: 'keys', sql: keys },
  { version: 15, name: 'status-index', sql: statusIndex },
  { version: 16, name: 'log-rows', sql: logRows },
  { version: 17, name: 'write-pages', sql: writePages },
  { version: 18, name: 'rowid-guards', sql: rowidGuards },
  { version: 19, name: 'sitrep-basis', sql: sitrepBasis, applied: sitrepBasisApplied },
];

export const LATEST_SCHEMA = migrations.length;

/** Tables whose rows are records of fact: insert-only and hash-chained. */
export const FACT_TABLES = new Set<string>([
  'audit_entries',
  ...INCIDENT_FACT_TABLES,
  ...RESOURCE_FACT_TABLES,
  ...INTEGRITY_FACT_TABLES,
  ...AAR_FACT_TABLES,
  ...STATUS_FACT_TABLES,
  ...PREPAREDNESS_FACT_TABLES,
]);

/**
 * Tables that are only ever added to besides the records of fact: their rows are refused
 * UPDATE, DELETE and REPLACE by the schema, and the verifier checks the guards are there.
 */
export const APPEND_ONLY_TABLES = new Set<string>([
  // The chain's links: a view of chain_links since migration 11 (see 011-compact.ts).
  'chain_links',
  'chain_origins',
  'chain_tables',
  'changes',
  'timeline',
  'chain_heads',
  // Since migration 16 the names a log entry holds (its operator, position, category…) are
  // kept here once each, so its guards protect records of fact: a row renamed here renames
  // every entry that carries it.
  'timeline_refs',
  // A plan version's sections (migration 8): a record's parts, never rewritten.
  'plan_sections',
]);
