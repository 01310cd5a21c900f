/** Services beyond the members that a response leans on (issue 13: regional services directory). */
export const SERVICE_TYPES = ['shelter', 'warming_center', 'cooling_center', 'human_services', 'pharmacy', 'transport', 'other'] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const SERVICE_TYPE_LABELS: Readonly<Record<ServiceType, string>> = {
  shelter: 'Shelter',
  warming_center: 'Warming center',
  cooling_center: 'Cooling center',
  human_services: 'Human services agency',
  pharmacy: 'Pharmacy',
  transport: 'Transport provider',
  other: 'Other',
};
