import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { exited, freePort, startService, waitFor } from './support/processes';

/** Whether a TLS handshake limited to `maxVersion` succeeds. */
function handshake(port: number, maxVersion: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({
      host: '127.0.0.1',
      port,
      rejectUnauthorized: false,
      minVersion: 'TLSv1',
      maxVersion,
      ciphers: 'DEFAULT:@SECLEVEL=0',
    });
    socket.once('secureConnect', () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** With TLS_CERT / TLS_KEY the service terminates TLS itself and refuses anything below TLS 1.2. */
describe('TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nxt-tls-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves HTTPS with TLS 1.2 and 1.3 and refuses TLS 1.1', async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const port = await freePort();
    const service = startService({
      PORT: String(port),
      TLS_CERT: join(dir, 'cert.pem'),
      TLS_KEY: join(dir, 'key.pem'),
      SANDBOX_SEED: 'off',
    });
    try {
      await waitFor(async () => ((await handshake(port, 'TLSv1.3')) ? true : undefined));
      expect(await handshake(port, 'TLSv1.2')).toBe(true);
      expect(await handshake(port, 'TLSv1.1')).toBe(false);
      expect(service.output()).toContain(`https://localhost:${port}`);
    } finally {
      service.kill('SIGTERM');
    }
    expect(await exited(service)).toBe(0);
  });
});
