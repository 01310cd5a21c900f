import type { Db } from '../../db/open';
import { invalid } from '../../errors';
import { citationLabel, getSection, getVersionRow } from './queries';

/**
 * Checks that a cited section exists and returns the citation row to store, its label
 * frozen: the decision keeps reading as it did when it was made, even after the plan is
 * superseded (the cited version stays in the library, never overwritten).
 */
export function resolveCitation(db: Db, c: { versionId: string; ordinal: number }) {
  const version = getVersionRow(db, c.versionId);
  const plan = version && (db.prepare('SELECT title FROM plans WHERE id = ?').get(version.plan_id) as { title: string } | undefined);
  if (!version || !plan) throw invalid('The plan cited was not found in the library', { issues: [{ path: ['citation'], message: 'Plan not found' }] });
  const section = getSection(db, c.versionId, c.ordinal);
  if (!section) throw invalid(`${plan.title} ${version.version_label} has no section ${c.ordinal + 1}`, { issues: [{ path: ['citation'], message: 'Section not found' }] });
  return { plan_id: version.plan_id, version_id: version.id, section_ordinal: c.ordinal, label: citationLabel(plan.title, version.version_label, section) };
}
