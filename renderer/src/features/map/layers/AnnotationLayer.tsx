import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { isDrawing } from './drawing';
import type { Annotation } from '../../../../../shared/contract';
import { geometryOf } from '../draw/geometry';
import type { Drawn } from '../draw/AnnotationForm';
import { annotationItem, type MapItem } from '../items';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export interface AnnotationStyle {
  note: string;
  site: string;
  area: string;
}

/** Builds the Leaflet layer of one annotation; `pmIgnore: false` lets geoman edit it (opt-in). */
export function annotationLayer(a: Annotation, style: AnnotationStyle): L.Layer {
  const colour = a.purpose === 'note' ? style.note : a.purpose === 'incident_site' ? style.site : style.area;
  const common = { color: colour, weight: a.purpose === 'incident_area' ? 3 : 2.5, pmIgnore: false } as L.PathOptions;
  const g = a.geometry;
  if (a.shape === 'circle' && g.type === 'Point') return L.circle([g.coordinates[1], g.coordinates[0]], { ...common, radius: a.radiusM ?? 100, fillOpacity: 0.12 });
  if (g.type === 'Point') {
    const glyph = a.purpose === 'incident_site' ? 'INCIDENT' : 'NOTE';
    return L.marker([g.coordinates[1], g.coordinates[0]], {
      icon: L.divIcon({ className: `eoc-sym eoc-sym--ann eoc-sym--${a.purpose}`, html: `<span class="eoc-sym-glyph">${glyph}</span>`, iconSize: undefined, iconAnchor: [14, 14] }),
      title: `${a.label}: ${a.purposeLabel}`,
      pmIgnore: false,
    } as L.MarkerOptions);
  }
  if (g.type === 'LineString') return L.polyline(g.coordinates.map(([x, y]) => [y, x] as [number, number]), { ...common, dashArray: a.purpose === 'note' ? undefined : '8 6' });
  return L.polygon(
    g.coordinates.map((ring) => ring.slice(0, -1).map(([x, y]) => [y, x] as [number, number])),
    { ...common, fillOpacity: a.purpose === 'incident_area' ? 0.08 : 0.15, dashArray: a.purpose === 'incident_area' ? '10 6' : undefined },
  );
}

/**
 * Annotations as drawn shapes with their label written beside them. Each layer carries its
 * annotation so an edit made with geoman can be saved through the contract; what shows is
 * always what the store holds, redrawn when it changes anywhere.
 */
export function AnnotationLayer({
  annotations,
  style,
  onSelect,
  onEdited,
}: {
  annotations: readonly Annotation[];
  style: AnnotationStyle;
  onSelect: (item: MapItem) => void;
  /** A shape moved or reshaped in geoman's edit mode: saved like any change. */
  onEdited: (d: Drawn) => void;
}) {
  const map = useMap();
  const select = useRef(onSelect);
  const edited = useRef(onEdited);
  useEffect(() => {
    select.current = onSelect;
    edited.current = onEdited;
  }, [onSelect, onEdited]);
  useEffect(() => {
    const group = L.featureGroup();
    for (const a of annotations) {
      const layer = annotationLayer(a, style);
      layer.bindTooltip(esc(a.label), { permanent: true, direction: 'right', className: `eoc-ann-label eoc-ann-label--${a.purpose}`, offset: [10, 0] });
      layer.on('click', () => !isDrawing(map) && select.current(annotationItem(a)));
      const save = () => edited.current({ id: a.id, shape: a.shape, ...geometryOf(layer, a.shape), label: a.label, note: a.note, purpose: a.purpose });
      layer.on('pm:update', save);
      layer.on('pm:dragend', save);
      group.addLayer(layer);
    }
    group.addTo(map);
    return () => {
      group.remove();
    };
  }, [map, annotations, style]);
  return null;
}
