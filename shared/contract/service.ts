import { z } from 'zod';
import { SERVICE_TYPE_LABELS, SERVICE_TYPES } from '../domain/service';
import { read, text, uuid, write, lazySchema } from './define';
import { LOCATION_SOURCES, optionalField, phoneField, usState, zipCode } from './directory';

export const serviceTypeField = lazySchema(() => z.enum(SERVICE_TYPES, { error: `Type must be one of: ${Object.values(SERVICE_TYPE_LABELS).join(', ')}` }));

export const serviceInput = lazySchema(() => z
  .object({
    id: uuid('Service').optional(),
    name: text('Name', 160),
    type: serviceTypeField,
    /** As the operator would say it: "24/7", "Mon-Fri 08:00-17:00", "When opened by the town". */
    hours: optionalField('Hours', 200),
    /** People it can take (shelter beds, seats, clients a day); empty when it does not apply. */
    capacity: z.number({ error: 'Capacity must be a number' }).int({ error: 'Capacity must be a whole number' }).min(0, { error: 'Capacity cannot be negative' }).max(100_000, { error: 'Capacity must be at most 100,000' }).nullish(),
    accessibility: optionalField('Accessibility', 500),
    languages: z.array(text('Language', 40), { error: 'Languages must be a list' }).max(20, { error: 'At most 20 languages' }).default([]),
    phone: phoneField('Phone').nullish(),
    address: optionalField('Street address', 200),
    town: text('Town', 80),
    state: usState.nullish(),
    zip: zipCode.nullish(),
    latitude: z.number({ error: 'Latitude must be a number' }).min(-90, { error: 'Latitude must be between -90 and 90' }).max(90, { error: 'Latitude must be between -90 and 90' }).nullish(),
    longitude: z.number({ error: 'Longitude must be a number' }).min(-180, { error: 'Longitude must be between -180 and 180' }).max(180, { error: 'Longitude must be between -180 and 180' }).nullish(),
    notes: optionalField('Notes', 2000),
  })
  .strict());
export type ServiceInput = z.input<typeof serviceInput>;

export const serviceSchema = lazySchema(() => z.object({
  id: z.string(),
  name: z.string(),
  type: serviceTypeField,
  typeLabel: z.string(),
  hours: z.string().nullable(),
  capacity: z.number().int().nullable(),
  accessibility: z.string().nullable(),
  languages: z.array(z.string()),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  town: z.string(),
  state: z.string().nullable(),
  zip: z.string().nullable(),
  /** For the map: typed in, or found offline from the ZIP code or town. */
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  locationSource: z.enum(LOCATION_SOURCES),
  notes: z.string().nullable(),
  demo: z.boolean(),
}));
export type Service = z.infer<typeof serviceSchema>;

export const serviceMethods = {
  'service.list': read(
    () => z.object({ type: serviceTypeField.optional(), search: optionalField('Search', 120) }).strict(),
    () => z.object({ services: z.array(serviceSchema) }),
    { reads: ['services'] },
  ),
  'service.save': write(() => serviceInput, () => z.object({ service: serviceSchema })),
  'service.remove': write(() => z.object({ id: uuid('Service') }).strict(), () => z.object({ removed: z.boolean() })),
} as const;
