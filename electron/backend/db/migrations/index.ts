import { sql as foundation } from './001-foundation';
import { INCIDENT_FACT_TABLES, sql as incidents } from './002-incidents';
import { RESOURCE_FACT_TABLES, sql as resources } from './003-resources';
import { STATUS_FACT_TABLES, sql as status } from './005-status';

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
  // Assigned number 5 (005-status.ts); 4 belongs to another branch, so it runs as the next
  // number here and the integrator renumbers at merge.
  { version: 4, name: 'status', sql: status },
];

export const LATEST_SCHEMA = migrations.length;

/** Tables whose rows are records of fact: insert-only and hash-chained. */
export const FACT_TABLES = new Set<string>(['audit_entries', ...INCIDENT_FACT_TABLES, ...RESOURCE_FACT_TABLES, ...STATUS_FACT_TABLES]);
