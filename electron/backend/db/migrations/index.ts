import { sql as foundation } from './001-foundation';
import { INCIDENT_FACT_TABLES, sql as incidents } from './002-incidents';
import { RESOURCE_FACT_TABLES, sql as resources } from './003-resources';
import { sql as sync } from './009-sync';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Forward only, numbered from 1, never edited once released. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'incidents', sql: incidents },
  { version: 3, name: 'resources', sql: resources },
  // Numbered 009 in the plan of the open issues; its version is its place in this list.
  { version: 4, name: 'sync', sql: sync },
];

export const LATEST_SCHEMA = migrations.length;

/** Tables whose rows are records of fact: insert-only and hash-chained. */
export const FACT_TABLES = new Set<string>(['audit_entries', ...INCIDENT_FACT_TABLES, ...RESOURCE_FACT_TABLES]);
