/**
 * Which tables each contract method reads (null: any change), made at build time from the
 * contract by the `contract-reads` plugin in electron.vite.config.ts: the page learns
 * what a change makes stale without loading the contract and its validators.
 */
declare module 'virtual:contract-reads' {
  const reads: Record<string, readonly string[] | null>;
  export default reads;
}
