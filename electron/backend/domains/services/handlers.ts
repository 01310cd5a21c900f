import { v7 as uuidv7 } from 'uuid';
import type { serviceMethods } from '../../../../shared/contract/service';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { resolveLocation } from '../directory/records';
import { getService, listServices } from './queries';

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export const serviceHandlers: HandlersFor<keyof typeof serviceMethods> = {
  'service.list': ({ type, search }, { db }) => ({ services: listServices(db, type, blank(search)) }),
  'service.save': ({ id, ...f }, ctx) =>
    ctx.write((tx) => {
      if (id && !getService(ctx.db, id)) throw notFound('That service');
      // The same offline placement as the members': typed coordinates, else the ZIP or town centroid.
      const loc = resolveLocation({ latitude: f.latitude, longitude: f.longitude, zip: f.zip, town: f.town, state: f.state });
      const rowId = id ?? uuidv7();
      tx.put('services', rowId, {
        name: f.name,
        type: f.type,
        hours: blank(f.hours),
        capacity: f.capacity ?? null,
        accessibility: blank(f.accessibility),
        languages: JSON.stringify([...new Set(f.languages)]),
        phone: blank(f.phone),
        address: blank(f.address),
        town: f.town,
        state: loc.state,
        zip: blank(f.zip),
        latitude: loc.latitude,
        longitude: loc.longitude,
        location_source: loc.source,
        notes: blank(f.notes),
      });
      return { service: getService(ctx.db, rowId)! };
    }),
  'service.remove': ({ id }, ctx) =>
    ctx.write((tx) => {
      if (!getService(ctx.db, id)) throw notFound('That service');
      return { removed: tx.remove('services', id) };
    }),
};
