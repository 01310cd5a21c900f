import type { TLSSocket } from 'node:tls';
import { frames } from '../domains/sync/lan/frames';
import { vectorSchema } from '../domains/sync/bundle';
import { unseal } from '../domains/sync/envelope';
import { enrolmentSchema, invitationBytes } from '../domains/sync/members';
import { verifySignature } from '../identity/keys';
import type { HubIdentity, HubStore } from './store';

/** The same greeting proof as between workstations (lan/session.ts). */
const proofText = (role: 'client' | 'server', ekm: string, id: string) => `eoc-sync-hello/1\n${role}\n${ekm}\n${id}`;

export const REMOVED = 'this workstation was removed from the coalition: the hub takes and serves nothing more for it';

/**
 * Batches sent in answer to one request of a workstation, at most: as many as it says it
 * takes (`pages`; one for a workstation that does not say), so a workstation far behind
 * gets them back to back instead of one per round trip; it asks again while more remain.
 */
const MAX_PAGES = 32;

/**
 * One workstation's connection to the hub, speaking the workstations' own protocol: the
 * workstation says who it is and proves its key on this TLS session; the hub answers for
 * the coalition the workstation belongs to (with the invitation a member signed for it,
 * so the workstation admits the hub like any enrolled peer). Then the hub asks for what it
 * lacks, stores each signed batch unchanged, and hands the workstation, unchanged, the
 * batches others sent that it lacks. Nothing of a session outlives it.
 */
export class HubSession {
  coalitionId: string | null = null;
  peerId: string | null = null;
  private peerKey = '';
  private readonly send: (m: unknown) => void;
  /** The last stored batch handed to this workstation: batches only ever get higher ids. */
  private cursor = '0';
  private wanting = false;
  private busy: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly socket: TLSSocket,
    private readonly store: HubStore,
    private readonly identity: HubIdentity,
    private readonly name: string,
    private readonly onClose: (s: HubSession) => void,
  ) {
    this.send = frames(socket, (m) => this.queue(m), (why) => this.close(`the workstation sent ${why}`));
    socket.on('close', () => this.finish());
    socket.on('error', () => this.finish());
    socket.setTimeout(120_000, () => this.close('the workstation went quiet'));
    const ping = setInterval(() => this.send({ type: 'ping' }), 30_000);
    ping.unref();
    socket.on('close', () => clearInterval(ping));
  }

  /** Something new was stored for this coalition (by any hub process): the workstation asks for it. */
  nudge(): void {
    if (this.peerId) this.send({ type: 'nudge' });
  }

  /** Ends the session with the reason said to the workstation, even once it is admitted. */
  refuse(why: string): void {
    this.send({ type: 'bye', reason: why });
    this.close(why);
  }

  close(why: string | null): void {
    if (why && !this.peerId) this.send({ type: 'bye', reason: why });
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
    this.finish();
  }

  private finish(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClose(this);
  }

  /** Messages are handled one at a time, in order (each may wait on the database). */
  private queue(m: Record<string, unknown>): void {
    this.busy = this.busy.then(() => this.onMessage(m)).catch((e: unknown) => this.close(`the hub could not handle a message: ${e instanceof Error ? e.message : String(e)}`));
  }

  private async want(): Promise<void> {
    this.wanting = true;
    this.send({ type: 'want', vector: await this.store.vector(this.coalitionId!) });
  }

  private async onMessage(m: Record<string, unknown>): Promise<void> {
    if (this.closed) return;
    if (m.type === 'hello') return this.onHello(m);
    if (m.type === 'bye') return this.close(null);
    if (!this.peerId) return this.close('the workstation spoke before saying who it is');
    switch (m.type) {
      case 'want': {
        const v = vectorSchema.safeParse(m.vector ?? {});
        if (!v.success) return this.close('the workstation sent a version vector that is not one');
        const pages = typeof m.pages === 'number' && Number.isInteger(m.pages) ? Math.min(Math.max(m.pages, 1), MAX_PAGES) : 1;
        const page = await this.store.lacking(this.coalitionId!, v.data, this.cursor, pages + 1);
        if (!page.length) return this.send({ type: 'batch', env: null, more: false });
        const sent = page.slice(0, pages);
        this.cursor = sent[sent.length - 1]!.id;
        // `follows`: another batch of this answer comes next, so the workstation waits for it.
        sent.forEach((b, i) => this.send({ type: 'batch', env: b.envelope, follows: i < sent.length - 1, more: i === sent.length - 1 && page.length > pages }));
        return;
      }
      case 'batch': {
        this.wanting = false;
        if (!m.env) return;
        const opened = unseal(m.env);
        // The hub relays only what the workstation on this session signed, for its coalition;
        // whether each record is sound is for the receiving workstations to check.
        if (!opened.ok) return this.close(`the batch was refused: ${opened.problem}`);
        if (opened.batch.sender !== this.peerId || opened.envelope.senderKey !== this.peerKey)
          return this.close('the batch was refused: it is signed by another workstation than the one connected');
        if (opened.batch.coalitionId !== this.coalitionId) return this.close('the batch was refused: it belongs to another coalition');
        const stored = await this.store.store(opened.envelope, opened.batch);
        if (stored === 'removed') return this.refuse(REMOVED);
        if (stored === 'stored' && m.more === true) await this.want();
        return;
      }
      case 'nudge':
        if (!this.wanting) await this.want();
        return;
      default:
        return;
    }
  }

  private async onHello(m: Record<string, unknown>): Promise<void> {
    if (this.peerId) return this.close('the workstation said hello twice');
    const id = typeof m.workstationId === 'string' ? m.workstationId.slice(0, 200) : '';
    const key = typeof m.publicKey === 'string' ? m.publicKey.slice(0, 100) : '';
    const proof = typeof m.proof === 'string' ? m.proof.slice(0, 200) : '';
    const coalitionId = typeof m.coalitionId === 'string' ? m.coalitionId.slice(0, 200) : '';
    if (!id || !key || !coalitionId) return this.close('the workstation did not say who it is');
    const ekm = this.socket.exportKeyingMaterial(32, 'EXPORTER-eoc-sync', Buffer.alloc(0)).toString('hex');
    if (!verifySignature(key, proofText('client', ekm, id), proof)) return this.close('the workstation could not prove it holds its key');
    const coalition = await this.store.coalition(coalitionId);
    if (!coalition) return this.close('this hub does not serve that coalition: join it with a code from one of its members');
    const refusal = await this.admit(coalitionId, id, key, typeof m.enrolment === 'string' ? m.enrolment : null);
    if (refusal) return this.close(refusal);
    this.coalitionId = coalitionId;
    this.peerId = id;
    this.peerKey = key;
    this.send({
      type: 'hello',
      v: 1,
      workstationId: this.identity.workstationId,
      coalitionId,
      name: this.name,
      publicKey: this.identity.publicKey,
      fingerprint: this.identity.fingerprint,
      enrolment: coalition.enrolment,
      proof: this.identity.sign(proofText('server', ekm, this.identity.workstationId)).toString('base64'),
    });
    await this.want();
  }

  /**
   * A workstation is admitted when its key is one the hub knows for it, or when it shows an
   * invitation to this coalition signed by a member the hub knows (then its key is kept).
   * A member the coalition removed (the hub reads removals from the batches it stores) is
   * refused; workstations also refuse a removed member's records themselves, however they arrive.
   */
  private async admit(coalitionId: string, id: string, key: string, enrolment: string | null): Promise<string | null> {
    if (await this.store.isRemoved(coalitionId, id)) return REMOVED;
    if (await this.store.isMember(coalitionId, id, key)) return null;
    let e: unknown = null;
    try {
      e = enrolment ? JSON.parse(enrolment) : null;
    } catch {
      e = null;
    }
    const parsed = enrolmentSchema.safeParse(e);
    if (!parsed.success) return 'this hub does not know this workstation: it holds no invitation from a member the hub knows';
    const inv = parsed.data;
    if (inv.coalitionId !== coalitionId) return 'the workstation was invited to another coalition';
    if (!verifySignature(inv.issuerKey, invitationBytes(inv), inv.signature)) return 'the workstation\'s invitation is not signed by the member it names';
    if (!(await this.store.isMember(coalitionId, inv.issuer, inv.issuerKey)))
      return 'this hub does not know the member that invited this workstation: join the hub with that member\'s code too';
    await this.store.addMember(coalitionId, id, key);
    return null;
  }
}
