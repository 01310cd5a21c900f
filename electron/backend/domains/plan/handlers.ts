import type { planMethods } from '../../../../shared/contract/plan';
import { notFound } from '../../errors';
import type { HandlersFor, ReadContext } from '../../registry';
import { calendarDay } from '../directory/queries';
import { coalitionTimeZone } from '../incident/time';
import { readPlanFile } from './files';
import { getPlan, getSection, getVersion, getVersionRow, listPlans, listSections, listVersions, neighbours, searchPlans } from './queries';
import { uploadPlan } from './upload';

const today = (ctx: ReadContext) => calendarDay(ctx.services.now(), coalitionTimeZone(ctx.db));

function planAndVersion(ctx: ReadContext, versionId: string) {
  const version = getVersion(ctx.db, versionId);
  const plan = version && getPlan(ctx.db, version.planId, today(ctx));
  if (!version || !plan) throw notFound('That version of a plan');
  return { plan, version };
}

export const planHandlers: HandlersFor<keyof typeof planMethods> = {
  'plan.list': ({ kind }, ctx) => {
    const day = today(ctx);
    const plans = listPlans(ctx.db, day, kind);
    return { plans, today: day, reviewDue: plans.filter((p) => p.review.standing === 'overdue' || p.review.standing === 'due_soon').length };
  },
  'plan.get': ({ id }, ctx) => {
    const plan = getPlan(ctx.db, id, today(ctx));
    if (!plan) throw notFound('That plan');
    return { plan, versions: listVersions(ctx.db, id) };
  },
  'plan.upload': async (input, ctx) => {
    const { planId, versionId } = await uploadPlan(input, ctx);
    return { plan: getPlan(ctx.db, planId, today(ctx))!, version: getVersion(ctx.db, versionId)! };
  },
  'plan.search': ({ query, includeSuperseded, limit }, { db }) => searchPlans(db, query, includeSuperseded, limit),
  'plan.sections': ({ versionId }, ctx) => ({ ...planAndVersion(ctx, versionId), sections: listSections(ctx.db, versionId) }),
  'plan.section': ({ versionId, ordinal }, ctx) => {
    const pv = planAndVersion(ctx, versionId);
    const section = getSection(ctx.db, versionId, ordinal);
    if (!section) throw notFound(`Section ${ordinal + 1} of ${pv.plan.title} ${pv.version.versionLabel}`);
    return { ...pv, section, ...neighbours(ctx.db, versionId, ordinal) };
  },
  'plan.file': ({ versionId }, ctx) => {
    const row = getVersionRow(ctx.db, versionId);
    if (!row) throw notFound('That version of a plan');
    const bytes = readPlanFile(ctx.services.dataDir, row.stored_name, row.sha256);
    if (!bytes) throw notFound(`The file of ${row.file_name} (it is missing from the data folder or no longer matches what was uploaded; restore the data folder from a backup copy)`);
    return { fileName: row.file_name, mediaType: row.media_type, base64: bytes.toString('base64'), sha256: row.sha256 };
  },
};
