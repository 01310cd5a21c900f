import type { TimelineItem, TimelineKind } from '../../../../shared/contract';
import type { EntrySource } from '../../../../shared/domain/incident-rules';
import { ACTION_LABELS, STATUS_LABELS, type RequestAction, type RequestStatus } from '../../../../shared/domain/request-state';
import type { Db } from '../../db/open';
import type { TimelineRow } from './queries';

const SUMMARY_MAX = 500;
const clip = (s: string) => (s.length > SUMMARY_MAX ? `${s.slice(0, SUMMARY_MAX - 1)}…` : s);

/** What each kind contributes to a timeline row, read from its record of fact. */
interface Detail {
  id: string;
  recorded_at: number;
  position_id: string | null;
  operator_name: string | null;
  position_title: string | null;
  category: string | null;
  summary: string;
  source: EntrySource | null;
  transcribed: number;
  ref_id: string | null;
  replaced: number;
  significant: number;
}

const IDS = 'IN (SELECT value FROM json_each(@ids))';

const DETAIL_SQL: Record<TimelineKind, string> = {
  entry: `SELECT e.id, e.recorded_at, e.position_id, e.operator_name, e.position_title, e.category,
            CASE WHEN e.heard_from IS NULL THEN e.text ELSE 'From ' || e.heard_from || ': ' || e.text END AS summary,
            e.source, e.transcribed, e.corrects_id AS ref_id,
            EXISTS (SELECT 1 FROM log_entries c WHERE c.corrects_id = e.id) AS replaced,
            EXISTS (SELECT 1 FROM significant_reviews r WHERE r.entry_id = e.id AND r.approved = 1) AS significant
          FROM log_entries e WHERE e.id ${IDS}`,
  decision: `SELECT d.id, d.recorded_at, d.made_by_position_id AS position_id, d.operator_name, d.position_title, NULL AS category,
            d.title || ': ' || d.decision AS summary, NULL AS source, 0 AS transcribed, d.supersedes_id AS ref_id,
            EXISTS (SELECT 1 FROM decisions s WHERE s.supersedes_id = d.id) AS replaced, 0 AS significant
          FROM decisions d WHERE d.id ${IDS}`,
  message: `SELECT m.id, m.recorded_at, m.position_id, m.operator_name, m.position_title, NULL AS category,
            'ICS 213 ' || CASE m.direction WHEN 'in' THEN 'received from ' || m.from_name || ' (' || m.from_position || ')'
                                          ELSE 'sent to ' || m.to_name || ' (' || m.to_position || ')' END
              || ' by ' || m.via || ': ' || m.subject || ' - ' || m.body AS summary,
            NULL AS source, m.transcribed, NULL AS ref_id, 0 AS replaced, 0 AS significant
          FROM messages m WHERE m.id ${IDS}`,
  reply: `SELECT r.id, r.recorded_at, m.position_id, r.operator_name, r.position_title, NULL AS category,
            'Reply to "' || m.subject || '" by ' || r.replied_by_name || ' (' || r.replied_by_position || '): ' || r.reply AS summary,
            NULL AS source, 0 AS transcribed, r.message_id AS ref_id, 0 AS replaced, 0 AS significant
          FROM message_replies r JOIN messages m ON m.id = r.message_id WHERE r.id ${IDS}`,
  proposal: `SELECT p.id, p.recorded_at, p.proposer_position_id AS position_id, p.operator_name, p.position_title, NULL AS category,
            'Proposed as a significant event: ' || e.text || coalesce(' (' || p.note || ')', '') AS summary,
            NULL AS source, 0 AS transcribed, p.entry_id AS ref_id, 0 AS replaced, 0 AS significant
          FROM significant_proposals p JOIN log_entries e ON e.id = p.entry_id WHERE p.id ${IDS}`,
  review: `SELECT v.id, v.recorded_at, v.approver_position_id AS position_id, v.operator_name, v.position_title, NULL AS category,
            CASE v.approved WHEN 1 THEN 'Approved onto the significant events board: ' ELSE 'Declined for the significant events board: ' END
              || e.text || coalesce(' (' || v.note || ')', '') AS summary,
            NULL AS source, 0 AS transcribed, v.entry_id AS ref_id, 0 AS replaced, v.approved AS significant
          FROM significant_reviews v JOIN log_entries e ON e.id = v.entry_id WHERE v.id ${IDS}`,
  tick: `SELECT t.id, t.recorded_at, i.position_id, t.operator_name, t.position_title, NULL AS category,
            CASE t.done WHEN 1 THEN 'Checklist ticked: ' ELSE 'Checklist unticked: ' END || i.text || coalesce(' (' || t.note || ')', '') AS summary,
            NULL AS source, 0 AS transcribed, t.item_id AS ref_id, 0 AS replaced, 0 AS significant
          FROM checklist_ticks t JOIN checklist_items i ON i.id = t.item_id WHERE t.id ${IDS}`,
  // Worded in code below (the step and status labels live in the shared rules).
  request: `SELECT e.id, e.recorded_at, NULL AS position_id, e.operator_name, e.position_title, NULL AS category,
            json_array(r.number, r.summary, e.action, e.to_status, e.note) AS summary,
            NULL AS source, 0 AS transcribed, e.request_id AS ref_id, 0 AS replaced, 0 AS significant
          FROM request_events e JOIN requests r ON r.id = e.request_id WHERE e.id ${IDS}`,
  staffing: `SELECT a.id, a.recorded_at, json_extract(a.detail, '$.positionId') AS position_id, a.operator_name, a.position_title, NULL AS category,
            CASE a.action WHEN 'staffing.assigned' THEN
              coalesce(json_extract(a.detail, '$.holderName') || ' holds ', 'To be filled: ') || json_extract(a.detail, '$.position')
            ELSE json_extract(a.detail, '$.position') || ' removed from the period' ||
              coalesce(' (held by ' || json_extract(a.detail, '$.holderName') || ')', '') END
            || ' in operational period ' || json_extract(a.detail, '$.period') AS summary,
            NULL AS source, 0 AS transcribed, json_extract(a.detail, '$.periodId') AS ref_id, 0 AS replaced, 0 AS significant
          FROM audit_entries a WHERE a.id ${IDS}`,
};

/** "RR-0004 (500 N95 respirator): step Approve, now Sourcing; note" from the request row's parts. */
function requestSummary(json: string): string {
  const [number, summary, action, to, note] = JSON.parse(json) as [string, string, RequestAction | 'create', RequestStatus, string | null];
  const what = action === 'create' ? 'created' : `step “${ACTION_LABELS[action] ?? action}”`;
  return `${number} (${summary}): ${what}, now ${STATUS_LABELS[to] ?? to}${note ? `; ${note}` : ''}`;
}

/** Turns a page of timeline keys into rows to show: one query per kind present. Exports ask for the full text. */
export function hydrate(db: Db, rows: readonly TimelineRow[], opts: { fullText?: boolean } = {}): TimelineItem[] {
  const byKind = new Map<TimelineKind, string[]>();
  for (const r of rows) {
    const k = r.kind as TimelineKind;
    byKind.set(k, [...(byKind.get(k) ?? []), r.recordId]);
  }
  const details = new Map<string, Detail>();
  for (const [kind, ids] of byKind) {
    for (const d of db.prepare(DETAIL_SQL[kind]).all({ ids: JSON.stringify(ids) }) as Detail[]) details.set(d.id, d);
  }
  const positions = new Map(
    (db.prepare('SELECT id, title FROM positions').all() as { id: string; title: string }[]).map((p) => [p.id, p.title]),
  );
  return rows.map((r) => {
    const d = details.get(r.recordId);
    if (d && r.kind === 'request') d.summary = requestSummary(d.summary);
    return {
      kind: r.kind as TimelineKind,
      id: r.recordId,
      occurredAt: r.occurredAt,
      recordedAt: d?.recorded_at ?? r.occurredAt,
      positionId: d?.position_id ?? null,
      positionTitle: d?.position_id ? (positions.get(d.position_id) ?? null) : null,
      operatorName: d?.operator_name ?? null,
      operatorPositionTitle: d?.position_title ?? null,
      category: d?.category ?? null,
      summary: opts.fullText ? (d?.summary ?? '') : clip(d?.summary ?? ''),
      source: d?.source ?? null,
      transcribed: d?.transcribed === 1,
      refId: d?.ref_id ?? null,
      replaced: d?.replaced === 1,
      significant: d?.significant === 1,
    };
  });
}
