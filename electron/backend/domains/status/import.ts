import { createHash } from 'node:crypto';
import { findForbiddenCharacter, forbiddenCharacterMessage, normaliseLineEnds, type Organisation, type StatusImportPreview } from '../../../../shared/contract';
import { FUTURE_TOLERANCE_MS } from '../../../../shared/domain/incident-rules';
import { checkReport, type Flag } from '../../../../shared/domain/status-rules';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { AppError, conflict } from '../../errors';
import { getOrganisation, organisationByName } from '../directory/queries';
import { coalitionTimeZone, timeFormatter } from '../incident/time';
import { typeByCode, typeById } from './catalogue';
import { parseStatusCsv } from './csv-import';
import { parseHave } from './have-import';
import type { ImportCandidate } from './import-types';
import { appendReport, previousValues, storedValues } from './record';
import { display } from './values';

type Format = StatusImportPreview['format'];

interface PlannedRow {
  candidate: ImportCandidate;
  org: Organisation;
  flags: Flag[];
}

const UUID = /^(?:urn:uuid:)?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function match(db: Db, c: ImportCandidate): { org: Organisation; by: 'identifier' | 'name' } | null {
  const id = c.identifier ? UUID.exec(c.identifier.trim())?.[1] : undefined;
  const byId = id ? getOrganisation(db, id.toLowerCase()) : null;
  if (byId) return { org: byId, by: 'identifier' };
  const byName = c.name ? organisationByName(db, c.name) : null;
  return byName ? { org: byName, by: 'name' } : null;
}

/**
 * A status file passes the same text rule as a typed field (see cleanString in
 * shared/contract/define.ts): a control or bidi character anywhere refuses the whole file,
 * naming its line and the character, before anything is matched or written.
 */
function refuseForbiddenText(text: string): void {
  const lines = normaliseLineEnds(text).split('\n');
  lines.forEach((line, i) => {
    const found = findForbiddenCharacter(line);
    if (found) throw new AppError('validation', `${forbiddenCharacterMessage(`Line ${i + 1} of the file`, found)}; nothing was imported`);
  });
}

/**
 * What importing a file would do, and the plan the commit replays: each row matched to a
 * directory facility by identifier or name, its values checked against the facility's
 * EEI set, the flags it raises, and why a row would be skipped. Writes nothing.
 */
export function planImport(db: Db, format: Format, text: string, now: number): { preview: StatusImportPreview; plan: PlannedRow[]; importRef: string } {
  refuseForbiddenText(text);
  const digest = createHash('sha256').update(`${format}\n${text}`).digest('hex');
  const doc = format === 'have' ? parseHave(db, text) : parseStatusCsv(db, text, now);
  const importRef = doc.documentId ?? `sha256:${digest.slice(0, 16)}`;
  const types = typeById(db);
  const tz = coalitionTimeZone(db);
  const fmt = timeFormatter(db);
  const plan: PlannedRow[] = [];
  const seen = db.prepare('SELECT 1 FROM status_reports WHERE organisation_id = ? AND occurred_at = ? AND import_ref = ? LIMIT 1');
  const rows = doc.candidates.map((c) => {
    const problems = [...c.problems];
    const m = match(db, c);
    let blocked = !m || c.occurredAt === null;
    if (!m) problems.unshift(`No facility in the directory is named "${c.name}"${c.identifier ? ` or has the identifier ${c.identifier}` : ''}; this row is skipped`);
    if (c.occurredAt !== null && c.occurredAt > now + FUTURE_TOLERANCE_MS) {
      problems.push(`It is dated ${fmt(c.occurredAt)}, in the future; this row is skipped`);
      blocked = true;
    }
    if (!c.values.length) {
      problems.push('It carries no value the catalogue knows; this row is skipped');
      blocked = true;
    }
    let flags: Flag[] = [];
    if (m && !blocked) {
      try {
        const stored = storedValues(db, m.org, c.values);
        flags = checkReport(types, stored, previousValues(db, m.org.id), fmt, typeByCode(db));
        for (const f of flags) problems.push(`Flagged: ${f.message} (kept as the sender reported it)`);
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        problems.push(`${e.message}; this row is skipped`);
        blocked = true;
      }
      if (!blocked && seen.get(m.org.id, c.occurredAt, importRef)) {
        problems.push('This report was imported before from the same document; it is skipped');
        blocked = true;
      }
    }
    if (m && !blocked) plan.push({ candidate: c, org: m.org, flags });
    return {
      line: c.line,
      name: c.name,
      identifier: c.identifier,
      organisationId: m?.org.id ?? null,
      matchedName: m?.org.name ?? null,
      matchedBy: m?.by ?? null,
      occurredAt: c.occurredAt,
      values: c.values.flatMap((v) => {
        const t = types.get(v.typeId);
        if (!t) return [];
        const shown = typeof v.value === 'number' ? { n: v.value, s: null } : { n: null, s: String(v.value) };
        return [{ label: t.label, display: t.kind === 'number' || t.kind === 'text' ? display(t, shown, tz) : String(v.value) }];
      }),
      problems,
    };
  });
  return {
    preview: {
      digest,
      format,
      documentId: doc.documentId,
      fileErrors: doc.fileErrors,
      rows,
      unmatched: rows.filter((r) => !r.organisationId).map((r) => r.name),
      reports: plan.length,
      canCommit: doc.fileErrors.length === 0 && plan.length > 0,
    },
    plan,
    importRef,
  };
}

/** Writes the previewed rows as reports that keep the document's times and say they were imported; all or none. */
export function commitImport(tx: WriteTx, db: Db, format: Format, text: string, digest: string, now: number): { reports: number; skipped: string[] } {
  const { preview, plan, importRef } = planImport(db, format, text, now);
  if (preview.digest !== digest) throw conflict('The file is not the one previewed; preview it again');
  if (!preview.canCommit) throw conflict(preview.fileErrors[0] ?? 'Nothing in the file can be imported; see the preview');
  const what = format === 'have' ? `EDXL-HAVE document ${importRef}` : `CSV status sheet ${importRef}`;
  // Oldest first, so each report meets the facility's state as it was before it.
  for (const p of [...plan].sort((a, b) => a.candidate.occurredAt! - b.candidate.occurredAt!)) {
    appendReport(tx, db, {
      organisationId: p.org.id,
      values: p.candidate.values,
      confirmations: [],
      confirmAll: `As reported by the sending system (${what})`,
      occurredAt: p.candidate.occurredAt!,
      source: 'import',
      reportedBy: p.candidate.reportedBy,
      note: `Imported from ${what}`,
      incidentId: null,
      importRef,
    });
  }
  return { reports: plan.length, skipped: preview.rows.filter((r) => !plan.some((p) => p.candidate.line === r.line)).map((r) => `${r.name}: ${r.problems.at(-1) ?? 'skipped'}`) };
}
