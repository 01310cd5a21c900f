import L from 'leaflet';
import type { MapItem } from '../items';
import { placeClusters } from './cluster-placement';
import { clusterWidth, CLUSTER_H, drawCluster, drawSymbol, symbolBox, type Box, type LabelTheme } from './draw-symbols';
import { timed } from '../perf';
import { isDrawing } from './drawing';
import type { PointIndex } from './point-index';
import type { PointSet } from './point-set';
import { CLUSTER_LAYERS, clusterWords, type ClusterLayer } from './symbols';

/** One clustered layer as the canvas draws it. */
export interface SymbolSource {
  layer: ClusterLayer;
  points: PointSet;
  index: PointIndex;
}

/** What a symbol on the canvas stands for: a record, or a cluster (several of clustering's when their pills met). */
export type SymbolTarget = { kind: 'point'; item: MapItem } | { kind: 'cluster'; layer: ClusterLayer; count: number; latitude: number; longitude: number; parts: { index: PointIndex; id: number }[] };

interface Drawn {
  box: Box;
  x: number;
  y: number;
  target: SymbolTarget;
}

/** What was drawn, for the screen's test hook: how many of each, and the one nearest the middle of the view that a click on its middle reaches (in the map element's pixels). */
export type DrawnSummary = Partial<Record<ClusterLayer, { clusters: number; points: number; cluster?: { x: number; y: number; words: string }; point?: { x: number; y: number; key: string } }>>;

/**
 * The canvas is this much of the view larger on each side, so a drag shows symbols at its
 * edges before it ends; more costs every redraw (the canvas is made again at each) its area.
 */
const PADDING = 0.3;

/** The words a symbol says when the pointer rests on it: the record and its status, or how many a cluster holds. */
export function targetWords(t: SymbolTarget): string {
  if (t.kind === 'cluster') return `${clusterWords(t.layer, t.count)}: click to zoom in`;
  return `${t.item.label}: ${t.item.kind}${t.item.status ? `. Status: ${t.item.status}` : ''}`;
}

type Paint = (ctx: CanvasRenderingContext2D, bounds: L.Bounds) => void;
/**
 * Leaflet's own canvas renderer sizes and places the canvas, moves it with the map and
 * scales it through a zoom's animation; this one draws symbols instead of paths.
 */
const SymbolRenderer = (L.Canvas as unknown as { extend(props: object): new (options: L.RendererOptions & { paint: Paint }) => L.Canvas }).extend({
  _draw(this: { _ctx: CanvasRenderingContext2D; _bounds: L.Bounds; options: { paint: Paint } }) {
    timed('symbols', () => this.options.paint(this._ctx, this._bounds));
  },
});

/**
 * Members, requests and caches drawn on one canvas instead of thousands of HTML markers:
 * each redraw (when the map settles, and only then) asks each layer's clusters for what is
 * in and around the view at this zoom, places the clusters' pills apart and draws every
 * symbol with its words. A click or a resting pointer is matched against what was drawn.
 * The keyboard's way to the same records is the list beside the map.
 */
export function createSymbolCanvas(map: L.Map, on: { select(item: MapItem): void; drawn(summary: DrawnSummary): void }) {
  if (!map.getPane('eoc-symbols')) {
    const pane = map.createPane('eoc-symbols');
    // Above shapes and overlays, below popups; the map underneath takes the pointer.
    pane.style.zIndex = '600';
    pane.style.pointerEvents = 'none';
  }
  let sources: SymbolSource[] = [];
  let theme: LabelTheme | null = null;
  let drawn: Drawn[] = [];

  /** The top-most symbol under a point of the map, if any. */
  const hit = (p: L.Point): SymbolTarget | null => {
    for (let i = drawn.length - 1; i >= 0; i--) {
      const b = drawn[i]!.box;
      if (p.x >= b.x0 && p.x <= b.x1 && p.y >= b.y0 && p.y <= b.y1) return drawn[i]!.target;
    }
    return null;
  };

  const paint: Paint = (ctx, bounds) => {
    drawn = [];
    if (!theme) return;
    const zoom = map.getZoom();
    const sw = map.layerPointToLatLng(L.point(bounds.min!.x, bounds.max!.y));
    const ne = map.layerPointToLatLng(L.point(bounds.max!.x, bounds.min!.y));
    const box = [sw.lng, sw.lat, ne.lng, ne.lat] as const;
    const spots: Parameters<typeof placeClusters<{ index: PointIndex; id: number }>>[0][number][] = [];
    const points: { source: SymbolSource; i: number; x: number; y: number }[] = [];
    for (const source of sources) {
      for (const s of source.index.shown(box, zoom)) {
        const p = map.latLngToLayerPoint([s.latitude, s.longitude]);
        if (s.kind === 'cluster') spots.push({ layer: source.layer, x: p.x, y: p.y, count: s.count, part: { index: source.index, id: s.id } });
        else points.push({ source, i: s.index, x: p.x, y: p.y });
      }
    }
    // Single records mark exact places: clusters step aside from them, not the other way round.
    const records = points.map((p) => symbolBox(ctx, p.source.points.symbol(p.i), p.x, p.y));
    const clusters = placeClusters(spots, (layer, count) => ({ w: clusterWidth(ctx, clusterWords(layer, count)), h: CLUSTER_H }), records);
    // Layer by layer, caches under members under requests; a layer's clusters over its points.
    for (const layer of CLUSTER_LAYERS) {
      for (const p of points) {
        if (p.source.layer !== layer) continue;
        const item = p.source.points.items[p.i]!;
        drawn.push({ box: drawSymbol(ctx, p.source.points.symbol(p.i), p.x, p.y, theme), x: p.x, y: p.y, target: { kind: 'point', item } });
      }
      for (const c of clusters) {
        if (c.layer !== layer) continue;
        const at = map.layerPointToLatLng(L.point(c.x, c.y));
        drawn.push({ box: drawCluster(ctx, layer, clusterWords(layer, c.count), c.x, c.y), x: c.x, y: c.y, target: { kind: 'cluster', layer, count: c.count, latitude: at.lat, longitude: at.lng, parts: c.parts } });
      }
    }
    on.drawn(summarise());
  };

  const summarise = (): DrawnSummary => {
    const size = map.getSize();
    const mid = size.divideBy(2);
    const out: DrawnSummary = {};
    const best: Record<string, number> = {};
    for (const d of drawn) {
      const layer = d.target.kind === 'point' ? (d.target.item.layer as ClusterLayer) : d.target.layer;
      const s = (out[layer] ??= { clusters: 0, points: 0 });
      const c = map.layerPointToContainerPoint(L.point(d.x, d.y)).round();
      const inView = c.x > 40 && c.y > 40 && c.x < size.x - 40 && c.y < size.y - 40;
      const far = c.distanceTo(mid);
      const key = `${layer}:${d.target.kind}`;
      if (d.target.kind === 'point') s.points++;
      else s.clusters++;
      // Only one that a click on its middle reaches (not under another): the hook tells where to click.
      if (!inView || far >= (best[key] ?? Infinity) || hit(L.point(d.x, d.y)) !== d.target) continue;
      best[key] = far;
      if (d.target.kind === 'point') s.point = { x: c.x, y: c.y, key: d.target.item.key };
      else s.cluster = { x: c.x, y: c.y, words: clusterWords(d.target.layer, d.target.count) };
    }
    return out;
  };

  const renderer = new SymbolRenderer({ pane: 'eoc-symbols', padding: PADDING, paint });
  renderer.addTo(map);

  /** A click or pointer over a popup or a control is theirs, whatever is drawn beneath. */
  const above = (ev: MouseEvent) => ev.target instanceof Element && !!ev.target.closest('.leaflet-popup, .leaflet-control');
  const moved = () => !!(map.dragging as (L.Handler & { moved?(): boolean; moving?(): boolean }) | undefined)?.moved?.();

  // Caught on the way down, before any element under the canvas (an annotation's marker)
  // takes it: what the operator sees on top is what the click opens.
  const click = (ev: MouseEvent) => {
    if (above(ev) || isDrawing(map) || moved()) return;
    const t = hit(map.mouseEventToLayerPoint(ev));
    if (!t) return;
    ev.stopPropagation();
    if (t.kind === 'point') on.select(t.item);
    else {
      // Zoom in until the cluster splits: the shallowest zoom at which any of its parts does.
      const zoom = Math.min(...t.parts.map((p) => p.index.expansionZoom(p.id)));
      map.setView([t.latitude, t.longitude], Math.min(zoom, map.getMaxZoom()));
    }
  };

  const tip = L.tooltip({ direction: 'top', offset: [0, -18], opacity: 1, className: 'eoc-sym-tip' });
  let hovered: SymbolTarget | null = null;
  const hover = (ev: MouseEvent) => {
    const t = above(ev) || isDrawing(map) || (map.dragging as (L.Handler & { moving?(): boolean }) | undefined)?.moving?.() ? null : hit(map.mouseEventToLayerPoint(ev));
    if (t === hovered) return;
    hovered = t;
    map.getContainer().style.cursor = t ? 'pointer' : '';
    if (!t) map.closeTooltip(tip);
    else map.openTooltip(tip.setContent(targetWords(t)).setLatLng(t.kind === 'point' ? [t.item.latitude, t.item.longitude] : [t.latitude, t.longitude]));
  };
  const out = () => {
    hovered = null;
    map.getContainer().style.cursor = '';
    map.closeTooltip(tip);
  };
  const redraw = () => (renderer as unknown as { _redraw(): void })._redraw();
  const container = map.getContainer();
  container.addEventListener('click', click, true);
  container.addEventListener('mousemove', hover);
  map.on('mouseout movestart zoomstart', out);

  return {
    /** What to draw and in which theme; draws it at once. */
    set(next: SymbolSource[], nextTheme: LabelTheme) {
      sources = next;
      theme = nextTheme;
      out();
      redraw();
    },
    remove() {
      container.removeEventListener('click', click, true);
      container.removeEventListener('mousemove', hover);
      map.off('mouseout movestart zoomstart', out);
      map.closeTooltip(tip);
      renderer.remove();
    },
  };
}
