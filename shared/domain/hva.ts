/**
 * Hazard vulnerability analysis as the widely used Kaiser Permanente tool scores it:
 * probability and six severity factors, each 0-3; relative risk is
 * (probability / 3) x (sum of severity / 18), shown as a percentage. For preparedness and
 * the two response factors, as in that tool, 1 means strong and 3 weak or none, so that a
 * higher score is always worse.
 */
export const HVA_FACTORS = ['probability', 'humanImpact', 'propertyImpact', 'businessImpact', 'preparedness', 'internalResponse', 'externalResponse'] as const;
export type HvaFactor = (typeof HVA_FACTORS)[number];
export type HvaScores = Record<HvaFactor, number>;

export const HVA_FACTOR_LABELS: Readonly<Record<HvaFactor, string>> = {
  probability: 'Probability',
  humanImpact: 'Human impact',
  propertyImpact: 'Property impact',
  businessImpact: 'Business impact',
  preparedness: 'Preparedness',
  internalResponse: 'Internal response',
  externalResponse: 'External response',
};

/** What 0-3 means for each factor, as the scoring sheet says it. */
export const HVA_SCALE: Readonly<Record<HvaFactor, readonly [string, string, string, string]>> = {
  probability: ['N/A', 'Low', 'Moderate', 'High'],
  humanImpact: ['N/A', 'Low', 'Moderate', 'High'],
  propertyImpact: ['N/A', 'Low', 'Moderate', 'High'],
  businessImpact: ['N/A', 'Low', 'Moderate', 'High'],
  preparedness: ['N/A', 'High', 'Moderate', 'Low or none'],
  internalResponse: ['N/A', 'High', 'Moderate', 'Low or none'],
  externalResponse: ['N/A', 'High', 'Moderate', 'Low or none'],
};

export const HVA_CATEGORIES = ['natural', 'technological', 'human', 'hazmat'] as const;
export type HvaCategory = (typeof HVA_CATEGORIES)[number];
export const HVA_CATEGORY_LABELS: Readonly<Record<HvaCategory, string>> = {
  natural: 'Natural',
  technological: 'Technological',
  human: 'Human-related',
  hazmat: 'Hazardous materials',
};

const SEVERITY: readonly HvaFactor[] = HVA_FACTORS.slice(1);

/** Probability, severity and relative risk as whole percentages (0-100). */
export function hvaRisk(s: HvaScores): { probabilityPct: number; severityPct: number; riskPct: number } {
  const probability = s.probability / 3;
  const severity = SEVERITY.reduce((n, f) => n + s[f], 0) / 18;
  return { probabilityPct: Math.round(probability * 100), severityPct: Math.round(severity * 100), riskPct: Math.round(probability * severity * 100) };
}

/** A starting list for a health care coalition, to score or remove. */
export const HVA_STARTER_HAZARDS: readonly { hazard: string; category: HvaCategory }[] = [
  { hazard: 'Severe winter storm / ice storm', category: 'natural' },
  { hazard: 'Extreme heat', category: 'natural' },
  { hazard: 'Flood', category: 'natural' },
  { hazard: 'Hurricane / tropical storm', category: 'natural' },
  { hazard: 'Pandemic / infectious disease outbreak', category: 'natural' },
  { hazard: 'Extended power outage', category: 'technological' },
  { hazard: 'Information systems / cyber attack', category: 'technological' },
  { hazard: 'Water supply disruption', category: 'technological' },
  { hazard: 'Mass casualty incident (trauma)', category: 'human' },
  { hazard: 'Active shooter', category: 'human' },
  { hazard: 'Hazardous materials release', category: 'hazmat' },
];
