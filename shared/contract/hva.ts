import { z } from 'zod';
import { HVA_CATEGORIES, HVA_CATEGORY_LABELS } from '../domain/hva';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { optionalField } from './directory';
import { printResultSchema } from './activation';

const score = (label: string) =>
  z.number({ error: `${label} must be a score from 0 to 3` }).int({ error: `${label} must be a whole score from 0 to 3` }).min(0, { error: `${label} must be a score from 0 to 3` }).max(3, { error: `${label} must be a score from 0 to 3` });

export const hvaScoresInput = {
  probability: score('Probability'),
  humanImpact: score('Human impact'),
  propertyImpact: score('Property impact'),
  businessImpact: score('Business impact'),
  preparedness: score('Preparedness'),
  internalResponse: score('Internal response'),
  externalResponse: score('External response'),
};

export const hvaHazardSchema = lazySchema(() => z.object({
  id: z.string(),
  assessmentId: z.string(),
  hazard: z.string(),
  category: z.enum(HVA_CATEGORIES),
  categoryLabel: z.string(),
  probability: z.number().int(),
  humanImpact: z.number().int(),
  propertyImpact: z.number().int(),
  businessImpact: z.number().int(),
  preparedness: z.number().int(),
  internalResponse: z.number().int(),
  externalResponse: z.number().int(),
  probabilityPct: z.number().int(),
  severityPct: z.number().int(),
  /** Relative risk, 0-100: probability x severity. */
  riskPct: z.number().int(),
  rank: z.number().int(),
  templates: z.array(z.object({ id: z.string(), name: z.string() })),
  notes: z.string().nullable(),
}));
export type HvaHazard = z.infer<typeof hvaHazardSchema>;

export const hvaAssessmentSchema = lazySchema(() => z.object({
  id: z.string(),
  year: z.number().int(),
  title: z.string(),
  notes: z.string().nullable(),
  hazards: z.number().int(),
  createdAt: epochMs(),
  demo: z.boolean(),
}));
export type HvaAssessment = z.infer<typeof hvaAssessmentSchema>;

const HVA_TABLES = ['hva_assessments', 'hva_hazards', 'incident_templates'];
const year = lazySchema(() => z.number({ error: 'Year must be a number' }).int({ error: 'Year must be a whole number' }).min(2000, { error: 'Year must be 2000 or later' }).max(2100, { error: 'Year must be 2100 or earlier' }));

export const hvaMethods = {
  'hva.list': read(() => z.object({}).strict(), () => z.object({ assessments: z.array(hvaAssessmentSchema) }), { reads: HVA_TABLES }),
  /** An assessment with its hazards ranked by relative risk, highest first. */
  'hva.get': read(() => z.object({ id: uuid('Assessment') }).strict(), () => z.object({ assessment: hvaAssessmentSchema, hazards: z.array(hvaHazardSchema) }), { reads: HVA_TABLES }),
  /** One assessment per year; with `copyFromId`, the hazards and scores of an earlier year to revise. */
  'hva.saveAssessment': write(
    () => z.object({ id: uuid('Assessment').optional(), year, title: text('Title', 120), notes: optionalField('Notes', 2000), copyFromId: uuid('Assessment to copy').optional(), starterHazards: z.boolean().default(false) }).strict(),
    () => z.object({ assessment: hvaAssessmentSchema }),
  ),
  'hva.saveHazard': write(
    () => z
      .object({
        id: uuid('Hazard').optional(),
        assessmentId: uuid('Assessment'),
        hazard: text('Hazard', 120),
        category: z.enum(HVA_CATEGORIES, { error: `Category must be one of: ${Object.values(HVA_CATEGORY_LABELS).join(', ')}` }),
        ...hvaScoresInput,
        /** The incident templates to start from when this hazard happens. */
        templateIds: z.array(uuid('Template')).max(10, { error: 'At most 10 templates' }).default([]),
        notes: optionalField('Notes', 1000),
      })
      .strict(),
    () => z.object({ hazard: hvaHazardSchema }),
  ),
  'hva.removeHazard': write(() => z.object({ id: uuid('Hazard') }).strict(), () => z.object({ removed: z.boolean() })),
  /** The ranked table as CSV, a spreadsheet's columns in the scoring sheet's order. Audited. */
  'hva.exportCsv': write(() => z.object({ id: uuid('Assessment') }).strict(), () => printResultSchema),
  /** The ranked table and chart on paper. Audited. */
  'hva.print': write(() => z.object({ id: uuid('Assessment') }).strict(), () => printResultSchema),
} as const;
