import type { DecisionLink } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { conflict, notFound } from '../../errors';
import type { IncidentRow } from '../incident/queries';
import { timeFormatter } from '../incident/time';
import { resolveCitation } from '../plan/cite';
import { resolveLinks } from './links';
import { getDecision } from './queries';
import { takeSnapshot } from './snapshot';

export interface NewDecision {
  title: string;
  decision: string;
  options: readonly { text: string; chosen: boolean }[];
  rationale: string;
  authority: string;
  madeByName: string;
  maker: { id: string; title: string };
  decidedAt: number;
  links: readonly DecisionLink[];
  /** A plan section cited as the authority. */
  citation?: { versionId: string; ordinal: number } | null;
  supersedesId?: string | null;
}

/**
 * Appends a decision as a record of fact with its links (checked and labelled) and the
 * situation snapshot as of `snapshotAt` (the time it was decided). Refuses to
 * supersede a decision of another incident or one already superseded. The caller checks
 * the incident is open, the time and the options.
 */
export function appendDecision(db: Db, tx: WriteTx, incident: IncidentRow, d: NewDecision, snapshotAt: number): string {
  if (d.supersedesId) {
    const old = getDecision(db, d.supersedesId);
    if (!old || old.incidentId !== incident.id) throw notFound('The decision to supersede, in this incident,');
    if (old.supersededById) {
      const by = getDecision(db, old.supersededById)!;
      throw conflict(
        `"${old.title}" was already superseded by "${by.title}" (${timeFormatter(db)(by.decidedAt)}); supersede that decision instead.`,
        { supersededById: by.id },
      );
    }
  }
  const links = resolveLinks(db, incident.id, d.links);
  const citation = d.citation ? resolveCitation(db, d.citation) : null;
  const id = tx.appendFact('decisions', {
    occurred_at: d.decidedAt,
    incident_id: incident.id,
    title: d.title,
    decision: d.decision,
    options: JSON.stringify(d.options.map((o) => ({ text: o.text, chosen: o.chosen }))),
    rationale: d.rationale,
    authority: d.authority,
    made_by_name: d.madeByName,
    made_by_position_id: d.maker.id,
    made_by_position_title: d.maker.title,
    links: JSON.stringify(links),
    snapshot: JSON.stringify(takeSnapshot(db, incident, snapshotAt)),
    supersedes_id: d.supersedesId ?? null,
  });
  if (citation) tx.appendFact('decision_citations', { ...citation, decision_id: id, occurred_at: d.decidedAt });
  return id;
}
