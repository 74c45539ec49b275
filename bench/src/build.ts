/**
 * Compiles the child processes (the servers under test and the emulator) to plain JavaScript
 * under `bench/results/build`, so they run as in production (`node dist/...`) rather than under
 * tsx, whose loader thread and transpiler add ~110 MB of RSS to every process.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const REPO_DIR = path.resolve(BENCH_DIR, '..');
const BUILD_DIR = path.join(BENCH_DIR, 'results', 'build');

export type ChildModule = 'server-child' | 'upstream-child';

export interface ChildModules {
  /** How the children run: `compiled` (node) or `tsx` (the fallback). */
  mode: 'compiled' | 'tsx';
  url(name: ChildModule): URL;
  /** Why the build was not used, when it was not. */
  problem?: string;
}

const sourceModules = (problem?: string): ChildModules => ({
  mode: 'tsx',
  url: (name) => new URL(`./${name}.ts`, import.meta.url),
  ...(problem === undefined ? {} : { problem }),
});

/** Files whose change means a new build: sources (name, size, mtime), SDL, configs. */
async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (dir: string): Promise<void> => {
    for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (/\.(ts|graphql|json)$/.test(entry.name)) {
        const info = await stat(full);
        hash.update(`${path.relative(REPO_DIR, full)}|${info.size}|${info.mtimeMs}\n`);
      }
    }
  };
  await walk(path.join(REPO_DIR, 'src'));
  await walk(path.join(REPO_DIR, 'schema'));
  await walk(path.join(BENCH_DIR, 'src'));
  for (const file of ['tsconfig.json', 'package-lock.json', 'bench/tsconfig.children.json']) {
    const info = await stat(path.join(REPO_DIR, file)).catch(() => undefined);
    hash.update(`${file}|${info?.size}|${info?.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export async function buildChildModules(log: (message: string) => void): Promise<ChildModules> {
  const tsc = path.join(REPO_DIR, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = (name: ChildModule) => path.join(BUILD_DIR, 'bench', 'src', `${name}.js`);
  const stampFile = path.join(BUILD_DIR, 'fingerprint');
  const fingerprint = await sourceFingerprint();
  if ((await readFile(stampFile, 'utf8').catch(() => '')) === fingerprint) {
    log('Child modules: compiled build is up to date.');
    return { mode: 'compiled', url: (name) => pathToFileURL(compiled(name)) };
  }
  await rm(BUILD_DIR, { recursive: true, force: true });
  const started = performance.now();
  const output = await new Promise<string>((resolve) => {
    execFile(process.execPath, [tsc, '-p', path.join(BENCH_DIR, 'tsconfig.children.json')], { cwd: REPO_DIR, timeout: 180_000 }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`));
  });
  try {
    await Promise.all([stat(compiled('server-child')), stat(compiled('upstream-child'))]);
  } catch {
    return sourceModules(`tsc did not emit the child modules; running them under tsx (RSS ~110 MB higher). ${output.slice(0, 300)}`);
  }
  // The graph reads its SDL from `../../schema/` relative to its modules.
  await cp(path.join(REPO_DIR, 'schema'), path.join(BUILD_DIR, 'schema'), { recursive: true });
  const typeErrors = output.trim() === '' ? '' : ` (tsc reported: ${output.trim().split('\n')[0]?.slice(0, 200)})`;
  await writeFile(stampFile, fingerprint);
  log(`Compiled the server and emulator children in ${((performance.now() - started) / 1000).toFixed(1)} s${typeErrors}.`);
  return { mode: 'compiled', url: (name) => pathToFileURL(compiled(name)) };
}

/** The child modules as TypeScript sources, run with tsx (`--no-build`). */
export function sourceChildModules(): ChildModules {
  return sourceModules();
}
