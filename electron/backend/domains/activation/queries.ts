import type { ActivationContent, ActivationSheet, ResolvedCall } from '../../../../shared/contract';
import type { Db } from '../../db/open';

interface SheetRow {
  id: string;
  version: number;
  content: string;
  note: string | null;
  demo: number;
  recorded_at: number;
  operator_name: string | null;
  position_title: string | null;
}

/** A first call with the number the directory has for the contact today (never a copy kept on the sheet). */
export function resolveCalls(db: Db, calls: ActivationContent['firstCalls']): ResolvedCall[] {
  const contact = db.prepare(
    `SELECT c.name, c.phone_24x7, o.name AS organisation_name FROM contacts c JOIN organisations o ON o.id = c.organisation_id
     WHERE c.id = ? AND c.deleted = 0`,
  );
  return calls.map((c) => {
    const row = c.contactId ? (contact.get(c.contactId) as { name: string; phone_24x7: string | null; organisation_name: string } | undefined) : undefined;
    if (row) return { label: c.label, contactId: c.contactId!, contactName: row.name, organisationName: row.organisation_name, phone: row.phone_24x7 || c.phone || null, source: row.phone_24x7 ? 'directory' : 'sheet' };
    return { label: c.label, contactId: c.contactId ?? null, contactName: null, organisationName: null, phone: c.phone ?? null, source: c.contactId ? 'missing' : 'sheet' };
  });
}

function toSheet(db: Db, r: SheetRow): ActivationSheet {
  const content = JSON.parse(r.content) as ActivationContent;
  return {
    id: r.id,
    version: r.version,
    content,
    calls: resolveCalls(db, content.firstCalls),
    note: r.note,
    recordedAt: r.recorded_at,
    operatorName: r.operator_name,
    positionTitle: r.position_title,
    demo: r.demo === 1,
  };
}

export function currentSheet(db: Db): ActivationSheet | null {
  const r = db.prepare('SELECT * FROM activation_sheets ORDER BY version DESC LIMIT 1').get() as SheetRow | undefined;
  return r ? toSheet(db, r) : null;
}

export function getSheet(db: Db, id: string): ActivationSheet | null {
  const r = db.prepare('SELECT * FROM activation_sheets WHERE id = ?').get(id) as SheetRow | undefined;
  return r ? toSheet(db, r) : null;
}

export function listSheetVersions(db: Db) {
  return (db.prepare('SELECT id, version, recorded_at, operator_name, note FROM activation_sheets ORDER BY version DESC').all() as SheetRow[]).map((r) => ({
    id: r.id,
    version: r.version,
    recordedAt: r.recorded_at,
    operatorName: r.operator_name,
    note: r.note,
  }));
}

export function nextSheetVersion(db: Db): number {
  return ((db.prepare('SELECT max(version) AS v FROM activation_sheets').get() as { v: number | null }).v ?? 0) + 1;
}
