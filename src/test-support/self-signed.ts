// A throw-away self-signed certificate for tests that need the emulator over HTTPS (Adobe's Web SDK calls
// only https://). Made with the openssl CLI into a fresh temp directory at test start; never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface SelfSigned {
  key: string;
  cert: string;
}

/** A certificate for `hosts` (DNS names; 127.0.0.1 is always included), valid for one day. */
export function makeSelfSigned(hosts: readonly string[]): SelfSigned {
  const dir = mkdtempSync(path.join(tmpdir(), 'mc-emulator-tls-'));
  const keyFile = path.join(dir, 'key.pem');
  const certFile = path.join(dir, 'cert.pem');
  const names = [...hosts.map((host) => `DNS:${host}`), 'IP:127.0.0.1'].join(',');
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        `/CN=${hosts[0] ?? 'localhost'}`,
        '-addext',
        `subjectAltName=${names}`,
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
