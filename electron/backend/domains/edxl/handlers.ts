import { createHash } from 'node:crypto';
import type { edxlMethods } from '../../../../shared/contract/edxl';
import { invalid, notFound } from '../../errors';
import type { HandlersFor, ReadContext } from '../../registry';
import { allOrganisations, getOrganisation } from '../directory/queries';
import { requestDetail } from '../request/detail';
import { toEvent } from '../request/events';
import { eventsOf, incidentInfo } from '../request/queries';
import { createRequest } from '../request/records';
import { currentSession } from '../session/queries';
import { envelopeXml, exportMessages } from './rm-export';
import { parseRequestResource } from './rm-import';
import { importedFrom } from './queries';
import { printIntegrity } from '../../integrity/print';
import { isDemo } from '../demo/queries';
import { markedFileName } from '../export/marks';

const positionOf = (ctx: ReadContext) => currentSession(ctx.db, ctx.services.workstationId)?.position ?? null;
const coalitionName = (ctx: ReadContext) =>
  (ctx.db.prepare('SELECT name FROM coalition WHERE deleted = 0 LIMIT 1').get() as { name: string } | undefined)?.name ?? 'Coalition';

/** The directory organisation the requester's description names, longest name first. */
function organisationNamedIn(ctx: ReadContext, description: string | null): string | null {
  if (!description) return null;
  const d = description.toLowerCase();
  const hit = allOrganisations(ctx.db)
    .sort((a, b) => b.name.length - a.name.length)
    .find((o) => d.includes(o.name.toLowerCase()) || (o.shortName && d.includes(o.shortName.toLowerCase())));
  return hit?.id ?? null;
}

/** The sender's notes first, then where the draft came from; the provenance is never the part cut. */
function importNotes(sent: string | null, provenance: string, warnings: string[]): string {
  const room = NOTES_MAX - provenance.length - 2;
  if (!sent) return provenance.slice(0, NOTES_MAX);
  if (sent.length > room) warnings.push(`The message's notes were cut to ${Math.max(room, 0)} characters to fit beside where the draft came from`);
  return room > 0 ? `${sent.slice(0, room)}\n\n${provenance}` : provenance.slice(0, NOTES_MAX);
}
const NOTES_MAX = 2000;

export const edxlHandlers: HandlersFor<keyof typeof edxlMethods> = {
  'edxl.exportRequest': ({ requestId, eventId, envelope }, ctx) => {
    const request = requestDetail(ctx.db, requestId, positionOf(ctx), ctx.services.now());
    const c = { request, events: eventsOf(ctx.db, requestId).map(toEvent), coalitionName: coalitionName(ctx), demo: request.demo || isDemo(ctx.db) };
    if (eventId && !c.events.some((e) => e.id === eventId)) throw notFound('That step of this request');
    // Every export is a checkpoint: the head signed now rides at the end of each document,
    // as a comment (outside the schema's elements, so the messages stay valid EDXL).
    const witness = `\n<!-- EOC console record integrity: ${printIntegrity(ctx.services, 'export').line} -->\n`;
    const exported = exportMessages(c, eventId).map((x) => ({ ...x, message: { ...x.message, fileName: markedFileName(x.message.fileName, { demo: c.demo }), xml: `${x.message.xml.trimEnd()}${witness}` } }));
    const sentAt = ctx.services.now();
    const env = envelope && exported.length
      ? { fileName: markedFileName(`${request.number}-EDXL-DE${request.exercise ? '-EXERCISE' : ''}.xml`, { demo: c.demo }), xml: `${envelopeXml(c, exported.map((x) => x.node), sentAt, `${ctx.services.workstationId}@eoc-console`).trimEnd()}${witness}` }
      : null;
    const digest = createHash('sha256');
    for (const x of exported) digest.update(x.message.xml);
    ctx.write((tx) => tx.audit('edxl.exported', { requestId, number: request.number, messages: exported.length, envelope: !!env, sha256: digest.digest('hex') }));
    return { messages: exported.map((x) => x.message), envelope: env };
  },
  'edxl.importRequestResource': ({ xml, incidentId, requestingOrganisationId }, ctx) => {
    const parsed = parseRequestResource(xml);
    const incident = incidentInfo(ctx.db, incidentId);
    if (!incident) throw notFound('That incident');
    const warnings = [...parsed.warnings];
    if (parsed.envelopeStatus === 'Test') {
      // Test data (the demonstration coalition's exports say Test): EDXL-DE says receivers discard it.
      // Expected in the demonstration coalition itself; anywhere else, said, whatever the incident.
      if (!isDemo(ctx.db)) warnings.push(`The envelope says Test: test or demonstration data, which receiving systems are to discard, not a request from a partner; import it only to try the console out`);
    } else if (parsed.exerciseInEnvelope !== null && parsed.exerciseInEnvelope !== incident.exercise) {
      warnings.push(`The envelope says ${parsed.envelopeStatus ?? (parsed.exerciseInEnvelope ? 'Exercise' : 'Actual')} but "${incident.name}" is ${incident.exercise ? 'an exercise' : 'a real incident'}; check it is the right incident`);
    } else if (parsed.exerciseInEnvelope === null && parsed.saysExercise && !incident.exercise) {
      warnings.push(`The message calls itself an exercise but "${incident.name}" is a real incident; check it is the right incident`);
    }
    const earlier = importedFrom(ctx.db, incidentId, parsed.messageId);
    if (earlier.length) warnings.push(`Message ${parsed.messageId} was already imported as ${earlier.join(', ')}; this draft may be a duplicate`);
    let orgId = requestingOrganisationId ?? null;
    if (orgId && !getOrganisation(ctx.db, orgId)) throw notFound('The requesting organisation');
    orgId ??= organisationNamedIn(ctx, parsed.requester.organisation) ?? organisationNamedIn(ctx, parsed.requesterDescription);
    if (!orgId) {
      throw invalid(
        `Choose the requesting organisation: the message's requester${parsed.requesterDescription ? ` ("${parsed.requesterDescription.slice(0, 120)}")` : ''} names no organisation in the directory`,
      );
    }
    const requester = parsed.requester;
    const request = ctx.write((tx) => {
      const id = createRequest(
        tx,
        ctx.db,
        {
          incidentId,
          requestingOrganisationId: orgId,
          requestedByName: (requester.name || 'Requester named in the EDXL-RM message').slice(0, 120),
          requestedByPosition: requester.position?.slice(0, 80) || null,
          requestedByContact: requester.contact?.slice(0, 120) || null,
          priority: parsed.priority ?? 'routine',
          deliveryLocation: (parsed.deliveryLocation ?? 'Not given in the EDXL-RM message').slice(0, 300),
          substitutes: parsed.substitutes,
          notes: importNotes(parsed.notes, `Imported from EDXL-RM message ${parsed.messageId}${parsed.incidentDescription ? ` (incident: ${parsed.incidentDescription})` : ''}`, warnings),
          lines: parsed.lines.map((l) => ({ ...l, quantity: l.quantity })),
        },
        { action: 'import', detail: { messageId: parsed.messageId, warnings } },
      );
      return requestDetail(ctx.db, id, positionOf(ctx), ctx.services.now());
    });
    return { request, messageId: parsed.messageId, warnings };
  },
};
