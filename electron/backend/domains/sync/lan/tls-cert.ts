import fs from 'node:fs';
import path from 'node:path';
import selfsigned from 'selfsigned';

export const TLS_FILE = 'sync-tls.pem';

/**
 * The TLS certificate of the sync endpoint: self-signed, made once and kept in the data
 * folder. It only encrypts; who is at the other end is proven inside the channel with the
 * workstation's enrolled Ed25519 key (handshake.ts), so no certificate authority is
 * involved and nothing depends on the certificate's name.
 */
export async function loadOrCreateCert(dataDir: string): Promise<{ key: string; cert: string }> {
  const file = path.join(dataDir, TLS_FILE);
  try {
    const text = fs.readFileSync(file, 'utf8');
    const key = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(text)?.[0];
    const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
    if (key && cert) return { key, cert };
  } catch {
    // Not made yet.
  }
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 20);
  const pems = await selfsigned.generate([{ name: 'commonName', value: 'eoc-sync' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256', notAfterDate: notAfter });
  fs.writeFileSync(file, `${pems.private}\n${pems.cert}\n`, { mode: 0o600 });
  return { key: pems.private, cert: pems.cert };
}
