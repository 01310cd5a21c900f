import { newId as uuidv7 } from '../../db/ids';
import type { PlanKind } from '../../../../shared/domain/plan';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { notFound } from '../../errors';
import type { Extraction } from './extract';
import { currentVersion } from './queries';

export interface NewPlanVersion {
  planId?: string;
  title: string;
  kind: PlanKind;
  owner: string;
  versionLabel: string;
  effectiveOn: string;
  reviewOn?: string | null;
  fileName: string;
  mediaType: string;
  bytes: number;
  sha256: string;
  storedName: string;
  note?: string | null;
  extraction: Extraction;
}

/**
 * Records a version of a plan (the file is already stored under its hash): the plan's
 * fields, the version as a record of fact superseding the one in force, and its sections
 * for search. Used by uploads and by the demonstration coalition.
 */
export function recordPlanVersion(tx: WriteTx, db: Db, v: NewPlanVersion, demo = false): { planId: string; versionId: string } {
  const planId = v.planId ?? uuidv7();
  // Read inside the transaction: the version superseded is the one in force now.
  const supersedes = v.planId ? currentVersion(db, planId) : null;
  if (v.planId && !supersedes) throw notFound('The plan to add a version to');
  tx.put('plans', planId, { title: v.title, kind: v.kind, owner: v.owner, ...(v.planId ? {} : { demo: demo ? 1 : 0 }) });
  const versionId = tx.appendFact('plan_versions', {
    occurred_at: tx.now(),
    plan_id: planId,
    version_label: v.versionLabel,
    effective_on: v.effectiveOn,
    review_on: v.reviewOn ?? null,
    file_name: v.fileName,
    media_type: v.mediaType,
    bytes: v.bytes,
    sha256: v.sha256,
    stored_name: v.storedName,
    extraction: v.extraction.status,
    extraction_note: v.extraction.note,
    supersedes_id: supersedes?.id ?? null,
    note: v.note || null,
  });
  const insert = db.prepare('INSERT INTO plan_sections (version_id, ordinal, heading, page, body) VALUES (?, ?, ?, ?, ?)');
  v.extraction.sections.forEach((s, i) => insert.run(versionId, i, s.heading, s.page, s.body));
  tx.touched('plan_sections');
  tx.audit('plan.uploaded', { planId, versionId, title: v.title, version: v.versionLabel, fileName: v.fileName, sha256: v.sha256, bytes: v.bytes, extraction: v.extraction.status, supersedes: supersedes?.id ?? null });
  return { planId, versionId };
}
