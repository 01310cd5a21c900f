import type { Deriver } from './db/writer';
import { deriveStock } from './domains/inventory/stock';
import { deriveRequests } from './domains/request/derive';
import { deriveStatus } from './domains/status/derive';

/**
 * Every value derived from the record, recomputed by the write path after each apply
 * (local or from another workstation): stock, requests, facility status. Stock comes before requests: nothing in a request's
 * board fields reads stock, but keeping one order keeps every workstation's work the same.
 */
export const derivers: readonly Deriver[] = [deriveStock, deriveRequests, deriveStatus];
