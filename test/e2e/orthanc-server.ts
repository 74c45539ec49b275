/**
 * A real Orthanc (Debian `orthanc` + `orthanc-dicomweb`) for one test run: its own config, storage
 * and free port in a temp folder, reachable from this machine only.
 *
 * Orthanc 1.10.1 has no bind-address option and listens on 0.0.0.0. It runs with
 * scripts/orthanc/loopback.c preloaded, which turns that bind into 127.0.0.1 and ends Orthanc if
 * the test process dies. The listening socket is then checked in /proc before anything is stored.
 */

import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where Debian's packages put them (/usr/sbin is not on a non-root user's PATH). */
const ORTHANC = '/usr/sbin/Orthanc';
const DICOMWEB_PLUGIN = '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
const SHIM_SOURCE = fileURLToPath(new URL('../../scripts/orthanc/loopback.c', import.meta.url));

function haveGcc(): boolean {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Why Orthanc cannot run here, or undefined when it can. */
export function orthancMissing(): string | undefined {
  if (!existsSync(ORTHANC)) return 'Orthanc is not installed';
  if (!existsSync(DICOMWEB_PLUGIN)) return 'the Orthanc DICOMweb plugin is not installed';
  if (!haveGcc()) return 'gcc is not installed (it builds the loopback shim)';
  return undefined;
}

export interface RunningOrthanc {
  /** `http://127.0.0.1:port/dicom-web` */
  web: string;
  /** `http://127.0.0.1:port`: Orthanc's own REST API (`/instances`, `/statistics`, ...). */
  rest: string;
  /** The Authorization header Orthanc then requires, when started with `users`. */
  authorization?: string;
  stop(): Promise<void>;
}

export interface OrthancOptions {
  /** HTTP Basic users (`{name: password}`); Orthanc then refuses requests without one. The first one is `authorization`. */
  users?: Record<string, string>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Local addresses of the sockets listening on `port`, as /proc/net/tcp{,6} hex strings. */
function listeners(port: number): string[] {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return ['/proc/net/tcp', '/proc/net/tcp6'].flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .slice(1)
      .map((line) => line.trim().split(/\s+/))
      // Columns: sl, local_address (ADDR:PORT), rem_address, st (0A = LISTEN), …
      .filter((cols) => cols[3] === '0A' && cols[1]?.endsWith(`:${hexPort}`))
      .map((cols) => cols[1]!.split(':')[0]!),
  );
}
const LOOPBACK = new Set(['0100007F', '00000000000000000000000001000000']);

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
}

async function stopProcess(child: ChildProcess): Promise<void> {
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited(child);
  clearTimeout(timer);
}

export async function startOrthanc(options: OrthancOptions = {}): Promise<RunningOrthanc> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orthanc-e2e-'));
  const shim = path.join(dir, 'loopback.so');
  execFileSync('gcc', ['-shared', '-fPIC', '-o', shim, SHIM_SOURCE, '-ldl']);
  const port = await freePort();
  const config = {
    Name: 'healthcare-graph-e2e',
    HttpPort: port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: options.users !== undefined,
    ...(options.users === undefined ? {} : { RegisteredUsers: options.users }),
    DicomServerEnabled: false,
    StorageDirectory: path.join(dir, 'storage'),
    IndexDirectory: path.join(dir, 'index'),
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
  writeFileSync(path.join(dir, 'config.json'), JSON.stringify(config));

  const child = spawn(ORTHANC, [path.join(dir, 'config.json')], {
    cwd: dir,
    env: { ...process.env, LD_PRELOAD: shim },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const stop = async (): Promise<void> => {
    await stopProcess(child);
    rmSync(dir, { recursive: true, force: true });
  };

  const [user] = Object.entries(options.users ?? {});
  const authorization = user === undefined ? undefined : `Basic ${Buffer.from(`${user[0]}:${user[1]}`).toString('base64')}`;
  try {
    const base = `http://127.0.0.1:${port}`;
    for (let attempt = 0; ; attempt++) {
      if (child.exitCode !== null) throw new Error(`Orthanc exited with ${child.exitCode}:\n${log}`);
      const ok = await fetch(`${base}/system`, { headers: authorization === undefined ? {} : { authorization } }).then((r) => r.ok, () => false);
      if (ok) break;
      if (attempt === 100) throw new Error(`Orthanc did not answer on port ${port} within 10 s:\n${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const addresses = listeners(port);
    if (addresses.length === 0 || addresses.some((a) => !LOOPBACK.has(a))) {
      throw new Error(`Orthanc must listen on loopback only; it listens on ${addresses.join(', ') || 'nothing visible'}`);
    }
    return { web: `${base}/dicom-web`, rest: base, authorization, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** pydicom's test files, from Debian's interpreter (the one `python3-pydicom` installs into); undefined without it. */
export function pydicomTestFiles(): string | undefined {
  try {
    const script = 'import os, pydicom; print(os.path.join(os.path.dirname(pydicom.__file__), "data", "test_files"))';
    const dir = execFileSync('/usr/bin/python3', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    return existsSync(path.join(dir, 'CT_small.dcm')) ? dir : undefined;
  } catch {
    return undefined;
  }
}
