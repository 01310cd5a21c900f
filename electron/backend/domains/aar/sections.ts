import type { AarSection, Revision } from '../../../../shared/contract';
import { AAR_SECTIONS, unreconciled, type AarSectionKey } from '../../../../shared/domain/aar-outline';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict } from '../../errors';

interface RevisionRow {
  id: string;
  section: AarSectionKey;
  text: string;
  base_ids: string;
  operator_name: string | null;
  position_title: string | null;
  workstation_id: string;
  recorded_at: number;
}

const toRevision = (r: RevisionRow): Revision => ({
  id: r.id,
  section: r.section,
  text: r.text,
  baseIds: JSON.parse(r.base_ids) as string[],
  operatorName: r.operator_name,
  positionTitle: r.position_title,
  workstationId: r.workstation_id,
  at: r.recorded_at,
});

export function revisionsOf(db: Db, reportId: string, section?: AarSectionKey): Revision[] {
  const rows = section
    ? db.prepare('SELECT * FROM aar_section_revisions WHERE report_id = ? AND section = ? ORDER BY recorded_at, id').all(reportId, section)
    : db.prepare('SELECT * FROM aar_section_revisions WHERE report_id = ? ORDER BY recorded_at, id').all(reportId);
  return (rows as RevisionRow[]).map(toRevision);
}

/**
 * The current text of a section is every revision no later revision replaced. One head is
 * the normal case; two or more mean concurrent saves from the same earlier text (on one
 * workstation or arriving by sync): all are kept, newest first, for a planner to reconcile.
 */
export function headsOf(revisions: readonly Revision[]): Revision[] {
  // Versions saved at the same time with the same words (two planners each keeping the same
  // one) are one text, not a conflict: the newest stands for them.
  const seen = new Set<string>();
  return rawHeadsOf(revisions).filter((r) => !seen.has(r.text) && !!seen.add(r.text));
}

/** Every revision no later one was written from, newest first, identical texts included. */
function rawHeadsOf(revisions: readonly Revision[]): Revision[] {
  const replaced = new Set(revisions.flatMap((r) => r.baseIds));
  return revisions.filter((r) => !replaced.has(r.id)).sort((a, b) => b.at - a.at || b.id.localeCompare(a.id));
}

export function sectionsOf(db: Db, reportId: string): AarSection[] {
  const all = revisionsOf(db, reportId);
  return AAR_SECTIONS.map((s) => {
    const mine = all.filter((r) => r.section === s.key);
    return { key: s.key, title: s.title, heads: headsOf(mine), revisions: mine.length };
  });
}


/**
 * A report is made final only when every section reads as one text: a final report holding two
 * planners' versions of its summary would print one of them as the coalition's word (HSEEP's
 * final AAR/IP is the version the after-action meeting agreed). Unwritten sections and an open
 * incident are the planner's call, asked about on screen, not refused.
 */
export function refuseFinal(db: Db, reportId: string): void {
  const split = unreconciled(sectionsOf(db, reportId));
  if (!split.length) return;
  const names = split.map((s) => `“${s.title}” (${s.heads.length} versions)`);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  throw conflict(
    `Not made final: ${list} ${split.length === 1 ? 'holds versions' : 'hold versions'} saved at the same time that nobody has reconciled yet. ` +
      `On the Report tab, keep one version of ${split.length === 1 ? 'that section' : 'each'} or write one text from both, then make the report final.`,
    { sections: split.map((s) => s.key) },
  );
}

/**
 * Appends a revision. Base ids are what the writer had on screen; ids that are not earlier
 * revisions of this section are dropped, so a revision can never hide another section's text.
 */
export function appendRevision(tx: WriteTx, db: Db, reportId: string, section: AarSectionKey, text: string, baseIds: readonly string[]) {
  const mine = revisionsOf(db, reportId, section);
  const known = new Set(mine.map((r) => r.id));
  const given = [...new Set(baseIds)].filter((id) => known.has(id));
  // A version written from a text also replaces its identical twins (shown as one, above).
  const texts = new Set(mine.filter((r) => given.includes(r.id)).map((r) => r.text));
  const bases = [...new Set([...given, ...rawHeadsOf(mine).filter((r) => texts.has(r.text)).map((r) => r.id)])];
  const id = tx.appendFact('aar_section_revisions', {
    report_id: reportId,
    section,
    text,
    base_ids: JSON.stringify(bases),
    occurred_at: tx.now(),
  });
  const heads = headsOf(revisionsOf(db, reportId, section));
  return { revisionId: id, heads: heads.length, concurrent: heads.length > 1 };
}
