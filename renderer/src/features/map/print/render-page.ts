import type L from 'leaflet';
import type { Annotation, Overlay } from '../../../../../shared/contract';
import type { Palette } from '../basemap/palette';
import type { Area } from '../basemap/us-atlas';
import type { MapItem } from '../items';
import { metresPerPixel, scaleBars } from './scale';

export interface PrintInput {
  map: L.Map;
  orientation: 'landscape' | 'portrait';
  title: string;
  /** "Printed 6 Dec 2026 14:30 EST (19:30 UTC) by …; incident …" */
  subtitle: string;
  marks: string[];
  palette: Palette;
  areas: { states: readonly Area[]; counties: readonly Area[]; region: ReadonlySet<string> } | null;
  items: readonly MapItem[];
  glyphOf: (item: MapItem) => { glyph: string; shape: 'circle' | 'diamond' | 'square'; colour: string };
  annotations: readonly Annotation[];
  overlays: readonly Overlay[];
  /** Town names to print (those the screen would label at this zoom). */
  places: readonly { name: string; latitude: number; longitude: number }[];
  legend: readonly { heading: string; entries: readonly [string, string][] }[];
}

/** US Letter at 150 dots per inch. */
const DPI = 150;
const PAGE = { landscape: [11 * DPI, 8.5 * DPI], portrait: [8.5 * DPI, 11 * DPI] } as const;
const FONT = '"DejaVu Sans", "Liberation Sans", Arial, sans-serif';

/**
 * The printed view as one Letter page: title, marks, the map of the area on screen (basemap,
 * region, symbols with their words, annotations, overlays), scale bar, north arrow, legend
 * in words, date and time. Drawn from the data, not copied from the screen, so it prints
 * the same whatever the window size and with no remote resource.
 */
export function renderPage(p: PrintInput): HTMLCanvasElement {
  const [W, H] = PAGE[p.orientation];
  const c = document.createElement('canvas');
  c.width = W;
  c.height = H;
  const g = c.getContext('2d')!;
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, W, H);
  const M = 45;
  // Header: title, marks, when and by whom. The title shrinks to fit beside the marks.
  g.textBaseline = 'top';
  g.font = `bold 26px ${FONT}`;
  const marksW = p.marks.reduce((w, m) => w + g.measureText(m).width + 34, 0);
  let size = 34;
  g.font = `bold ${size}px ${FONT}`;
  while (size > 18 && g.measureText(p.title).width > W - 2 * M - marksW - 20) g.font = `bold ${--size}px ${FONT}`;
  g.fillStyle = '#111111';
  g.fillText(p.title, M, M + (34 - size) / 2, W - 2 * M - marksW - 20);
  let mx = W - M;
  for (const mark of p.marks) {
    g.font = `bold 26px ${FONT}`;
    const w = g.measureText(mark).width + 24;
    mx -= w;
    g.fillStyle = '#b00020';
    g.fillRect(mx, M, w, 40);
    g.fillStyle = '#ffffff';
    g.fillText(mark, mx + 12, M + 8);
    mx -= 10;
  }
  g.fillStyle = '#333333';
  g.font = `18px ${FONT}`;
  g.fillText(p.subtitle, M, M + 46, W - 2 * M);

  const top = M + 80;
  const legendW = p.orientation === 'landscape' ? 330 : 0;
  const legendH = p.orientation === 'portrait' ? 300 : 0;
  const frame = { x: M, y: top, w: W - 2 * M - legendW - (legendW ? 20 : 0), h: H - top - M - legendH - (legendH ? 20 : 0) - 24 };
  drawMap(g, p, frame);
  const lx = legendW ? frame.x + frame.w + 20 : M;
  const ly = legendW ? top : frame.y + frame.h + 20;
  drawLegend(g, p, { x: lx, y: ly, w: legendW || W - 2 * M, h: legendW ? frame.h : legendH });
  g.fillStyle = '#555555';
  g.font = `14px ${FONT}`;
  g.fillText(`Basemap: U.S. Census Bureau states and counties (us-atlas); towns and ZIP codes from the console's offline data. Web Mercator; north is up.${p.marks.length ? `  ${p.marks.join(' · ')}` : ''}`, M, H - M - 14, W - 2 * M);
  return c;
}

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

function drawMap(g: CanvasRenderingContext2D, p: PrintInput, f: Frame) {
  const map = p.map;
  const zoom = map.getZoom();
  const size = map.getSize();
  // The page shows at least the area on screen, scaled to fill the frame.
  const s = Math.min(f.w / size.x, f.h / size.y);
  const centre = map.project(map.getCenter(), zoom);
  const toPx = (lat: number, lon: number): [number, number] => {
    const pt = map.project([lat, lon], zoom);
    return [f.x + f.w / 2 + (pt.x - centre.x) * s, f.y + f.h / 2 + (pt.y - centre.y) * s];
  };
  g.save();
  g.beginPath();
  g.rect(f.x, f.y, f.w, f.h);
  g.clip();
  g.fillStyle = p.palette.water;
  g.fillRect(f.x, f.y, f.w, f.h);
  const ring = (coords: number[][]) => {
    coords.forEach(([lon, lat], i) => {
      const [x, y] = toPx(lat!, lon!);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    g.closePath();
  };
  const area = (a: Area) => {
    g.beginPath();
    const polys = a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;
    for (const poly of polys) for (const r of poly) ring(r);
  };
  if (p.areas) {
    g.fillStyle = p.palette.land;
    for (const st of p.areas.states) {
      area(st);
      g.fill('evenodd');
    }
    for (const ct of p.areas.counties) {
      area(ct);
      const inRegion = p.areas.region.has(ct.id);
      if (inRegion) {
        g.fillStyle = p.palette.regionFill;
        g.fill('evenodd');
      }
      g.strokeStyle = inRegion ? p.palette.regionLine : p.palette.county;
      g.lineWidth = inRegion ? 1.6 : 0.8;
      g.stroke();
    }
    g.strokeStyle = p.palette.state;
    g.lineWidth = 2.2;
    for (const st of p.areas.states) {
      area(st);
      g.stroke();
    }
  }
  // Overlays, then annotations, then the records on top.
  g.lineWidth = 2;
  for (const o of p.overlays) for (const feat of o.geojson.features as GeoJSON.Feature[]) drawGeometry(g, feat.geometry, toPx, '#6a1b9a', [8, 5]);
  const labels: { x: number; y: number; w: number; h: number }[] = [];
  const placeLabel = (text: string, x: number, y: number, bold = false) => {
    g.font = `${bold ? 'bold ' : ''}15px ${FONT}`;
    const w = g.measureText(text).width + 6;
    const box = { x, y: y - 9, w, h: 19 };
    if (labels.some((b) => box.x < b.x + b.w && box.x + box.w > b.x && box.y < b.y + b.h && box.y + box.h > b.y)) return;
    labels.push(box);
    g.fillStyle = 'rgba(255,255,255,0.85)';
    g.fillRect(box.x, box.y, box.w, box.h);
    g.fillStyle = '#111111';
    g.textBaseline = 'middle';
    g.fillText(text, x + 3, y);
  };
  for (const a of p.annotations) {
    const colour = a.purpose === 'note' ? '#0b6e4f' : '#b00020';
    g.strokeStyle = colour;
    g.lineWidth = a.purpose === 'incident_area' ? 3.5 : 3;
    g.setLineDash(a.purpose === 'incident_area' ? [12, 7] : []);
    if (a.shape === 'circle' && a.geometry.type === 'Point' && a.radiusM) {
      const [x, y] = toPx(a.geometry.coordinates[1], a.geometry.coordinates[0]);
      const r = (a.radiusM / metresPerPixel(a.geometry.coordinates[1], zoom)) * s;
      g.beginPath();
      g.arc(x, y, r, 0, 2 * Math.PI);
      g.stroke();
    } else drawGeometry(g, a.geometry as GeoJSON.Geometry, toPx, colour, a.purpose === 'incident_area' ? [12, 7] : []);
    g.setLineDash([]);
  }
  for (const t of p.places) {
    const [x, y] = toPx(t.latitude, t.longitude);
    if (x < f.x || x > f.x + f.w || y < f.y || y > f.y + f.h) continue;
    g.font = `14px ${FONT}`;
    g.fillStyle = '#444444';
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(t.name, x, y);
    g.textAlign = 'start';
  }
  for (const it of p.items) {
    const [x, y] = toPx(it.latitude, it.longitude);
    if (x < f.x - 20 || x > f.x + f.w + 20 || y < f.y - 20 || y > f.y + f.h + 20) continue;
    const sym = p.glyphOf(it);
    drawSymbol(g, x, y, sym);
  }
  for (const it of p.items) {
    const [x, y] = toPx(it.latitude, it.longitude);
    if (x < f.x || x > f.x + f.w || y < f.y || y > f.y + f.h) continue;
    placeLabel(it.label.length > 34 ? `${it.label.slice(0, 33)}…` : it.label, x + 16, y, it.layer === 'requests');
  }
  for (const a of p.annotations) {
    const g0 = a.geometry;
    const [lat, lon] = g0.type === 'Point' ? [g0.coordinates[1], g0.coordinates[0]] : g0.type === 'LineString' ? [g0.coordinates[0]![1], g0.coordinates[0]![0]] : [g0.coordinates[0]![0]![1], g0.coordinates[0]![0]![0]];
    const [x, y] = toPx(lat, lon);
    if (x >= f.x && x <= f.x + f.w && y >= f.y && y <= f.y + f.h) placeLabel(`${a.label} (${a.purposeLabel.toLowerCase()})`, x + 10, y, true);
  }
  g.restore();
  g.strokeStyle = '#222222';
  g.lineWidth = 2;
  g.strokeRect(f.x, f.y, f.w, f.h);
  drawNorthArrow(g, f.x + f.w - 50, f.y + 20);
  const mpp = metresPerPixel(map.getCenter().lat, zoom) / s;
  const bars = scaleBars(mpp, 220);
  drawScaleBar(g, f.x + 16, f.y + f.h - 62, bars);
}

type ToPx = (lat: number, lon: number) => [number, number];

function drawGeometry(g: CanvasRenderingContext2D, geom: GeoJSON.Geometry | null, toPx: ToPx, colour: string, dash: number[] = []) {
  if (!geom) return;
  const path = (coords: GeoJSON.Position[], close: boolean) => {
    g.setLineDash(dash);
    g.strokeStyle = colour;
    g.beginPath();
    coords.forEach(([lon, lat], i) => {
      const [x, y] = toPx(lat!, lon!);
      if (i === 0) g.moveTo(x, y);
      else g.lineTo(x, y);
    });
    if (close) g.closePath();
    g.stroke();
  };
  const point = (c: GeoJSON.Position) => {
    const [x, y] = toPx(c[1]!, c[0]!);
    g.setLineDash([]);
    g.beginPath();
    g.arc(x, y, 5, 0, 2 * Math.PI);
    g.fillStyle = '#ffffff';
    g.fill();
    g.strokeStyle = colour;
    g.stroke();
  };
  switch (geom.type) {
    case 'Point':
      return point(geom.coordinates);
    case 'MultiPoint':
      return geom.coordinates.forEach(point);
    case 'LineString':
      return path(geom.coordinates, false);
    case 'MultiLineString':
      return geom.coordinates.forEach((l) => path(l, false));
    case 'Polygon':
      return geom.coordinates.forEach((r) => path(r, true));
    case 'MultiPolygon':
      return geom.coordinates.forEach((poly) => poly.forEach((r) => path(r, true)));
    case 'GeometryCollection':
      return geom.geometries.forEach((x) => drawGeometry(g, x, toPx, colour, dash));
  }
}

function drawSymbol(g: CanvasRenderingContext2D, x: number, y: number, s: { glyph: string; shape: 'circle' | 'diamond' | 'square'; colour: string }) {
  g.font = `bold 11px ${FONT}`;
  const w = Math.max(24, g.measureText(s.glyph).width + 10);
  g.fillStyle = '#ffffff';
  g.strokeStyle = s.colour;
  g.lineWidth = 3;
  g.beginPath();
  if (s.shape === 'circle') g.ellipse(x, y, w / 2, 12, 0, 0, 2 * Math.PI);
  else if (s.shape === 'square') g.rect(x - w / 2, y - 11, w, 22);
  else {
    g.moveTo(x, y - 15);
    g.lineTo(x + w / 2 + 4, y);
    g.lineTo(x, y + 15);
    g.lineTo(x - w / 2 - 4, y);
    g.closePath();
  }
  g.fill();
  g.stroke();
  g.fillStyle = '#111111';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(s.glyph, x, y + 1);
  g.textAlign = 'start';
}

function drawNorthArrow(g: CanvasRenderingContext2D, x: number, y: number) {
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(x - 22, y - 6, 44, 78);
  g.fillStyle = '#111111';
  g.beginPath();
  g.moveTo(x, y + 26);
  g.lineTo(x + 14, y + 66);
  g.lineTo(x, y + 56);
  g.lineTo(x - 14, y + 66);
  g.closePath();
  g.fill();
  g.font = `bold 22px ${FONT}`;
  g.textAlign = 'center';
  g.textBaseline = 'top';
  g.fillText('N', x, y);
  g.textAlign = 'start';
}

function drawScaleBar(g: CanvasRenderingContext2D, x: number, y: number, bars: ReturnType<typeof scaleBars>) {
  g.fillStyle = 'rgba(255,255,255,0.9)';
  g.fillRect(x - 8, y - 8, Math.max(bars.km.px, bars.mi.px) + 90, 58);
  g.fillStyle = '#111111';
  g.font = `14px ${FONT}`;
  g.textBaseline = 'middle';
  for (const [i, b] of [bars.km, bars.mi].entries()) {
    const yy = y + 10 + i * 24;
    g.fillRect(x, yy - 3, b.px, 6);
    g.fillRect(x, yy - 8, 2, 16);
    g.fillRect(x + b.px - 2, yy - 8, 2, 16);
    g.fillText(b.words, x + b.px + 8, yy);
  }
}

function drawLegend(g: CanvasRenderingContext2D, p: PrintInput, f: Frame) {
  g.fillStyle = '#111111';
  g.textBaseline = 'top';
  g.font = `bold 20px ${FONT}`;
  g.fillText('Legend', f.x, f.y);
  let y = f.y + 32;
  let x = f.x;
  const colW = p.orientation === 'portrait' ? 290 : f.w;
  for (const section of p.legend) {
    if (y > f.y + f.h - 40) {
      x += colW;
      y = f.y + 32;
    }
    g.font = `bold 15px ${FONT}`;
    g.fillStyle = '#111111';
    g.fillText(section.heading, x, y, colW - 10);
    y += 21;
    g.font = `14px ${FONT}`;
    for (const [glyph, words] of section.entries) {
      if (y > f.y + f.h - 18) {
        x += colW;
        y = f.y + 32;
      }
      g.font = `bold 12px ${FONT}`;
      g.fillText(glyph, x + 4, y + 1, 60);
      g.font = `14px ${FONT}`;
      g.fillText(words, x + 70, y, colW - 80);
      y += 18;
    }
    y += 8;
  }
}
