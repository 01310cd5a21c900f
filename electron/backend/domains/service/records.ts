import { newId as uuidv7 } from '../../db/ids';
import type { z } from 'zod';
import type { serviceInput } from '../../../../shared/contract';
import type { Db } from '../../db/open';
import type { WriteTx } from '../../db/writer';
import { notFound } from '../../errors';
import { blank, placeColumns } from '../directory/records';
import { getService } from './queries';

export type ServiceFields = Omit<z.output<typeof serviceInput>, 'id'>;

/** Creates or edits a service; its location is found the same offline way as a member's. */
export function putService(tx: WriteTx, db: Db, id: string | undefined, f: ServiceFields, demo = false): string {
  if (id && !getService(db, id)) throw notFound('That service');
  const place = placeColumns(f);
  const rowId = id ?? uuidv7();
  tx.put('services', rowId, {
    name: f.name,
    type: f.type,
    hours: blank(f.hours),
    capacity: f.capacity ?? null,
    accessibility: blank(f.accessibility),
    languages: JSON.stringify([...new Set(f.languages)]),
    phone: blank(f.phone),
    ...place,
    notes: blank(f.notes),
    ...(id ? {} : { demo: demo ? 1 : 0 }),
  });
  return rowId;
}
