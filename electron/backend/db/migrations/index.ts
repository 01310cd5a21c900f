import { sql as foundation } from './001-foundation';
import { INCIDENT_FACT_TABLES, sql as incidents } from './002-incidents';
import { RESOURCE_FACT_TABLES, sql as resources } from './003-resources';
import { sql as ux } from './010-ux';

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
  // Issue 12's migration, numbered 010 for the merge; the integrator places it in sequence.
  { version: 4, name: 'ux', sql: ux },
];

export const LATEST_SCHEMA = migrations.length;

/** Tables whose rows are records of fact: insert-only and hash-chained. */
export const FACT_TABLES = new Set<string>(['audit_entries', ...INCIDENT_FACT_TABLES, ...RESOURCE_FACT_TABLES]);
