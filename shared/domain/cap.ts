/** CAP 1.2 code lists (OASIS CAP 1.2, standards-reference.md §5.3). */
export const CAP_STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const;
export const CAP_MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const;
export const CAP_SCOPES = ['Public', 'Restricted', 'Private'] as const;
export const CAP_CATEGORIES = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const;
export const CAP_RESPONSE_TYPES = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const;
export const CAP_URGENCIES = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const;
export const CAP_SEVERITIES = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const;
export const CAP_CERTAINTIES = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const;

export type CapCategory = (typeof CAP_CATEGORIES)[number];
export type CapResponseType = (typeof CAP_RESPONSE_TYPES)[number];
export type CapUrgency = (typeof CAP_URGENCIES)[number];
export type CapSeverity = (typeof CAP_SEVERITIES)[number];
export type CapCertainty = (typeof CAP_CERTAINTIES)[number];

/** The statuses an operator issues; System and Draft are not for the public. */
export const ISSUED_STATUSES = ['Actual', 'Exercise', 'Test'] as const;
/** Alert, or an Update or Cancel of an alert already issued. */
export const ISSUED_MSG_TYPES = ['Alert', 'Update', 'Cancel'] as const;

export const CAP_TEMPLATE_IDS = ['boil_water', 'heat', 'shelter', 'health_advisory'] as const;
export type CapTemplateId = (typeof CAP_TEMPLATE_IDS)[number];

export interface CapTemplate {
  id: CapTemplateId;
  name: string;
  event: string;
  categories: CapCategory[];
  responseTypes: CapResponseType[];
  urgency: CapUrgency;
  severity: CapSeverity;
  certainty: CapCertainty;
  headline: string;
  description: string;
  instruction: string;
  expiresInHours: number;
}

/** Starting texts; the operator edits every word before issuing. */
export const CAP_TEMPLATES: readonly CapTemplate[] = [
  {
    id: 'boil_water',
    name: 'Boil-water advisory',
    event: 'Boil Water Advisory',
    categories: ['Health', 'Infra'],
    responseTypes: ['Execute'],
    urgency: 'Immediate',
    severity: 'Moderate',
    certainty: 'Likely',
    headline: 'Boil water before drinking or cooking',
    description: 'Water pressure was lost in the public water system and the water may be contaminated. The advisory stays in force until testing shows the water is safe.',
    instruction: 'Bring tap water to a rolling boil for one minute and let it cool before drinking, making ice, brushing teeth, washing food or preparing baby formula, or use bottled water.',
    expiresInHours: 72,
  },
  {
    id: 'heat',
    name: 'Extreme heat',
    event: 'Extreme Heat Warning',
    categories: ['Met', 'Health'],
    responseTypes: ['Prepare', 'Avoid'],
    urgency: 'Expected',
    severity: 'Severe',
    certainty: 'Likely',
    headline: 'Dangerous heat expected: cooling centers open',
    description: 'Heat index values near 105 F are expected. Older adults, young children, people with chronic illness and people without air conditioning are at the highest risk.',
    instruction: 'Stay in air conditioning or go to a cooling center, drink water, never leave anyone in a parked car, and check on neighbors. Call 911 for confusion, fainting or hot dry skin.',
    expiresInHours: 48,
  },
  {
    id: 'shelter',
    name: 'Shelter open',
    event: 'Shelter Opening',
    categories: ['Safety', 'Rescue'],
    responseTypes: ['Shelter'],
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Observed',
    headline: 'Emergency shelter open',
    description: 'An emergency shelter is open for residents who have lost heat, power or housing.',
    instruction: 'Bring medicines, medical equipment and chargers, identification and a change of clothes. Service animals are welcome. Call ahead if you need transport or oxygen.',
    expiresInHours: 24,
  },
  {
    id: 'health_advisory',
    name: 'Health advisory',
    event: 'Health Advisory',
    categories: ['Health'],
    responseTypes: ['Monitor'],
    urgency: 'Expected',
    severity: 'Moderate',
    certainty: 'Likely',
    headline: 'Health advisory for the region',
    description: 'Public health officials are tracking a health threat in the region.',
    instruction: 'Follow the guidance of your local board of health and call your health care provider if you have symptoms.',
    expiresInHours: 72,
  },
];
