import { z } from 'zod';
import { epochMs, read, write } from './define';
import { optionalField } from './directory';
import { coalitionSchema } from './setup';

export const demoMethods = {
  /**
   * First-run choice: sets the workstation up with a demonstration coalition (a fictional
   * coalition in Western Massachusetts: real towns and ZIP codes, fictional facilities),
   * its directory, agreements, caches and an incident in progress with open requests and
   * its record so far (activity logs, significant events, decisions, messages).
   * Everything it creates is marked demo. Refused once the workstation is set up.
   */
  'demo.load': write(
    () => z.object({ workstationName: optionalField('Workstation name', 60) }).strict(),
    () => z.object({
      coalition: coalitionSchema,
      organisations: z.number().int(),
      contacts: z.number().int(),
      agreements: z.number().int(),
      inventoryItems: z.number().int(),
      requests: z.number().int(),
      /** The demo incident's record: ICS 214 entries (corrections included), decisions and ICS 213 messages. */
      logEntries: z.number().int(),
      decisions: z.number().int(),
      messages: z.number().int(),
      /** Facility status reports through the incident (EEI). */
      statusReports: z.number().int(),
      /** The demo incident in progress, when the incidents module is present. */
      incidentId: z.string().nullable(),
    }),
    { public: true },
  ),
  /** Whether this store holds the demonstration coalition: the UI marks every screen "DEMO". */
  'demo.status': read(
    () => z.object({}).strict(),
    () => z.object({ demo: z.boolean(), loadedAt: epochMs().nullable(), coalitionName: z.string().nullable() }),
    { public: true, reads: ['meta', 'coalition'] },
  ),
} as const;
