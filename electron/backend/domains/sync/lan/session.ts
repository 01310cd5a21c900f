import type { TLSSocket } from 'node:tls';
import { verifySignature } from '../../../identity/keys';
import type { SyncPort } from '../port';
import type { Vector } from '../vector';
import { frames } from './frames';
import { vectorSchema } from '../bundle';

/** Batches a hub may send in answer to one request (a workstation peer always sends one). */
const WANT_PAGES = 16;

export type Role = 'client' | 'server';

/** What each side proves: it holds its enrolled key, on this very TLS session. */
const proofText = (role: Role, ekm: string, id: string) => `eoc-sync-hello/1\n${role}\n${ekm}\n${id}`;

export interface PeerInfo {
  workstationId: string;
  name: string | null;
  fingerprint: string;
}

export interface SessionEvents {
  ready(s: Session): void;
  closed(s: Session, why: string | null): void;
  /** The peer's vector, when it asks for what it lacks: how far behind it is. */
  theirVector(s: Session, v: Vector): void;
}

/**
 * One sync connection, after TLS: both sides say who they are and prove it by signing the
 * session's exported keying material with their enrolled Ed25519 key (so a proof cannot be
 * replayed on another connection, and a man in the middle, who holds two TLS sessions, can
 * forward neither side's proof); then each asks the other for what it lacks, by version
 * vector, page by page, and asks again whenever it is told something new was written.
 */
export class Session {
  peer: PeerInfo | null = null;
  private readonly send: (m: unknown) => void;
  private closedWith: string | null | undefined;
  private wanting = false;
  /** A batch of the answer being received brought something new: ask again after the last. */
  private answerBrought = false;
  /** Told of something new while an answer was on its way: the answer may predate it. */
  private nudgedMeanwhile = false;

  constructor(
    readonly socket: TLSSocket,
    readonly role: Role,
    public address: string,
    private readonly sync: SyncPort,
    private readonly events: SessionEvents,
  ) {
    this.send = frames(socket, (m) => this.onMessage(m), (why) => this.close(`the peer sent ${why}`));
    socket.on('close', () => this.finish(null));
    socket.on('error', (e) => this.finish(e.message));
    // A quiet LAN is normal: a ping every 30 s keeps the connection (and NAT tables) alive,
    // and a peer silent for two minutes is taken as gone (it is tried again later).
    socket.setTimeout(120_000, () => this.close('the peer went quiet'));
    const ping = setInterval(() => this.send({ type: 'ping' }), 30_000);
    ping.unref();
    socket.on('close', () => clearInterval(ping));
  }

  /** Sends this side's hello; called once TLS is up. */
  start(): void {
    const self = this.sync.describe();
    const ekm = this.socket.exportKeyingMaterial(32, 'EXPORTER-eoc-sync', Buffer.alloc(0)).toString('hex');
    this.send({
      type: 'hello',
      v: 1,
      workstationId: self.workstationId,
      coalitionId: self.coalitionId,
      name: self.name,
      publicKey: self.publicKey,
      fingerprint: self.fingerprint,
      enrolment: this.sync.ownEnrolment(),
      proof: this.sync.sign(proofText(this.role, ekm, self.workstationId)),
    });
  }

  /** Something new was written here: the peer asks for it. */
  nudge(): void {
    if (this.peer) this.send({ type: 'nudge' });
  }

  close(why: string | null): void {
    if (why && this.peer === null) this.send({ type: 'bye', reason: why });
    this.finish(why);
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 1000).unref();
  }

  private finish(why: string | null): void {
    if (this.closedWith !== undefined) return;
    this.closedWith = why;
    this.events.closed(this, why);
  }

  private want(): void {
    this.wanting = true;
    this.answerBrought = false;
    this.nudgedMeanwhile = false;
    // `pages`: a hub may answer with up to this many stored batches back to back.
    this.send({ type: 'want', vector: this.sync.vector(), pages: WANT_PAGES });
  }

  private onMessage(m: Record<string, unknown>): void {
    try {
      if (m.type === 'hello') return this.onHello(m);
      if (m.type === 'bye') return this.finish(typeof m.reason === 'string' ? `the peer refused: ${m.reason.slice(0, 300)}` : 'the peer closed');
      if (!this.peer) return this.close('the peer spoke before saying who it is');
      switch (m.type) {
        case 'want': {
          const parsed = vectorSchema.safeParse(m.vector ?? {});
          if (!parsed.success) return this.close('the peer sent a version vector that is not one');
          const v: Vector = parsed.data;
          this.events.theirVector(this, v);
          // A workstation that joined but has not yet received the coalition's records has
          // nothing to offer (it cannot sign a batch for a coalition it does not hold yet):
          // it says so, and the peer asks again once it is nudged after the records arrive.
          if (this.sync.describe().coalitionName === null) return this.send({ type: 'batch', env: null, more: false });
          const env = this.sync.collect(v);
          const batch = JSON.parse(env.batch) as { parts: unknown[]; more: boolean };
          this.send(batch.parts.length ? { type: 'batch', env, more: batch.more } : { type: 'batch', env: null, more: false });
          return;
        }
        case 'batch': {
          const follows = m.follows === true;
          if (!follows) this.wanting = false;
          if (!m.env) {
            if (!follows && this.nudgedMeanwhile) this.want();
            return;
          }
          const r = this.sync.receive(m.env, this.peer.name ?? this.peer.workstationId);
          if (r.status !== 'refused' && r.changes + r.facts > 0) this.answerBrought = true;
          if (follows) return;
          if (r.status === 'refused' && !this.answerBrought) return;
          if (m.more === true || this.answerBrought || this.nudgedMeanwhile) this.want();
          return;
        }
        case 'nudge':
          if (!this.wanting) this.want();
          else this.nudgedMeanwhile = true;
          return;
        case 'ping':
          return;
        default:
          return;
      }
    } catch (e) {
      this.close(`could not handle a message: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private onHello(m: Record<string, unknown>): void {
    if (this.peer) return this.close('the peer said hello twice');
    const id = typeof m.workstationId === 'string' ? m.workstationId : '';
    const key = typeof m.publicKey === 'string' ? m.publicKey : '';
    const proof = typeof m.proof === 'string' ? m.proof : '';
    const self = this.sync.describe();
    if (!id || !key) return this.close('the peer did not say who it is');
    if (id === self.workstationId) return this.close('this is a connection to itself');
    if (m.coalitionId !== self.coalitionId) return this.close('the peer belongs to another coalition');
    const ekm = this.socket.exportKeyingMaterial(32, 'EXPORTER-eoc-sync', Buffer.alloc(0)).toString('hex');
    const theirRole: Role = this.role === 'client' ? 'server' : 'client';
    if (!verifySignature(key, proofText(theirRole, ekm, id), proof)) return this.close('the peer could not prove it holds its key');
    const refusal = this.sync.peerRefusal(id, key, typeof m.enrolment === 'string' ? m.enrolment : null);
    if (refusal) return this.close(refusal);
    this.peer = { workstationId: id, name: typeof m.name === 'string' ? m.name.slice(0, 100) : null, fingerprint: typeof m.fingerprint === 'string' ? m.fingerprint.slice(0, 40) : '' };
    this.events.ready(this);
    this.want();
  }
}
