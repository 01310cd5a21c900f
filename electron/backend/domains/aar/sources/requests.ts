import type { Evidence, RecordTable } from '../../../../../shared/contract';
import { PRIORITIES, PRIORITY_LABELS, STATUS_LABELS } from '../../../../../shared/domain/request-state';
import { FILL_SOURCE_LABELS } from '../../../../../shared/domain/sourcing';
import { fillSourcesForReview, requestsForReview, type ReviewedRequest } from '../../request/review';
import { duration, HOUR, plural, type CandidateDraft, type DraftContext, type RecordSource } from './types';

/** Urgent requests should be filled within this (CA Op-Area practice: High 0-4 hrs). */
export const URGENT_TARGET_MS = 4 * HOUR;

const evidenceOf = (r: ReviewedRequest): Evidence => ({ type: 'request', id: r.id, label: `${r.number} ${r.summary} (${r.organisation})` });

function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const isEnded = (r: ReviewedRequest) => r.status === 'cancelled' || r.status === 'denied';

/** Time to fill by priority, unfilled and cancelled requests, sources used, and what they suggest. */
export const requestsSource: RecordSource = {
  name: 'requests',
  read(ctx: DraftContext) {
    const reqs = requestsForReview(ctx.db, ctx.incident.id).filter((r) => r.submittedAt !== null);
    const fillMs = (r: ReviewedRequest) => (r.receivedAt !== null ? r.receivedAt - r.submittedAt! : null);

    const timeToFill: RecordTable = {
      key: 'time-to-fill',
      source: 'requests',
      title: 'Resource requests: time to fill by priority',
      intro: 'From submission to first receipt, read from the request events.',
      columns: ['Priority', 'Submitted', 'Filled', 'Median', '90th percentile', 'Longest', 'Not filled'],
      rows: PRIORITIES.map((p) => {
        const mine = reqs.filter((r) => r.priority === p);
        const times = mine.map(fillMs).filter((t): t is number => t !== null).sort((a, b) => a - b);
        const slowest = mine.filter((r) => fillMs(r) !== null).sort((a, b) => fillMs(b)! - fillMs(a)!)[0];
        const show = (t: number | null) => (t === null ? '-' : duration(t));
        return {
          cells: [PRIORITY_LABELS[p], String(mine.length), String(times.length), show(percentile(times, 50)), show(percentile(times, 90)), show(times.at(-1) ?? null), String(mine.length - times.length)],
          evidence: slowest ? [evidenceOf(slowest)] : [],
        };
      }),
    };

    const notFilled = reqs.filter((r) => r.receivedAt === null);
    const unfilled: RecordTable = {
      key: 'requests-not-filled',
      source: 'requests',
      title: 'Resource requests not filled (cancelled, denied or still open)',
      intro: `${plural(notFilled.length, 'request')} of ${reqs.length} submitted never reached receipt.`,
      columns: ['Request', 'Priority', 'Requested by', 'Status', 'Submitted'],
      rows: notFilled.map((r) => ({
        cells: [`${r.number} ${r.summary}`, PRIORITY_LABELS[r.priority], r.organisation, STATUS_LABELS[r.status], ctx.fmt(r.submittedAt!)],
        evidence: [evidenceOf(r)],
      })),
    };

    const sources = fillSourcesForReview(ctx.db, ctx.incident.id);
    const total = sources.reduce((n, s) => n + s.quantity, 0);
    const byId = new Map(reqs.map((r) => [r.id, r]));
    const sourcesUsed: RecordTable = {
      key: 'sources-used',
      source: 'requests',
      title: 'Sources used to fill requests',
      intro: 'Quantities filled per source, withdrawn fills excluded.',
      columns: ['Source', 'Fills', 'Quantity', 'Share'],
      rows: sources.map((s) => ({
        cells: [FILL_SOURCE_LABELS[s.source], String(s.fills), String(s.quantity), total ? `${Math.round((100 * s.quantity) / total)}%` : '-'],
        evidence: s.requestIds.flatMap((id) => (byId.has(id) ? [evidenceOf(byId.get(id)!)] : [])).slice(0, 20),
      })),
    };

    const candidates: CandidateDraft[] = [];
    const urgent = reqs.filter((r) => r.priority === 'urgent' && !isEnded(r));
    const late = urgent.filter((r) => (r.receivedAt ?? ctx.until) - r.submittedAt! > URGENT_TARGET_MS);
    if (late.length) {
      const filledLate = late.filter((r) => r.receivedAt !== null);
      candidates.push({
        ruleKey: 'requests.urgent-slow',
        kind: 'afi',
        topic: 'resources',
        title: `${plural(late.length, 'urgent request')} took longer than 4 hours to fill`,
        reference: 'Coalition resource request procedure (ICS 213RR); urgent priority: 0-4 hours.',
        analysis: [
          `${late.length} of ${urgent.length} urgent requests were not filled within 4 hours of submission` +
            (filledLate.length < late.length ? ` (${late.length - filledLate.length} not filled at all by ${ctx.fmt(ctx.until)}).` : '.'),
          ...late.map((r) =>
            r.receivedAt !== null
              ? `${r.number} (${r.organisation}: ${r.summary}) submitted ${ctx.fmt(r.submittedAt!)}, received ${ctx.fmt(r.receivedAt)}: ${duration(r.receivedAt - r.submittedAt!)}.`
              : `${r.number} (${r.organisation}: ${r.summary}) submitted ${ctx.fmt(r.submittedAt!)}, still ${STATUS_LABELS[r.status].toLowerCase()}.`,
          ),
        ].join('\n'),
        evidence: late.map(evidenceOf),
      });
    } else {
      const filled = urgent.filter((r) => r.receivedAt !== null);
      if (filled.length) {
        candidates.push({
          ruleKey: 'requests.urgent-on-time',
          kind: 'strength',
          topic: 'resources',
          title: `All ${plural(filled.length, 'urgent request')} filled within 4 hours`,
          reference: 'Coalition resource request procedure (ICS 213RR); urgent priority: 0-4 hours.',
          analysis: `Every urgent request filled was received within 4 hours of submission; the longest took ${duration(Math.max(...filled.map((r) => fillMs(r)!)))}.`,
          evidence: filled.map(evidenceOf),
        });
      }
    }
    const cancelled = reqs.filter(isEnded);
    const open = notFilled.filter((r) => !isEnded(r) && r.priority !== 'urgent');
    if (cancelled.length + open.length > 0) {
      candidates.push({
        ruleKey: 'requests.not-filled',
        kind: 'afi',
        topic: 'resources',
        title: `${plural(cancelled.length + open.length, 'request')} not filled: ${cancelled.length} cancelled or denied, ${open.length} still open`,
        reference: 'Coalition resource request procedure (ICS 213RR).',
        analysis: [...cancelled, ...open].map((r) => `${r.number} (${r.organisation}: ${r.summary}): ${STATUS_LABELS[r.status].toLowerCase()}.`).join('\n'),
        evidence: [...cancelled, ...open].map(evidenceOf),
      });
    }
    return { tables: [timeToFill, unfilled, sourcesUsed], candidates };
  },
};
