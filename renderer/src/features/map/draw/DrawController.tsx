import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useMap } from 'react-leaflet';
import { geometryOf, SHAPE_OF } from './geometry';
import type { Drawn } from './AnnotationForm';

export type DrawShape = 'Marker' | 'Line' | 'Polygon' | 'Circle';

export interface DrawApi {
  draw(shape: DrawShape): void;
  stop(): void;
  /** Turns editing of every annotation on or off; returns whether it is now on. */
  toggleEdit(): boolean;
}

// Geoman edits only layers that ask for it (annotations): never the basemap, symbols or overlays.
L.PM.setOptIn(true);

/**
 * Drawing and editing with geoman, driven from the screen's own labelled buttons. A finished
 * drawing is taken off the map at once and handed to the form; it comes back when the store
 * has it, like every other annotation. Edits are saved by AnnotationLayer.
 */
function setupDrawing(map: L.Map, onCreated: (d: Drawn) => void): { api: DrawApi; stop: () => void } {
  map.pm.setGlobalOptions({ continueDrawing: false, snappable: false, allowSelfIntersection: false } as L.PM.GlobalOptions);
  const created: L.PM.CreateEventHandler = (e) => {
    const shape = SHAPE_OF[e.shape];
    e.layer.remove();
    if (shape) onCreated({ shape, ...geometryOf(e.layer, shape) });
  };
  map.on('pm:create', created);
  const api: DrawApi = {
    draw: (shape) => map.pm.enableDraw(shape),
    stop: () => {
      map.pm.disableDraw();
      map.pm.disableGlobalEditMode();
    },
    toggleEdit: () => {
      map.pm.toggleGlobalEditMode();
      return map.pm.globalEditModeEnabled();
    },
  };
  return {
    api,
    stop: () => {
      map.off('pm:create', created as unknown as L.LeafletEventHandlerFn);
      api.stop();
    },
  };
}

export function DrawController({ apiRef, onDrawn }: { apiRef: React.RefObject<DrawApi | null>; onDrawn: (d: Drawn) => void }) {
  const map = useMap();
  const drawn = useRef(onDrawn);
  useEffect(() => {
    drawn.current = onDrawn;
  }, [onDrawn]);
  useEffect(() => {
    const d = setupDrawing(map, (x) => drawn.current(x));
    apiRef.current = d.api;
    return () => {
      d.stop();
      apiRef.current = null;
    };
  }, [map, apiRef]);
  return null;
}
