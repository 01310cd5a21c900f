import type { serviceMethods } from '../../../../shared/contract/service';
import { notFound } from '../../errors';
import type { HandlersFor } from '../../registry';
import { getService, listServices } from './queries';
import { putService } from './records';

const blank = (s: string | null | undefined) => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export const serviceHandlers: HandlersFor<keyof typeof serviceMethods> = {
  'service.list': ({ type, search }, { db }) => ({ services: listServices(db, type, blank(search)) }),
  'service.save': ({ id, ...f }, ctx) => ctx.write((tx) => ({ service: getService(ctx.db, putService(tx, ctx.db, id, f))! })),
  'service.remove': ({ id }, ctx) =>
    ctx.write((tx) => {
      if (!getService(ctx.db, id)) throw notFound('That service');
      return { removed: tx.remove('services', id) };
    }),
};
