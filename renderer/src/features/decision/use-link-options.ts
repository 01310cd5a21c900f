import type { DecisionLink } from '../../../../shared/contract';
import { useShell } from '../../lib/shell-context';
import { localParts } from '../../lib/format';
import { useMethod } from '../../lib/query';

const clip = (s: string, n = 90) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** Recent entries, messages and open requests a decision can say it responds to. */
export function useLinkOptions(incidentId: string) {
  const { coalition } = useShell();
  const recent = useMethod('timeline.page', { incidentId, filters: { kinds: ['entry', 'message'] }, order: 'newest', limit: 100 });
  // The requests module may be absent or still starting: links to requests are then simply not offered.
  const requests = useMethod('request.board', { incidentId, scope: 'open' }, { throwOnError: false });
  const hm = (ms: number) => localParts(ms, coalition.timeZone).hm;
  const records = (recent.data?.items ?? []).map((i) => ({
    value: `${i.kind}:${i.id}`,
    label: `${hm(i.occurredAt)} ${i.kind === 'message' ? 'Message' : 'Log'} · ${clip(i.summary)}`,
  }));
  const reqs = (requests.data?.rows ?? []).map((r) => ({ value: `request:${r.id}`, label: `${r.number} · ${clip(r.summary)}` }));
  return [
    { group: 'Log entries and messages', items: records },
    { group: 'Open resource requests', items: reqs },
  ].filter((g) => g.items.length > 0);
}

export function parseLinks(values: string[]): DecisionLink[] {
  return values.map((v) => {
    const [type, id] = v.split(':') as [DecisionLink['type'], string];
    return { type, id };
  });
}
