import type { Box } from './draw-symbols';
import type { ClusterLayer } from './symbols';

/** A cluster as clustering made it: where it is on the canvas and how many it holds. */
export interface ClusterSpot<T> {
  layer: ClusterLayer;
  x: number;
  y: number;
  count: number;
  part: T;
}

/** A cluster as it is drawn: possibly several of clustering's, merged because their pills met; possibly moved off another layer's. */
export interface PlacedCluster<T> {
  layer: ClusterLayer;
  x: number;
  y: number;
  count: number;
  parts: T[];
  box: Box;
}

/** Members first: their pills stay where they are; requests' and caches' step aside. */
const PRIORITY: Readonly<Record<ClusterLayer, number>> = { organisations: 0, requests: 1, caches: 2 };
/** Pills closer than this are taken to touch: a hair's gap still reads as one smudge at a distance. */
const CLEAR = 3;
/** Where a pill that would cover something tries to go, in pill widths and heights: below, above, beside, further, aslant. */
const STEPS: readonly (readonly [number, number])[] = [[0, 0], [0, 1], [0, -1], [1, 0], [-1, 0], [0, 2], [0, -2], [1, 1], [-1, 1], [1, -1], [-1, -1]];

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 + CLEAR && b.x0 < a.x1 + CLEAR && a.y0 < b.y1 + CLEAR && b.y0 < a.y1 + CLEAR;
const boxAt = (x: number, y: number, w: number, h: number): Box => ({ x0: x - w / 2, y0: y - h / 2, x1: x + w / 2, y1: y + h / 2 });

/**
 * Clusters are made with a fixed radius, but their pills are as wide as their words ("128
 * members"), so at some zooms neighbours' pills overlap and neither can be read. Here a
 * pill that would overlap one of its own layer's joins it (the count adds up: a
 * collision-aware radius), and one that would cover another layer's pill (requests sit at
 * their members' places) or a single record's symbol (`records`: those mark an exact place,
 * a cluster only roughly) steps below, above or beside it. Largest first, members first,
 * so the picture is stable from one redraw to the next.
 */
export function placeClusters<T>(spots: readonly ClusterSpot<T>[], size: (layer: ClusterLayer, count: number) => { w: number; h: number }, records: readonly Box[] = []): PlacedCluster<T>[] {
  const order = [...spots].sort((a, b) => PRIORITY[a.layer] - PRIORITY[b.layer] || b.count - a.count);
  const placed: PlacedCluster<T>[] = [];
  const resize = (p: PlacedCluster<T>) => {
    const { w, h } = size(p.layer, p.count);
    p.box = boxAt(p.x, p.y, w, h);
  };
  for (const s of order) {
    const { w, h } = size(s.layer, s.count);
    const here = boxAt(s.x, s.y, w, h);
    const own = placed.find((p) => p.layer === s.layer && overlaps(p.box, here));
    if (own) {
      own.count += s.count;
      own.parts.push(s.part);
      resize(own);
      continue;
    }
    let [x, y, at] = [s.x, s.y, here];
    for (const [dx, dy] of STEPS) {
      const box = boxAt(s.x + dx * (w + CLEAR), s.y + dy * (h + CLEAR), w, h);
      if (!placed.some((p) => overlaps(p.box, box)) && !records.some((r) => overlaps(r, box))) {
        [x, y, at] = [s.x + dx * (w + CLEAR), s.y + dy * (h + CLEAR), box];
        break;
      }
    }
    placed.push({ layer: s.layer, x, y, count: s.count, parts: [s.part], box: at });
  }
  // A pill that grew when another joined it may now reach a third of its layer: join those too.
  for (let merged = true; merged; ) {
    merged = false;
    for (let i = 0; i < placed.length && !merged; i++) {
      for (let j = i + 1; j < placed.length; j++) {
        const a = placed[i]!;
        const b = placed[j]!;
        if (a.layer !== b.layer || !overlaps(a.box, b.box)) continue;
        a.count += b.count;
        a.parts.push(...b.parts);
        resize(a);
        placed.splice(j, 1);
        merged = true;
        break;
      }
    }
  }
  return placed;
}
