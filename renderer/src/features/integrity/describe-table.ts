const NAMES: Record<string, string> = {
  log_entries: 'Log entry (ICS 214)',
  decisions: 'Decision',
  messages: 'Message (ICS 213)',
  message_replies: 'Message reply',
  significant_proposals: 'Significant event proposal',
  significant_reviews: 'Significant event review',
  checklist_ticks: 'Checklist tick',
  incidents: 'Incident',
  periods: 'Operational period',
  staffing: 'Staffing',
  objectives: 'Objective',
  audit_entries: 'Audit entry',
  request_events: 'Request step',
  request_fills: 'Request fill',
  allocations: 'Stock movement',
  requests: 'Request',
  inventory: 'Inventory item',
  organisations: 'Organisation',
  contacts: 'Contact',
  agreements: 'Agreement',
  workstation_keys: 'Workstation key',
  chain_heads: 'Signed chain head',
  fact_chain: 'Chain link',
  changes: 'Change record',
  timeline: 'Timeline index',
};

/** Table names in the words an operator uses; unknown ones shown as stored. */
export function describeTable(table: string): string {
  return NAMES[table] ?? table;
}
