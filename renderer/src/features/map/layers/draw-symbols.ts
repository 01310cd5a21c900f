import type { Severity } from '../../../../../shared/domain/status-rules';
import { CLUSTER_STYLE, type ClusterLayer, type SymbolStyle } from './symbols';

/** A rectangle in the canvas's pixels: what a symbol covers, for hit testing and collisions. */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The label's halo follows the theme; the badges stay white with dark words in both, as on paper. */
export interface LabelTheme {
  fill: string;
  text: string;
  edge: string;
}
export const LABEL_THEMES: Readonly<Record<'light' | 'dark', LabelTheme>> = {
  light: { fill: 'rgba(255,255,255,0.88)', text: '#111', edge: 'rgba(0,0,0,0.15)' },
  dark: { fill: 'rgba(20,22,25,0.88)', text: '#f1f3f5', edge: 'rgba(255,255,255,0.18)' },
};

/** The status tag's fill, edge and words per severity (the same as the legend's and the print's). */
const TAG_COLOURS: Readonly<Record<Severity, { fill: string; edge: string; text: string }>> = {
  critical: { fill: '#b00020', edge: '#5c0010', text: '#fff' },
  warning: { fill: '#ffb300', edge: '#7a4f00', text: '#111' },
  advisory: { fill: '#fff59d', edge: '#8d7b00', text: '#111' },
  normal: { fill: '#e8f5e9', edge: '#2e7d32', text: '#1b5e20' },
  unknown: { fill: '#eceff1', edge: '#78909c', text: '#37474f' },
};

const FONT = { glyph: '700 11px system-ui, sans-serif', request: '700 10px system-ui, sans-serif', tag: '700 11px system-ui, sans-serif', label: '600 12px system-ui, sans-serif', cluster: '700 13px system-ui, sans-serif' };
const SHADOW = 'rgba(0,0,0,0.4)';
const BADGE_H = 24;
const DIAMOND = 17;
const TAG_H = 21;
const LABEL_H = 17;
export const CLUSTER_H = 28;
const GAP = 4;

/** Widths of words already measured, per font: the same codes and counts recur on every redraw. */
const widths = new Map<string, number>();
function width(ctx: CanvasRenderingContext2D, font: string, words: string): number {
  const key = `${font}|${words}`;
  let w = widths.get(key);
  if (w === undefined) {
    ctx.font = font;
    w = ctx.measureText(words).width;
    widths.set(key, w);
  }
  return w;
}

function pill(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, Math.min(r, h / 2, w / 2));
}

/** A filled shape with a coloured outline and a soft edge below it, so it reads on land, water and a street map. */
function badge(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number, fill: string, outline: string, line: number) {
  ctx.fillStyle = SHADOW;
  pill(ctx, x - 1, y, w + 2, h + 2, r);
  ctx.fill();
  ctx.fillStyle = fill;
  pill(ctx, x, y, w, h, r);
  ctx.fill();
  ctx.strokeStyle = outline;
  ctx.lineWidth = line;
  pill(ctx, x + line / 2, y + line / 2, w - line, h - line, r);
  ctx.stroke();
}

function words(ctx: CanvasRenderingContext2D, font: string, colour: string, text: string, x: number, y: number) {
  ctx.font = font;
  ctx.fillStyle = colour;
  ctx.fillText(text, x, y + 0.5);
}

interface Layout extends Box {
  badgeW: number;
  ring: boolean;
  tagX: number;
  tagW: number;
  labelX: number;
  labelW: number;
}

/** Where each part of a record's symbol goes with its middle on (x, y): the shape, its severity ring, the status tag, the label. */
function layout(ctx: CanvasRenderingContext2D, s: SymbolStyle, x: number, y: number): Layout {
  const ring = !!s.tag && (s.tag.severity === 'critical' || s.tag.severity === 'warning');
  const badgeW = s.shape === 'diamond' ? 40 : Math.max(28, width(ctx, FONT.glyph, s.glyph) + 14);
  const half = (s.shape === 'diamond' ? 20 : BADGE_H / 2) + (ring ? 4 : 0);
  const tagX = x + badgeW / 2 + (ring ? 4 : 0) + GAP;
  const tagW = s.tag ? width(ctx, FONT.tag, s.tag.words) + 12 : 0;
  const labelX = s.tag ? tagX + tagW + GAP : tagX;
  const labelW = width(ctx, FONT.label, s.label) + 8;
  return { x0: x - badgeW / 2 - (ring ? 4 : 0), y0: y - half, x1: labelX + labelW, y1: y + half, badgeW, ring, tagX, tagW, labelX, labelW };
}

/** What a record's symbol would cover with its middle on (x, y), without drawing it. */
export function symbolBox(ctx: CanvasRenderingContext2D, s: SymbolStyle, x: number, y: number): Box {
  const { x0, y0, x1, y1 } = layout(ctx, s, x, y);
  return { x0, y0, x1, y1 };
}

/** Draws one record's symbol with its middle on (x, y): the shape, the status tag, the label. Returns what it covers. */
export function drawSymbol(ctx: CanvasRenderingContext2D, s: SymbolStyle, x: number, y: number, theme: LabelTheme): Box {
  const at = layout(ctx, s, x, y);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  if (s.shape === 'diamond') {
    ctx.beginPath();
    ctx.moveTo(x, y - DIAMOND + 1);
    ctx.lineTo(x + DIAMOND + 1, y + 1);
    ctx.lineTo(x, y + DIAMOND + 2);
    ctx.lineTo(x - DIAMOND - 1, y + 1);
    ctx.closePath();
    ctx.fillStyle = SHADOW;
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(x, y - DIAMOND);
    ctx.lineTo(x + DIAMOND, y);
    ctx.lineTo(x, y + DIAMOND);
    ctx.lineTo(x - DIAMOND, y);
    ctx.closePath();
    ctx.fillStyle = '#fff';
    ctx.fill();
    ctx.strokeStyle = s.colour;
    ctx.lineWidth = 3;
    ctx.stroke();
    words(ctx, FONT.request, '#111', s.glyph, x, y);
  } else {
    const w = at.badgeW;
    const x0 = x - w / 2;
    const y0 = y - BADGE_H / 2;
    const r = s.shape === 'round' ? BADGE_H / 2 : 2;
    if (at.ring) {
      // The severity ring around the badge: solid for critical, dashed for warning.
      const critical = s.tag!.severity === 'critical';
      ctx.strokeStyle = critical ? '#b00020' : '#e65100';
      ctx.lineWidth = 3;
      ctx.setLineDash(critical ? [] : [4, 3]);
      pill(ctx, x0 - 2.5, y0 - 2.5, w + 5, BADGE_H + 5, r + 2.5);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    badge(ctx, x0, y0, w, BADGE_H, r, '#fff', s.colour, 3);
    words(ctx, FONT.glyph, '#111', s.glyph, x, y);
  }
  if (s.tag) {
    const c = TAG_COLOURS[s.tag.severity];
    const { tagX, tagW } = at;
    ctx.fillStyle = SHADOW;
    pill(ctx, tagX - 1, y - TAG_H / 2, tagW + 2, TAG_H + 2, 3);
    ctx.fill();
    ctx.fillStyle = c.fill;
    pill(ctx, tagX, y - TAG_H / 2, tagW, TAG_H, 3);
    ctx.fill();
    ctx.strokeStyle = c.edge;
    ctx.lineWidth = 2;
    // A stale report's tag has a dashed edge: its age is in its words too.
    if (s.tag.stale) ctx.setLineDash([3, 2]);
    pill(ctx, tagX + 1, y - TAG_H / 2 + 1, tagW - 2, TAG_H - 2, 3);
    ctx.stroke();
    ctx.setLineDash([]);
    words(ctx, FONT.tag, c.text, s.tag.words, tagX + tagW / 2, y);
  }
  const { labelX, labelW } = at;
  ctx.fillStyle = theme.fill;
  pill(ctx, labelX, y - LABEL_H / 2, labelW, LABEL_H, 3);
  ctx.fill();
  ctx.strokeStyle = theme.edge;
  ctx.lineWidth = 1;
  pill(ctx, labelX + 0.5, y - LABEL_H / 2 + 0.5, labelW - 1, LABEL_H - 1, 3);
  ctx.stroke();
  words(ctx, FONT.label, theme.text, s.label, labelX + labelW / 2, y);
  return { x0: at.x0, y0: at.y0, x1: at.x1, y1: at.y1 };
}

/** A cluster's pill width for its words ("12 members"), for placing clusters apart before drawing. */
export const clusterWidth = (ctx: CanvasRenderingContext2D, text: string): number => width(ctx, FONT.cluster, text) + 24;

/** Draws a cluster's pill, its words inside, with its middle on (x, y). */
export function drawCluster(ctx: CanvasRenderingContext2D, layer: ClusterLayer, text: string, x: number, y: number): Box {
  const w = clusterWidth(ctx, text);
  const { colour, radius } = CLUSTER_STYLE[layer];
  const box = { x0: x - w / 2, y0: y - CLUSTER_H / 2, x1: x + w / 2, y1: y + CLUSTER_H / 2 };
  badge(ctx, box.x0, box.y0, w, CLUSTER_H, radius, '#fff', colour, 3);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  words(ctx, FONT.cluster, '#111', text, x, y);
  return box;
}
