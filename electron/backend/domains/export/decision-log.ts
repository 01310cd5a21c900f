import type { Decision } from '../../../../shared/contract';
import { formatLocal } from '../incident/time';
import { DEMO_MARK, FormWriter } from './pdf/form';

export interface DecisionLogData {
  incidentName: string;
  incidentNumber: string | null;
  exercise: boolean;
  /** The demonstration coalition: DEMO DATA at the top of every page. */
  demo?: boolean;
  activationLevel: string;
  decisions: Decision[];
  byId: Map<string, Decision>;
  timeZone: string;
  footer: string;
  preparedBy: { name: string; position: string; at: number };
}

function snapshotText(d: Decision, tz: string): string {
  const s = d.snapshot;
  const parts = [
    `Level: ${s.activationLevel}`,
    s.currentPeriod ? `operational period ${s.currentPeriod.number}` : 'no period open',
    `${s.logEntries} log entries (${s.logEntriesLastHour} in the last hour)`,
    `${s.significantEvents} significant events, ${s.pendingProposals} awaiting approval`,
    `${s.messages} messages`,
    `${s.decisionsInForce} decisions in force`,
    s.openRequests === null ? null : `${s.openRequests} open resource requests`,
  ].filter(Boolean);
  return `At ${formatLocal(s.capturedAt, tz)}: ${parts.join('; ')}.`;
}

/**
 * The decision log, oldest first: what was decided, by whom, under which authority,
 * with the options weighed and the situation at the time. Superseded decisions stay
 * in the log, marked with what replaced them.
 */
export async function buildDecisionLog(d: DecisionLogData): Promise<{ bytes: Uint8Array; pagesText: string[][] }> {
  const fmt = (ms: number) => formatLocal(ms, d.timeZone);
  const f = await FormWriter.create({
    title: 'DECISION LOG',
    formName: 'Decision log',
    exercise: d.exercise,
    marks: d.demo ? [DEMO_MARK] : [],
    footer: d.footer,
    docTitle: `Decision log - ${d.incidentName}`,
    author: d.preparedBy.name,
    createdAt: new Date(d.preparedBy.at),
  });
  f.row([
    { n: 1, label: 'Incident Name', value: d.incidentName, width: 2 },
    { n: 2, label: 'Incident Number', value: d.incidentNumber || 'None assigned' },
    { n: 3, label: 'Activation Level', value: d.activationLevel },
  ]);
  if (!d.decisions.length) f.note('No decisions have been recorded for this incident.');
  d.decisions.forEach((dec, i) => {
    f.gap(8);
    const superseder = dec.supersededById ? d.byId.get(dec.supersededById) : undefined;
    f.heading(undefined, `Decision ${i + 1}: ${dec.title}${superseder ? '  [SUPERSEDED]' : ''}`);
    f.row([
      { label: 'Date/Time of decision', value: fmt(dec.decidedAt) },
      { label: 'Made by (Name, Position)', value: `${dec.madeByName}, ${dec.madeByPositionTitle}`, width: 1.5 },
      { label: 'Authority', value: dec.citation ? `${dec.authority}\nCited: ${dec.citation.label}` : dec.authority, width: 1.5 },
    ]);
    f.row([{ label: 'Decision', value: dec.decision }]);
    f.row([
      {
        label: 'Options considered',
        value: dec.options.length ? dec.options.map((o) => `${o.chosen ? 'CHOSEN: ' : '\u2022 '}${o.text}`).join('\n') : 'None recorded.',
      },
    ]);
    f.row([{ label: 'Rationale', value: dec.rationale }]);
    const supersedes = dec.supersedesId ? d.byId.get(dec.supersedesId) : undefined;
    const status = superseder
      ? `Superseded by "${superseder.title}" (${fmt(superseder.decidedAt)}).`
      : 'In force.';
    f.row([
      { label: 'Responds to', value: dec.links.length ? dec.links.map((l) => (l.type === 'entry' ? `Log entry: ${l.label}` : l.label)).join('\n') : 'Nothing linked.', width: 1.6 },
      { label: 'Status', value: `${status}${supersedes ? `\nSupersedes "${supersedes.title}" (${fmt(supersedes.decidedAt)}).` : ''}` },
    ]);
    f.row([{ label: 'Situation at the time (automatic snapshot)', value: snapshotText(dec, d.timeZone) }]);
    f.note(
      `Recorded by ${dec.operatorName ?? 'unknown'}${dec.operatorPositionTitle ? ` (${dec.operatorPositionTitle})` : ''} at ${fmt(dec.recordedAt)}. Record ${dec.id}.`,
    );
  });
  f.gap(8);
  f.row([
    { label: 'Prepared by: Name', value: d.preparedBy.name },
    { label: 'Position/Title', value: d.preparedBy.position },
    { label: 'Signature', value: '' },
    { label: 'Date/Time', value: fmt(d.preparedBy.at) },
  ]);
  return { bytes: await f.finish(), pagesText: f.pagesText };
}
