import { z } from 'zod';
import { manifestFields } from './export';
import { PRIORITIES, REQUEST_ACTIONS, REQUEST_STATUSES, ROLES } from '../domain/request-state';
import { FILL_SOURCES, ORDER_PLACED_BY } from '../domain/sourcing';
import { epochMs, read, text, uuid, write, lazySchema } from './define';
import { optionalField, rowLimit, rowOffset } from './directory';
import { quantityField, resourceType } from './inventory';

export const requestStatus = lazySchema(() => z.enum(REQUEST_STATUSES, { error: `Status must be one of: ${REQUEST_STATUSES.join(', ')}` }));
export const priorityField = lazySchema(() => z.enum(PRIORITIES, { error: 'Priority must be urgent, routine or low' }));
export const requestAction = lazySchema(() => z.enum(REQUEST_ACTIONS));
export const roleField = lazySchema(() => z.enum(ROLES, { error: `Role must be one of: ${ROLES.join(', ')}` }));
export const fillSource = lazySchema(() => z.enum(FILL_SOURCES, { error: `Source must be one of: ${FILL_SOURCES.join(', ')}` }));

// ---------- requestor section (blocks 1-8) ----------

/** Block 4, one order line. */
export const lineInput = lazySchema(() => z
  .object({
    /** Keep a line's identity when editing a draft; absent for a new line. */
    id: uuid('Line').optional(),
    quantity: quantityField('Quantity'),
    unit: optionalField('Unit', 30),
    kind: text('Kind', 120),
    type: resourceType,
    description: optionalField('Detailed item description', 1000),
    requestedArrival: epochMs('Requested arrival').nullish(),
    /** Estimated cost in cents (block 4 "Cost"). */
    costCents: z.number({ error: 'Cost must be a number of cents' }).int({ error: 'Cost must be a whole number of cents' }).min(0, { error: 'Cost cannot be negative' }).max(1e12, { error: 'Cost is too large' }).nullish(),
  })
  .strict());
export type LineInput = z.input<typeof lineInput>;

const requestorFields = {
  incidentId: uuid('Incident'),
  requestingOrganisationId: uuid('Requesting organisation'),
  /** Block 7. */
  requestedByName: text('Requested by (name)', 120),
  requestedByPosition: optionalField('Requested by (position)', 80),
  requestedByContact: optionalField('Requestor phone or email', 120),
  /** Block 8. */
  priority: priorityField,
  /** Block 5. */
  deliveryLocation: text('Delivery/reporting location', 300),
  /** Block 6. */
  substitutes: optionalField('Suitable substitutes and suggested sources', 2000),
  notes: optionalField('Notes', 2000),
  lines: z
    .array(lineInput, { error: 'Lines must be a list' })
    .min(1, { error: 'Add at least one line: quantity, kind and description' })
    .max(40, { error: 'At most 40 lines on one request; split it into several' }),
};

export const requestCreateInput = lazySchema(() => z.object(requestorFields).strict());
export type RequestCreateInput = z.input<typeof requestCreateInput>;
export const requestUpdateInput = lazySchema(() => z.object({ id: uuid('Request'), ...requestorFields }).strict());
export type RequestUpdateInput = z.input<typeof requestUpdateInput>;

// ---------- steps ----------

const stepBase = {
  id: uuid('Request'),
  /** When it happened, if earlier than now (transcribed from paper, phone or radio). */
  occurredAt: epochMs('Occurred at').optional(),
  note: optionalField('Note', 2000),
};
const reason = (label: string) => text(label, 2000);

const sourceBy = lazySchema(() => z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('inventory'), inventoryItemId: uuid('Inventory item') }).strict(),
    z.object({ kind: z.literal('member'), organisationId: uuid('Member organisation') }).strict(),
    z.object({ kind: z.literal('agreement'), agreementId: uuid('Agreement') }).strict(),
    z.object({ kind: z.literal('state'), agency: text('State agency', 120) }).strict(),
    z.object({ kind: z.literal('purchase'), vendor: text('Vendor', 120) }).strict(),
  ],
  { error: `Source must be one of: ${FILL_SOURCES.join(', ')}` },
));
export type SourceBy = z.infer<typeof sourceBy>;

/** One step of the 213RR. `action` picks which fields it needs. */
export const transitionInput = lazySchema(() => z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('submit'), ...stepBase }).strict(),
    /** Block 9: section chief approval. */
    z.object({ action: z.literal('approve'), ...stepBase }).strict(),
    z.object({ action: z.literal('deny'), ...stepBase, reason: reason('Reason for denial') }).strict(),
    z.object({ action: z.literal('return_for_changes'), ...stepBase, reason: reason('Changes needed') }).strict(),
    /** Resource unit check: what was found on hand (see request.sourcingOptions). */
    z.object({ action: z.literal('check_resources'), ...stepBase, findings: optionalField('Findings', 2000) }).strict(),
    /** Logistics: fill some or all of one line from one source; repeat for partial fills. */
    z
      .object({
        action: z.literal('source'),
        ...stepBase,
        lineId: uuid('Line'),
        quantity: quantityField('Quantity'),
        source: sourceBy,
        /** Block 12: supplier name / point of contact. */
        supplierName: optionalField('Supplier', 120),
        /** Block 11: supplier phone, fax or email. */
        supplierContact: optionalField('Supplier phone/fax/email', 120),
        /** Block 10: logistics order number. */
        orderNumber: optionalField('Order number', 60),
        /** Block 16. */
        orderPlacedBy: z.enum(ORDER_PLACED_BY, { error: 'Order placed by must be SPUL, PROC or other' }).nullish(),
        estimatedArrival: epochMs('Estimated arrival').nullish(),
        costCents: z.number({ error: 'Cost must be a number of cents' }).int({ error: 'Cost must be a whole number of cents' }).min(0, { error: 'Cost cannot be negative' }).max(1e12, { error: 'Cost is too large' }).nullish(),
      })
      .strict(),
    /** Takes back a fill (a correction: the fill stays visible, withdrawn); stock returns. */
    z.object({ action: z.literal('withdraw_fill'), ...stepBase, fillId: uuid('Fill'), reason: reason('Reason for withdrawing') }).strict(),
    z.object({ action: z.literal('send_to_finance'), ...stepBase }).strict(),
    /** Blocks 17-19. */
    z.object({ action: z.literal('finance_approve'), ...stepBase, comments: optionalField('Finance comments', 2000) }).strict(),
    z.object({ action: z.literal('return_to_sourcing'), ...stepBase, reason: reason('Reason') }).strict(),
    z.object({ action: z.literal('mark_en_route'), ...stepBase, eta: epochMs('ETA') }).strict(),
    z.object({ action: z.literal('receive'), ...stepBase, receivedBy: optionalField('Received by', 120) }).strict(),
    z.object({ action: z.literal('assign'), ...stepBase, assignedTo: text('Assigned to', 200) }).strict(),
    z.object({ action: z.literal('release'), ...stepBase, releasedTo: optionalField('Released to', 200) }).strict(),
    /**
     * Resources back with their owner. Without `returns`, everything still allocated from
     * inventory goes back; with it, only those quantities (the rest is consumed at close).
     */
    z
      .object({
        action: z.literal('return_resources'),
        ...stepBase,
        returns: z
          .array(z.object({ allocationId: uuid('Allocation'), quantity: quantityField('Quantity returned') }).strict(), { error: 'Returns must be a list' })
          .max(200, { error: 'At most 200 returns at a time' })
          .optional(),
      })
      .strict(),
    z.object({ action: z.literal('close'), ...stepBase }).strict(),
    z.object({ action: z.literal('cancel'), ...stepBase, reason: reason('Reason for cancelling') }).strict(),
  ],
  { error: `Action must be one of: ${REQUEST_ACTIONS.join(', ')}` },
));
export type TransitionInput = z.input<typeof transitionInput>;

// ---------- outputs ----------

export const fillSchema = lazySchema(() => z.object({
  id: z.string(),
  lineId: z.string(),
  lineNo: z.number().int(),
  source: fillSource,
  sourceLabel: z.string(),
  /** Who or what supplies it, in words: the cache, member, agreement, agency or vendor. */
  sourceName: z.string(),
  quantity: z.number().int(),
  inventoryItemId: z.string().nullable(),
  organisationId: z.string().nullable(),
  agreementId: z.string().nullable(),
  supplierName: z.string().nullable(),
  supplierContact: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderPlacedBy: z.string().nullable(),
  estimatedArrival: epochMs().nullable(),
  costCents: z.number().int().nullable(),
  /** Withdrawn fills stay visible as the record; they count for nothing. */
  withdrawn: z.boolean(),
  withdrawnReason: z.string().nullable(),
  occurredAt: epochMs(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
}));
export type Fill = z.infer<typeof fillSchema>;

export const lineSchema = lazySchema(() => z.object({
  id: z.string(),
  lineNo: z.number().int(),
  quantity: z.number().int(),
  unit: z.string().nullable(),
  kind: z.string(),
  type: z.string().nullable(),
  description: z.string().nullable(),
  requestedArrival: epochMs().nullable(),
  costCents: z.number().int().nullable(),
  filledQuantity: z.number().int(),
  outstandingQuantity: z.number().int(),
  fills: z.array(fillSchema),
}));
export type Line = z.infer<typeof lineSchema>;

export const allocationSchema = lazySchema(() => z.object({
  id: z.string(),
  fillId: z.string(),
  lineNo: z.number().int(),
  inventoryItemId: z.string(),
  inventoryItemName: z.string(),
  allocated: z.number().int(),
  returned: z.number().int(),
  consumed: z.number().int(),
  /** Still out: allocated less returned and consumed. */
  outstanding: z.number().int(),
}));
export type Allocation = z.infer<typeof allocationSchema>;

export const eventSchema = lazySchema(() => z.object({
  id: z.string(),
  action: z.string(),
  actionLabel: z.string(),
  fromStatus: requestStatus.nullable(),
  toStatus: requestStatus,
  /** One sentence: what happened, for the timeline and the CSV. */
  summary: z.string(),
  note: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  occurredAt: epochMs(),
  recordedAt: epochMs(),
  operatorName: z.string().nullable(),
  positionTitle: z.string().nullable(),
  workstationId: z.string(),
}));
export type RequestEvent = z.infer<typeof eventSchema>;

export const actionOptionSchema = lazySchema(() => z.object({
  action: requestAction,
  label: z.string(),
  /** Whether the operator signed in now may take this step now. */
  allowed: z.boolean(),
  /** Why not, in words (the position needed, or what must happen first). */
  reason: z.string().nullable(),
}));

export const nextActionSchema = lazySchema(() => z.object({ role: roleField, roleLabel: z.string(), label: z.string() }).nullable());

export const requestDetailSchema = lazySchema(() => z.object({
  id: z.string(),
  /** Block 3: resource request number, e.g. RR-0042. */
  number: z.string(),
  incidentId: z.string(),
  incidentName: z.string().nullable(),
  /** The incident is an exercise: shown and exported as such. */
  exercise: z.boolean(),
  status: requestStatus,
  statusLabel: z.string(),
  statusSince: epochMs(),
  priority: priorityField,
  priorityLabel: z.string(),
  requestingOrganisation: z.object({ id: z.string(), name: z.string(), discipline: z.string() }),
  requestedByName: z.string(),
  requestedByPosition: z.string().nullable(),
  requestedByContact: z.string().nullable(),
  deliveryLocation: z.string(),
  substitutes: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: epochMs(),
  submittedAt: epochMs().nullable(),
  eta: epochMs().nullable(),
  lines: z.array(lineSchema),
  allocations: z.array(allocationSchema),
  nextAction: nextActionSchema,
  /** Steps from the current status, each allowed or not for the operator signed in now. */
  actions: z.array(actionOptionSchema),
  editable: z.boolean(),
  /** Why the requestor section cannot be edited, when it cannot. */
  editRefusal: z.string().nullable(),
  flags: z.array(z.enum(['URGENT', 'OVERDUE'])),
  overdueReason: z.string().nullable(),
  demo: z.boolean(),
}));
export type RequestDetail = z.infer<typeof requestDetailSchema>;

export const BOARD_SORTS = ['priority', 'age', 'timeInStatus', 'status', 'organisation', 'number', 'requestedArrival'] as const;

export const boardRowSchema = lazySchema(() => z.object({
  id: z.string(),
  number: z.string(),
  incidentId: z.string(),
  incidentName: z.string().nullable(),
  status: requestStatus,
  statusLabel: z.string(),
  priority: priorityField,
  priorityLabel: z.string(),
  /** Short description: "500 N95 respirator + 2 more lines". */
  summary: z.string(),
  requestingOrganisationId: z.string(),
  requestingOrganisationName: z.string(),
  requestedByName: z.string(),
  createdAt: epochMs(),
  submittedAt: epochMs().nullable(),
  /** Since submission (or creation while a draft). */
  ageMs: z.number().int(),
  statusSince: epochMs(),
  timeInStatusMs: z.number().int(),
  requestedArrival: epochMs().nullable(),
  eta: epochMs().nullable(),
  nextAction: nextActionSchema,
  quantityRequested: z.number().int(),
  quantityFilled: z.number().int(),
  /** URGENT and OVERDUE as words, so status never depends on colour alone. */
  flags: z.array(z.enum(['URGENT', 'OVERDUE'])),
  overdueReason: z.string().nullable(),
  demo: z.boolean(),
}));
export type BoardRow = z.infer<typeof boardRowSchema>;

const REQUEST_TABLES = ['requests', 'request_lines', 'request_events', 'request_fills', 'allocations', 'organisations', 'incidents'];

export const requestMethods = {
  /** A new request in draft (requestor section, blocks 1-8). */
  'request.create': write(() => requestCreateInput, () => z.object({ request: requestDetailSchema })),
  /** Edits the requestor section; only while a draft or returned for changes. */
  'request.update': write(() => requestUpdateInput, () => z.object({ request: requestDetailSchema })),
  /** A new draft copying another request's requestor section (after a denial, say). */
  'request.duplicate': write(() => z.object({ id: uuid('Request') }).strict(), () => z.object({ request: requestDetailSchema })),
  /** One step of the lifecycle, appended as an event; refused with a reason when impossible. */
  'request.transition': write(() => transitionInput, () => z.object({ request: requestDetailSchema, eventId: z.string() })),
  'request.get': read(() => z.object({ id: uuid('Request') }).strict(), () => z.object({ request: requestDetailSchema }), { reads: [...REQUEST_TABLES, 'inventory', 'agreements', 'session'] }),
  'request.board': read(
    () => z
      .object({
        incidentId: uuid('Incident').optional(),
        /** open (default): everything not closed, denied or cancelled; submitted: the same less drafts, which have gone to no one yet. */
        scope: z.enum(['open', 'submitted', 'closed', 'all'], { error: 'Scope must be open, submitted, closed or all' }).default('open'),
        statuses: z.array(requestStatus, { error: 'Statuses must be a list' }).max(REQUEST_STATUSES.length, { error: 'Too many statuses' }).optional(),
        priorities: z.array(priorityField, { error: 'Priorities must be a list' }).max(PRIORITIES.length, { error: 'Too many priorities' }).optional(),
        requestingOrganisationId: uuid('Requesting organisation').optional(),
        nextActionRole: roleField.optional(),
        flag: z.enum(['overdue', 'urgent'], { error: 'Flag must be overdue or urgent' }).optional(),
        /** Words in the number, organisation, requestor, kinds and descriptions. */
        search: optionalField('Search', 200),
        sort: z.enum(BOARD_SORTS, { error: `Sort must be one of: ${BOARD_SORTS.join(', ')}` }).default('priority'),
        direction: z.enum(['asc', 'desc'], { error: 'Direction must be asc or desc' }).optional(),
        limit: rowLimit(500),
        offset: rowOffset,
      })
      .strict(),
    () => z.object({
      rows: z.array(boardRowSchema),
      total: z.number().int(),
      counts: z.object({ urgent: z.number().int(), overdue: z.number().int(), byStatus: z.record(z.string(), z.number().int()) }),
      now: epochMs(),
    }),
    { reads: REQUEST_TABLES },
  ),
  /** Every event of a request, oldest first: who, position, workstation, when. */
  'request.history': read(
    () => z.object({ id: uuid('Request') }).strict(),
    () => z.object({ id: z.string(), number: z.string(), status: requestStatus, events: z.array(eventSchema) }),
    { reads: REQUEST_TABLES },
  ),
  /** Resource unit check and logistics: for each line, stock that matches and agreements that cover it. */
  'request.sourcingOptions': read(
    () => z.object({ id: uuid('Request') }).strict(),
    () => z.object({
      lines: z.array(
        z.object({
          lineId: z.string(),
          lineNo: z.number().int(),
          kind: z.string(),
          type: z.string().nullable(),
          outstandingQuantity: z.number().int(),
          inventory: z.array(
            z.object({
              inventoryItemId: z.string(),
              name: z.string(),
              ownerOrganisationId: z.string(),
              ownerName: z.string(),
              location: z.string(),
              status: z.string(),
              availableQuantity: z.number().int(),
              typeMatches: z.boolean(),
            }),
          ),
          agreements: z.array(z.object({ agreementId: z.string(), title: z.string(), standing: z.string(), standingLabel: z.string() })),
          /** Whether recorded stock could fill the outstanding quantity alone. */
          coverableFromInventory: z.boolean(),
        }),
      ),
    }),
    { reads: [...REQUEST_TABLES, 'inventory', 'agreements'] },
  ),
  /** For an incident: open requests by status over time, time to fill by priority, fill rate by source. */
  'request.charts': read(
    () => z
      .object({
        incidentId: uuid('Incident'),
        buckets: z.number({ error: 'Buckets must be a number' }).int({ error: 'Buckets must be a whole number' }).min(2, { error: 'At least 2 buckets' }).max(200, { error: 'At most 200 buckets' }).default(48),
      })
      .strict(),
    () => z.object({
      from: epochMs().nullable(),
      to: epochMs(),
      statusOverTime: z.array(z.object({ at: epochMs(), counts: z.record(z.string(), z.number().int()), open: z.number().int() })),
      timeToFill: z.array(
        z.object({
          priority: priorityField,
          priorityLabel: z.string(),
          /** Requests received (submission to first receipt). */
          filled: z.number().int(),
          medianMs: z.number().nullable(),
          p90Ms: z.number().nullable(),
          stillOpen: z.number().int(),
        }),
      ),
      /**
       * Each line of the approved requests counts once, whatever its unit: vans, ambulances
       * and respirators are never added together. `share` is the average share of a line
       * each source filled, 0..1.
       */
      fillRateBySource: z.array(
        z.object({
          source: z.union([fillSource, z.literal('unfilled')]),
          label: z.string(),
          /** Lines' worth filled by this source (a line half filled counts 0.5). */
          lines: z.number(),
          fills: z.number().int(),
          share: z.number(),
        }),
      ),
      linesRequested: z.number().int(),
      /** Quantities per kind and unit: the only place units are summed, like with like. */
      byKind: z.array(z.object({ kind: z.string(), unit: z.string().nullable(), requested: z.number().int(), filled: z.number().int() })),
    }),
    { reads: REQUEST_TABLES },
  ),
  /**
   * The ICS 213RR as a PDF with its official blocks, base64 encoded. Exports are writes,
   * as for the other forms: each is recorded in the audit trail with its SHA-256.
   */
  'request.formPdf': write(
    () => z.object({ id: uuid('Request') }).strict(),
    () => z.object({
      fileName: z.string(),
      mimeType: z.literal('application/pdf'),
      base64: z.string(),
      pages: z.number().int(),
      sha256: z.string(),
      exercise: z.boolean(),
      ...manifestFields,
    }),
  ),
  /** Request history as CSV (UTC times): one request's events, or every request's in an incident. */
  'request.historyCsv': write(
    () => z
      .object({ requestId: uuid('Request').optional(), incidentId: uuid('Incident').optional() })
      .strict()
      .refine((i) => (i.requestId ? 1 : 0) + (i.incidentId ? 1 : 0) === 1, { error: 'Choose either a request or an incident to export' }),
    () => z.object({ fileName: z.string(), mimeType: z.literal('text/csv'), csv: z.string(), rows: z.number().int(), sha256: z.string(), ...manifestFields }),
  ),
} as const;
