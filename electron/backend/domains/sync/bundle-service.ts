import { randomUUID } from 'node:crypto';
import type { BundleSummary } from '../../../../shared/contract/sync';
import { invalid } from '../../errors';
import { fileNamePart } from '../export/file-name';
import { BundleError, exportBundle, openBundle, type BundleManifest, type OpenedBundle } from './bundle';
import type { SelfDescription, SyncPort } from './port';

/**
 * Bundles from the Sync screen: export everything this workstation holds to a signed file,
 * and import one part at a time so the screen shows a true progress bar. A bundle is opened
 * (its signature and every part's hash checked, nothing written) before any part is applied;
 * only the most recently opened bundle is kept in memory.
 */
export interface BundleService {
  export(): { fileName: string; bytes: Uint8Array; summary: BundleSummary };
  open(bytes: Uint8Array): { bundleId: string; summary: BundleSummary };
  /** Applies part `part` of an opened bundle (part 0 first checks every part as a receive would). */
  apply(bundleId: string, part: number): { done: number; total: number; facts: number; changes: number; held: string | null };
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

function summarize(m: BundleManifest, bytes: number, ownCoalition: string | null): BundleSummary {
  return {
    sender: m.sender,
    senderName: m.senderName ?? null,
    fingerprint: m.fingerprint,
    coalitionName: m.coalitionName ?? null,
    sameCoalition: m.coalitionId === ownCoalition,
    createdAt: m.createdAt,
    schemaVersion: m.schemaVersion,
    facts: m.counts.facts,
    changes: m.counts.changes,
    parts: m.parts.length,
    bytes,
  };
}

export function createBundleService(sync: () => SyncPort, now: () => number): BundleService {
  let held: { id: string; opened: OpenedBundle } | null = null;
  return {
    export() {
      const port = sync();
      let r: ReturnType<typeof exportBundle>;
      try {
        r = exportBundle(port, {}, now());
      } catch (e) {
        throw invalid((e as Error).message);
      }
      const self = port.describe();
      const fileName = `${fileNamePart(self.coalitionName ?? '', 'coalition')}-${fileNamePart(self.shortCode ?? self.name ?? '', 'workstation')}-${stamp(r.manifest.createdAt)}Z.eocbundle`;
      return { fileName, bytes: r.bytes, summary: summarize(r.manifest, r.bytes.length, self.coalitionId) };
    },
    open(bytes) {
      let opened: OpenedBundle;
      try {
        opened = openBundle(bytes);
      } catch (e) {
        if (e instanceof BundleError) throw invalid(`${e.message}. Nothing was imported.`);
        throw e;
      }
      const self = sync().describe();
      const own = self.coalitionId;
      const m = opened.manifest;
      if (m.sender === self.workstationId) throw invalid('This bundle was made by this workstation: everything in it is already here. Nothing was imported.');
      if (m.coalitionId !== own) throw invalid(foreignCoalition(m, self));
      held = { id: randomUUID(), opened };
      return { bundleId: held.id, summary: summarize(m, bytes.length, own) };
    },
    apply(bundleId, part) {
      if (!held || held.id !== bundleId) throw invalid('That bundle is no longer open: choose the file again');
      const { batches, manifest } = held.opened;
      if (part >= batches.length) throw invalid(`The bundle has ${batches.length} part(s); there is no part ${part + 1}`);
      const port = sync();
      if (part === 0) {
        const problem = port.precheck(batches);
        if (problem) {
          held = null;
          throw invalid(`The bundle was not imported: ${problem}. Nothing was written.`);
        }
      }
      const r = port.receive(batches[part], `bundle from ${manifest.senderName ?? manifest.sender}`);
      if (r.status === 'refused') {
        held = null;
        throw invalid(`Part ${part + 1} of the bundle was refused: ${r.message}`);
      }
      if (part === batches.length - 1) held = null;
      return { done: part + 1, total: batches.length, facts: r.facts, changes: r.changes, held: r.status === 'held' ? r.message : null };
    },
  };
}

/**
 * Why a bundle of another coalition is refused, in words that tell it apart from this one
 * even when both carry the same names (two stores each set up on their own, the demo loaded
 * twice): the coalition and the workstation are told by their ids, not their names.
 */
function foreignCoalition(m: BundleManifest, self: SelfDescription): string {
  const theirs = `${m.coalitionName ?? 'unnamed'} (id ${m.coalitionId.slice(0, 8)}…)`;
  const sameName = !!m.coalitionName && m.coalitionName === self.coalitionName;
  return (
    `This bundle is from another coalition: ${theirs}, signed by ${m.senderName ?? 'a workstation'} (id ${m.sender.slice(0, 8)}…). ` +
    (sameName
      ? `It has this coalition's name, but it was set up on its own (this one's id is ${(self.coalitionId ?? '').slice(0, 8)}…): it keeps a record of its own. `
      : '') +
    'Only workstations that joined this coalition with a join code from one of its members (Sync → New join code) exchange records. Nothing was imported.'
  );
}
