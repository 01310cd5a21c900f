import type { Plan, PlanHit, PlanVersion } from '../../../../shared/contract';
import { PLAN_KIND_LABELS, reviewStanding, type PlanKind } from '../../../../shared/domain/plan';
import type { Db } from '../../db/open';

interface VersionRow {
  id: string;
  plan_id: string;
  version_label: string;
  effective_on: string;
  review_on: string | null;
  file_name: string;
  media_type: string;
  bytes: number;
  sha256: string;
  stored_name: string;
  extraction: PlanVersion['extraction'];
  extraction_note: string | null;
  supersedes_id: string | null;
  superseded_by_id: string | null;
  note: string | null;
  recorded_at: number;
  operator_name: string | null;
  sections: number;
}

interface PlanRow {
  id: string;
  title: string;
  kind: PlanKind;
  owner: string;
  demo: number;
}

const VERSION_SELECT = `
  SELECT v.*,
    (SELECT s.id FROM plan_versions s WHERE s.supersedes_id = v.id) AS superseded_by_id,
    (SELECT count(*) FROM plan_sections x WHERE x.version_id = v.id) AS sections
  FROM plan_versions v`;

const toVersion = (r: VersionRow): PlanVersion => ({
  id: r.id,
  planId: r.plan_id,
  versionLabel: r.version_label,
  effectiveOn: r.effective_on,
  reviewOn: r.review_on,
  fileName: r.file_name,
  mediaType: r.media_type,
  bytes: r.bytes,
  sha256: r.sha256,
  extraction: r.extraction,
  extractionNote: r.extraction_note,
  sections: r.sections,
  supersedesId: r.supersedes_id,
  supersededById: r.superseded_by_id,
  note: r.note,
  recordedAt: r.recorded_at,
  operatorName: r.operator_name,
});

export function getVersionRow(db: Db, id: string): (VersionRow & { stored_name: string }) | undefined {
  return db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(id) as VersionRow | undefined;
}

export function getVersion(db: Db, id: string): PlanVersion | null {
  const r = getVersionRow(db, id);
  return r ? toVersion(r) : null;
}

/** Newest first. */
export function listVersions(db: Db, planId: string): PlanVersion[] {
  return (db.prepare(`${VERSION_SELECT} WHERE v.plan_id = ? ORDER BY v.recorded_at DESC, v.id DESC`).all(planId) as VersionRow[]).map(toVersion);
}

/** The version no other supersedes; with one writer there is exactly one per plan. */
export function currentVersion(db: Db, planId: string): PlanVersion | null {
  const r = db
    .prepare(`${VERSION_SELECT} WHERE v.plan_id = ? AND NOT EXISTS (SELECT 1 FROM plan_versions s WHERE s.supersedes_id = v.id) ORDER BY v.recorded_at DESC LIMIT 1`)
    .get(planId) as VersionRow | undefined;
  return r ? toVersion(r) : null;
}

function toPlan(db: Db, r: PlanRow, today: string): Plan | null {
  const current = currentVersion(db, r.id);
  if (!current) return null;
  const versions = (db.prepare('SELECT count(*) AS n FROM plan_versions WHERE plan_id = ?').get(r.id) as { n: number }).n;
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    kindLabel: PLAN_KIND_LABELS[r.kind],
    owner: r.owner,
    current,
    versions,
    review: reviewStanding(current.reviewOn, today),
    demo: r.demo === 1,
  };
}

export function getPlan(db: Db, id: string, today: string): Plan | null {
  const r = db.prepare('SELECT id, title, kind, owner, demo FROM plans WHERE id = ? AND deleted = 0').get(id) as PlanRow | undefined;
  return r ? toPlan(db, r, today) : null;
}

export function listPlans(db: Db, today: string, kind?: PlanKind): Plan[] {
  const rows = (
    kind
      ? db.prepare('SELECT id, title, kind, owner, demo FROM plans WHERE deleted = 0 AND kind = ? ORDER BY title COLLATE NOCASE').all(kind)
      : db.prepare('SELECT id, title, kind, owner, demo FROM plans WHERE deleted = 0 ORDER BY title COLLATE NOCASE').all()
  ) as PlanRow[];
  return rows.map((r) => toPlan(db, r, today)).filter((p): p is Plan => p !== null);
}

export interface SectionRow {
  ordinal: number;
  heading: string;
  page: number | null;
  body: string;
}

export function listSections(db: Db, versionId: string): Omit<SectionRow, 'body'>[] {
  return db.prepare('SELECT ordinal, heading, page FROM plan_sections WHERE version_id = ? ORDER BY ordinal').all(versionId) as Omit<SectionRow, 'body'>[];
}

export function getSection(db: Db, versionId: string, ordinal: number): SectionRow | undefined {
  return db.prepare('SELECT ordinal, heading, page, body FROM plan_sections WHERE version_id = ? AND ordinal = ?').get(versionId, ordinal) as SectionRow | undefined;
}

export function neighbours(db: Db, versionId: string, ordinal: number): { previous: number | null; next: number | null } {
  const prev = db.prepare('SELECT max(ordinal) AS o FROM plan_sections WHERE version_id = ? AND ordinal < ?').get(versionId, ordinal) as { o: number | null };
  const next = db.prepare('SELECT min(ordinal) AS o FROM plan_sections WHERE version_id = ? AND ordinal > ?').get(versionId, ordinal) as { o: number | null };
  return { previous: prev.o, next: next.o };
}

/** "Coalition Response Plan v3.2, §4 Activation levels (p. 7)": how a citation reads. */
export function citationLabel(planTitle: string, versionLabel: string, section: { heading: string; page: number | null }): string {
  return `${planTitle} ${versionLabel}, § ${section.heading}${section.page ? ` (p. ${section.page})` : ''}`;
}

/**
 * The words as the operator typed them: each a quoted term, the last also as a prefix (it
 * may still be being typed). FTS5 syntax in a search box ("AND", quotes, a stray colon)
 * is never an error and never changes the meaning.
 */
export function ftsQuery(input: string): string | null {
  const words = (input.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 12);
  if (!words.length) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

/**
 * Ranking by relevance (bm25) costs a look at every matching section: over thousands of
 * sections a common word would take tens of milliseconds. Up to this many matches they are
 * ranked; beyond it the newest sections come first and the operator is told to add a word.
 */
export const RANK_LIMIT = 300;

const SELECT_HIT = `SELECT s.version_id, s.ordinal, s.heading, s.page, snippet(plan_sections_fts, 1, '[[', ']]', ' … ', 14) AS snippet
  FROM plan_sections_fts JOIN plan_sections s ON s.rowid = plan_sections_fts.rowid
  WHERE plan_sections_fts MATCH ?`;
export const COUNT_SQL = `SELECT count(*) AS n FROM (SELECT rowid FROM plan_sections_fts WHERE plan_sections_fts MATCH ? LIMIT ${RANK_LIMIT + 1})`;
export const RANKED_SQL = `${SELECT_HIT} ORDER BY rank LIMIT ?`;
export const NEWEST_SQL = `${SELECT_HIT} ORDER BY plan_sections_fts.rowid DESC LIMIT ?`;

interface HitRow {
  version_id: string;
  ordinal: number;
  heading: string;
  page: number | null;
  snippet: string;
}

/**
 * Plan sections matching the words. Versions superseded are dropped after the match
 * (over-fetching so that a page of current hits remains) unless asked for.
 */
export function searchPlans(db: Db, query: string, includeSuperseded: boolean, limit: number): { hits: PlanHit[]; matched: number; ranked: boolean } {
  const q = ftsQuery(query);
  if (!q) return { hits: [], matched: 0, ranked: true };
  const matched = (db.prepare(COUNT_SQL).get(q) as { n: number }).n;
  const ranked = matched <= RANK_LIMIT;
  const rows = db.prepare(ranked ? RANKED_SQL : NEWEST_SQL).all(q, includeSuperseded ? limit : limit * 3) as HitRow[];
  const versionInfo = db.prepare(
    `SELECT v.plan_id, v.version_label, p.title, p.kind, p.deleted,
            NOT EXISTS (SELECT 1 FROM plan_versions s WHERE s.supersedes_id = v.id) AS current
     FROM plan_versions v JOIN plans p ON p.id = v.plan_id WHERE v.id = ?`,
  );
  const cache = new Map<string, { plan_id: string; version_label: string; title: string; kind: PlanKind; deleted: number; current: number } | undefined>();
  const hits: PlanHit[] = [];
  for (const r of rows) {
    if (!cache.has(r.version_id)) cache.set(r.version_id, versionInfo.get(r.version_id) as never);
    const v = cache.get(r.version_id);
    if (!v || v.deleted || (!includeSuperseded && !v.current)) continue;
    hits.push({
      planId: v.plan_id,
      planTitle: v.title,
      kindLabel: PLAN_KIND_LABELS[v.kind],
      versionId: r.version_id,
      versionLabel: v.version_label,
      current: v.current === 1,
      ordinal: r.ordinal,
      heading: r.heading,
      page: r.page,
      snippet: r.snippet,
    });
    if (hits.length >= limit) break;
  }
  return { hits, matched, ranked };
}
