import { Bonjour } from 'bonjour-service';
import type { SyncPort } from '../port';

export interface Discovery {
  stop(): void;
}

/**
 * Announces this workstation as `_eoc-sync._tcp` with its coalition and key fingerprint in
 * TXT, and reports peers of the same coalition. mDNS fails on some networks (guest Wi-Fi,
 * hospital VLANs), so a typed address always works too.
 */
export function startDiscovery(sync: SyncPort, port: number, found: (address: string) => void): Discovery {
  const self = sync.describe();
  const bonjour = new Bonjour();
  bonjour.publish({
    name: `EOC ${self.shortCode ?? ''} ${self.workstationId.slice(-6)}`.trim(),
    type: 'eoc-sync',
    port,
    txt: { c: self.coalitionId ?? '', f: self.fingerprint, w: self.workstationId },
  });
  const browser = bonjour.find({ type: 'eoc-sync' }, (svc) => {
    const txt = (svc.txt ?? {}) as Record<string, string>;
    if (txt.c !== self.coalitionId || txt.w === self.workstationId) return;
    const ipv4 = (svc.addresses ?? []).find((a) => /^\d+\.\d+\.\d+\.\d+$/.test(a));
    if (ipv4) found(`${ipv4}:${svc.port}`);
  });
  return {
    stop() {
      browser.stop();
      bonjour.unpublishAll(() => bonjour.destroy());
    },
  };
}
