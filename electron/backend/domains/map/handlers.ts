import { newId as uuidv7 } from '../../db/ids';
import type { MethodOutput } from '../../../../shared/contract';
import type { mapMethods } from '../../../../shared/contract/map';
import { encodeLayers } from '../../../../shared/contract/map-layers';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { demoLoadedAt } from '../demo/queries';
import { markedFileName } from '../export/marks';
import { COVERED_STATES, townsOf, zipsOf } from '../geocode/geocode';
import { getIncidentRow } from '../incident/queries';
import { removeAnnotation, saveAnnotation } from './annotations';
import { exportLayer } from './layer-export';
import { buildLayers } from './layers';
import { parseOverlay } from './overlay-import';
import { listPacks } from './packs/queries';
import { appendChunk, beginUpload, cancelUpload, finishUpload, removePack } from './packs/store';
import { buildMapPdf } from './print-pdf';
import { getOverlaySummary, listAnnotations, listOverlays } from './queries';
import { memberStates, searchPlaces } from './search';

// The labels of a set of states never change while the console runs: made once per set.
const placesCache = new Map<string, MethodOutput<'map.places'>>();
function placesOf(states: readonly string[]): MethodOutput<'map.places'> {
  const wanted = states.length ? [...states].sort() : COVERED_STATES;
  const key = wanted.join(',');
  let p = placesCache.get(key);
  if (!p) {
    p = { towns: townsOf(wanted), zips: zipsOf(wanted) };
    placesCache.set(key, p);
  }
  return p;
}

export const mapHandlers: HandlersFor<keyof typeof mapMethods> = {
  'map.layers': ({ incidentId }, { db, services }) => encodeLayers(buildLayers(db, services.now(), incidentId)),
  'map.places': (_input, { db }) => placesOf(memberStates(db).filter((s) => COVERED_STATES.includes(s))),
  'map.search': ({ query, incidentId }, { db, services }) => ({ results: searchPlaces(db, query, services.now(), incidentId) }),
  'map.annotations': ({ incidentId }, { db }) => ({ annotations: listAnnotations(db, incidentId) }),
  'map.annotationSave': (input, ctx) => ({ annotation: saveAnnotation(ctx, input) }),
  'map.annotationRemove': ({ id }, ctx) => {
    removeAnnotation(ctx, id);
    return { removed: true };
  },
  'map.overlays': (_input, { db }) => ({ overlays: listOverlays(db) }),
  'map.overlayImport': (input, ctx) => {
    const parsed = parseOverlay(input.format, input.content);
    const id = uuidv7();
    ctx.write((tx) =>
      tx.put('map_overlays', id, {
        name: input.name ?? input.fileName.replace(/\.(geo)?json$|\.kml$|\.kmz$/i, ''),
        source_file: input.fileName,
        source_format: input.format,
        feature_count: parsed.features.length,
        geojson: JSON.stringify({ type: 'FeatureCollection', features: parsed.features }),
      }),
    );
    return { overlay: getOverlaySummary(ctx.db, id)!, skipped: parsed.skipped };
  },
  'map.overlayRemove': ({ id }, ctx) => {
    if (!getOverlaySummary(ctx.db, id)) throw notFound('That overlay');
    ctx.write((tx) => tx.remove('map_overlays', id));
    return { removed: true };
  },
  'map.exportLayer': (input, { db, services }) => exportLayer(db, input, services.now()),
  'map.packs': (_input, { db }) => ({ packs: listPacks(db) }),
  'map.packBegin': ({ fileName, bytes }, ctx) => beginUpload(ctx.services.dataDir, fileName, bytes),
  'map.packChunk': async ({ uploadId, offset, base64 }, ctx) => ({ received: await appendChunk(ctx.services.dataDir, uploadId, offset, base64) }),
  'map.packFinish': async ({ uploadId, name }, ctx) => ({ pack: await finishUpload(ctx, uploadId, name) }),
  'map.packCancel': ({ uploadId }, ctx) => {
    cancelUpload(ctx.services.dataDir, uploadId);
    return { cancelled: true };
  },
  'map.packRemove': ({ id }, ctx) => {
    removePack(ctx, id);
    return { removed: true };
  },
  'map.printPdf': async (input, ctx) => {
    const incident = input.incidentId ? getIncidentRow(ctx.db, input.incidentId) : null;
    if (input.incidentId && !incident) throw notFound('That incident');
    const generatedAt = ctx.services.now();
    const marks = [incident?.exercise === 1 ? 'EXERCISE' : null, demoLoadedAt(ctx.db) !== null ? 'DEMO DATA' : null].filter(Boolean);
    const subject = `${marks.length ? `${marks.join(', ')} - ` : ''}Map${incident ? ` of ${incident.name}` : ''}, printed ${new Date(generatedAt).toISOString()}`;
    const { bytes, sha256 } = await buildMapPdf({ title: input.title, orientation: input.orientation, png: Buffer.from(input.pngBase64, 'base64'), subject, generatedAt });
    const fileName = markedFileName(`map-${new Date(generatedAt).toISOString().slice(0, 16).replace('T', '-').replace(':', '')}Z.pdf`, { demo: demoLoadedAt(ctx.db) !== null, exercise: incident?.exercise === 1 });
    ctx.write((tx) => tx.audit('map.printed', { fileName, sha256, bytes: bytes.length, title: input.title, incidentId: input.incidentId ?? null, orientation: input.orientation }));
    return { fileName, base64: Buffer.from(bytes).toString('base64'), sha256 };
  },
};
