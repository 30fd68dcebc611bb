/**
 * A certificate authority made for one test with openssl, and a server
 * certificate it signs for every loopback name the release server uses
 * (127.0.0.1, 127.0.0.2, localhost, ::1). Nothing here is trusted by Node
 * unless a test says so (ca-file, TOOL_CA_FILE, NODE_EXTRA_CA_CERTS).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerTls } from './release-server.js';

export interface TestCa {
  /** The CA's certificate, PEM: what a user would put in ca-file. */
  caFile: string;
  /** The release server's key and certificate, signed by the CA. */
  server: ServerTls;
}

function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** Writes ca.pem, ca.key, server.key, server.pem into `dir`. */
export function makeTestCa(dir: string, name = 'tool test CA'): TestCa {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(dir, ['req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', `/CN=${name}`,
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(dir, ['req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1']);
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1,IP:127.0.0.2,DNS:localhost,IP:::1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  openssl(dir, ['x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext']);
  return { caFile: join(dir, 'ca.pem'), server: { key: readFileSync(join(dir, 'server.key')), cert: readFileSync(join(dir, 'server.pem')) } };
}
