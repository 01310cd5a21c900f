import type { Alert } from '../../../../shared/contract';
import type { CapTemplateId } from '../../../../shared/domain/cap';
import type { Db } from '../../db/open';

export interface AlertRow {
  id: string;
  identifier: string;
  incident_id: string | null;
  template: CapTemplateId;
  status: string;
  msg_type: string;
  headline: string;
  event: string;
  area_desc: string;
  sent_text: string;
  expires_at: number | null;
  references_id: string | null;
  xml: string;
  sha256: string;
  demo: number;
  occurred_at: number;
  operator_name: string | null;
  position_title: string | null;
}

export const toAlert = (r: AlertRow): Alert => ({
  id: r.id,
  identifier: r.identifier,
  template: r.template,
  status: r.status,
  msgType: r.msg_type,
  headline: r.headline,
  event: r.event,
  areaDesc: r.area_desc,
  sent: r.sent_text,
  issuedAt: r.occurred_at,
  expiresAt: r.expires_at,
  incidentId: r.incident_id,
  referencesId: r.references_id,
  operatorName: r.operator_name,
  positionTitle: r.position_title,
  sha256: r.sha256,
  demo: r.demo === 1,
});

export function getAlertRow(db: Db, id: string | 'latest'): AlertRow | undefined {
  return (
    id === 'latest' ? db.prepare('SELECT * FROM alerts ORDER BY recorded_at DESC, id DESC LIMIT 1').get() : db.prepare('SELECT * FROM alerts WHERE id = ?').get(id)
  ) as AlertRow | undefined;
}

/** Newest first. */
export function listAlerts(db: Db): Alert[] {
  return (db.prepare('SELECT * FROM alerts ORDER BY recorded_at DESC, id DESC').all() as AlertRow[]).map(toAlert);
}
