import { describe, expect, it } from 'vitest';
import { pointIndex, UNCLUSTERED_ZOOM } from '../../../renderer/src/features/map/layers/point-index';

// 500 members in a tight block near Springfield, and one alone on Cape Cod.
const block = Array.from({ length: 500 }, (_, i) => ({ latitude: 42.1 + (i % 25) * 0.002, longitude: -72.6 + Math.floor(i / 25) * 0.002 }));
const points = [...block, { latitude: 41.67, longitude: -70.3 }];
const MASSACHUSETTS: [number, number, number, number] = [-73.6, 41.2, -69.8, 42.9];

const counted = (shown: ReturnType<ReturnType<typeof pointIndex>['shown']>) => shown.reduce((n, s) => n + (s.kind === 'cluster' ? s.count : 1), 0);

describe('clustering the map’s points', () => {
  const index = pointIndex(points);

  it('zoomed out, groups close points into a cluster that counts them all, and leaves a lone point alone', () => {
    const shown = index.shown(MASSACHUSETTS, 8);
    expect(counted(shown)).toBe(501);
    expect(shown.filter((s) => s.kind === 'cluster').length).toBeLessThan(5);
    expect(shown).toContainEqual(expect.objectContaining({ kind: 'point', index: 500 }));
  });

  it('shows only what is in the box asked for', () => {
    const cape: [number, number, number, number] = [-70.6, 41.5, -70.0, 41.9];
    expect(index.shown(cape, 8)).toEqual([expect.objectContaining({ kind: 'point', index: 500 })]);
  });

  it('draws every point on its own from street-level zoom', () => {
    const shown = index.shown(MASSACHUSETTS, UNCLUSTERED_ZOOM);
    expect(shown).toHaveLength(501);
    expect(shown.every((s) => s.kind === 'point')).toBe(true);
  });

  it('says at which zoom a cluster splits, deeper than the zoom it was shown at', () => {
    const cluster = index.shown(MASSACHUSETTS, 6).find((s) => s.kind === 'cluster');
    expect(cluster?.kind).toBe('cluster');
    if (cluster?.kind === 'cluster') expect(index.expansionZoom(cluster.id)).toBeGreaterThan(6);
  });

  it('at the zoom it says, the cluster has split: what was one symbol is several', () => {
    const fresh = pointIndex(points);
    const cluster = fresh.shown(MASSACHUSETTS, 7).find((s) => s.kind === 'cluster' && s.count === 500);
    expect(cluster?.kind).toBe('cluster');
    if (cluster?.kind !== 'cluster') return;
    const z = fresh.expansionZoom(cluster.id);
    const near: [number, number, number, number] = [cluster.longitude - 0.2, cluster.latitude - 0.2, cluster.longitude + 0.2, cluster.latitude + 0.2];
    const parts = fresh.shown(near, z);
    expect(parts.length).toBeGreaterThan(1);
    expect(counted(parts)).toBe(500);
  });
});
