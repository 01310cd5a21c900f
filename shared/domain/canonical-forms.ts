import type { CanonicalForms } from './canonical';

/** The columns every record of fact carries: who, where, when recorded, when it happened. */
const FACT = ['id', 'workstation_id', 'operator_name', 'position_title', 'recorded_at', 'occurred_at'] as const;

/**
 * The frozen canonical column list of every record-of-fact table, per version (the first
 * entry is version 1). A chain link's hash covers exactly the columns of the version it
 * records, never `SELECT *`, so a column added later does not break an old chain.
 *
 * Rules (tests/backend/integrity/canonical-forms.test.ts keeps them):
 * - every fact table has a list, and its newest list is exactly the table's columns;
 * - a released version is never edited: adding a column to a fact table appends a new
 *   version (the old list plus the column) in the same change as its migration;
 * - a column a version covers is never dropped from the table.
 *
 * Version 1 of the tables that existed before versions did is their column set at the
 * time, which is what their links were hashed over.
 */
export const CANONICAL_FORMS: CanonicalForms = {
  audit_entries: [[...FACT, 'action', 'detail']],
  log_entries: [
    [...FACT, 'incident_id', 'position_id', 'category', 'text', 'source', 'transcribed', 'corrects_id'],
    // Version 2 (migration 12): the station or person a radio or phone entry was heard from.
    [...FACT, 'incident_id', 'position_id', 'category', 'text', 'source', 'transcribed', 'corrects_id', 'heard_from'],
  ],
  decisions: [
    [
      ...FACT,
      'incident_id',
      'title',
      'decision',
      'options',
      'rationale',
      'authority',
      'made_by_name',
      'made_by_position_id',
      'made_by_position_title',
      'links',
      'snapshot',
      'supersedes_id',
    ],
  ],
  messages: [
    [
      ...FACT,
      'incident_id',
      'position_id',
      'direction',
      'via',
      'priority',
      'to_name',
      'to_position',
      'from_name',
      'from_position',
      'subject',
      'body',
      'approved_by_name',
      'approved_by_position',
      'transcribed',
    ],
  ],
  message_replies: [[...FACT, 'incident_id', 'message_id', 'reply', 'replied_by_name', 'replied_by_position']],
  significant_proposals: [[...FACT, 'incident_id', 'entry_id', 'proposer_position_id', 'note']],
  significant_reviews: [[...FACT, 'incident_id', 'proposal_id', 'entry_id', 'approved', 'approver_position_id', 'note']],
  checklist_ticks: [[...FACT, 'incident_id', 'item_id', 'done', 'note']],
  request_events: [[...FACT, 'request_id', 'action', 'from_status', 'to_status', 'note', 'detail']],
  request_fills: [
    [
      ...FACT,
      'request_id',
      'line_id',
      'event_id',
      'kind',
      'withdraws_fill_id',
      'source',
      'quantity',
      'inventory_id',
      'organisation_id',
      'agreement_id',
      'source_name',
      'supplier_name',
      'supplier_contact',
      'order_number',
      'order_placed_by',
      'estimated_arrival',
      'cost_cents',
      'reason',
    ],
  ],
  allocations: [
    [...FACT, 'inventory_id', 'request_id', 'line_id', 'fill_id', 'event_id', 'movement', 'settles_id', 'quantity'],
  ],
  // Migration 4: a workstation's public signing key, enrolled as a record of fact.
  workstation_keys: [[...FACT, 'public_key', 'fingerprint', 'algorithm', 'reason', 'replaces_fingerprint']],
  aar_section_revisions: [[...FACT, 'report_id', 'section', 'text', 'base_ids']],
  aar_action_events: [[...FACT, 'action_id', 'report_id', 'status', 'note']],
  status_reports: [
    [...FACT, 'organisation_id', 'incident_id', 'status_request_id', 'source', 'reported_by', 'note', 'vals', 'flags', 'import_ref'],
  ],
  status_requests: [[...FACT, 'incident_id', 'title', 'message', 'type_ids', 'organisation_ids', 'selection', 'deadline']],
  sitrep_versions: [[...FACT, 'sitrep_id', 'incident_id', 'period_id', 'version', 'supersedes_id', 'content']],
  plan_versions: [
    [...FACT, 'plan_id', 'version_label', 'effective_on', 'review_on', 'file_name', 'media_type', 'bytes', 'sha256', 'stored_name', 'extraction', 'extraction_note', 'supersedes_id', 'note'],
  ],
  decision_citations: [[...FACT, 'decision_id', 'plan_id', 'version_id', 'section_ordinal', 'label']],
  activation_sheets: [[...FACT, 'version', 'content', 'note', 'demo']],
  calldowns: [[...FACT, 'incident_id', 'title', 'source']],
  calldown_targets: [[...FACT, 'calldown_id', 'ordinal', 'contact_id', 'contact_name', 'organisation_name', 'discipline', 'role', 'phone']],
  calldown_attempts: [[...FACT, 'calldown_id', 'target_id', 'outcome', 'acknowledged_by', 'note']],
  alerts: [
    [...FACT, 'identifier', 'incident_id', 'template', 'status', 'msg_type', 'headline', 'event', 'area_desc', 'sent_text', 'expires_at', 'references_id', 'xml', 'sha256', 'demo'],
  ],
};
