import { describe, expect, it } from 'vitest';
import { placeClusters, type ClusterSpot } from '../../../renderer/src/features/map/layers/cluster-placement';
import type { Box } from '../../../renderer/src/features/map/layers/draw-symbols';

// A pill as wide as its words: 8 px a character plus padding, 28 px high, like "12 members".
const size = (_layer: string, count: number) => ({ w: 24 + 8 * `${count} members`.length, h: 28 });
const spot = (layer: ClusterSpot<number>['layer'], x: number, y: number, count: number, part: number): ClusterSpot<number> => ({ layer, x, y, count, part });
const touch = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

describe('placing cluster pills so each can be read', () => {
  it('joins two of one layer whose pills would overlap: one pill, the counts added, both clusters behind it', () => {
    const placed = placeClusters([spot('organisations', 100, 100, 12, 1), spot('organisations', 150, 110, 30, 2)], size);
    expect(placed).toHaveLength(1);
    expect(placed[0]).toMatchObject({ count: 42, parts: [2, 1], x: 150, y: 110 });
  });

  it('leaves apart those whose pills do not meet', () => {
    const placed = placeClusters([spot('organisations', 100, 100, 12, 1), spot('organisations', 400, 100, 30, 2)], size);
    expect(placed.map((p) => p.count).sort()).toEqual([12, 30]);
  });

  it('moves a requests pill off the members pill at the same place, and the members pill stays on its place', () => {
    const placed = placeClusters([spot('requests', 300, 300, 3, 1), spot('organisations', 300, 300, 28, 2)], size);
    expect(placed).toHaveLength(2);
    const members = placed.find((p) => p.layer === 'organisations')!;
    const requests = placed.find((p) => p.layer === 'requests')!;
    expect([members.x, members.y]).toEqual([300, 300]);
    expect(touch(members.box, requests.box)).toBe(false);
    expect(Math.abs(requests.y - 300) + Math.abs(requests.x - 300)).toBeGreaterThan(0);
  });

  it('steps off a single record’s symbol, which marks an exact place', () => {
    const record: Box = { x0: 250, y0: 288, x1: 420, y1: 312 };
    const [c] = placeClusters([spot('caches', 300, 300, 5, 1)], size, [record]);
    expect(touch(c!.box, record)).toBe(false);
  });

  it('joins a third that a grown pill now reaches, so no two of a layer overlap in the end', () => {
    const placed = placeClusters([spot('organisations', 100, 100, 9, 1), spot('organisations', 205, 100, 9, 2), spot('organisations', 40, 100, 9, 3)], size);
    for (const a of placed) for (const b of placed) if (a !== b) expect(touch(a.box, b.box)).toBe(false);
    expect(placed.reduce((n, p) => n + p.count, 0)).toBe(27);
  });

  it('keeps a pill on its place when there is nowhere free to go, rather than losing it', () => {
    const walls: Box[] = [{ x0: -1000, y0: -1000, x1: 1000, y1: 1000 }];
    const [c] = placeClusters([spot('caches', 0, 0, 5, 1)], size, walls);
    expect([c!.x, c!.y, c!.count]).toEqual([0, 0, 5]);
  });
});
