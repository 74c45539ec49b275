import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';

/** `src/main.ts` (what `npm start` runs) in a child process of its own. */
export interface MainProcess {
  child: ChildProcessByStdio<null, Readable, Readable>;
  /** The exit code, once the process has exited. */
  exited: Promise<number | null>;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Resolves with the first match of `pattern` in the process's stdout; rejects if it exits first. */
  waitForOutput(pattern: RegExp): Promise<RegExpExecArray>;
  /** Waits for the start-up lines and returns the graph's URL (without `/graphql`) and the emulator's (without `/v1`). */
  urls(): Promise<{ graph: string; emulator: string }>;
}

/**
 * Starts `src/main.ts` as `npm start` would, on free ports with one demo patient; `env` is laid over
 * this process's environment, and a variable set to `undefined` is removed from it (such as jest's
 * `NODE_ENV=test`). The process is killed after `killAfterMs` at the latest, so a test that fails
 * before stopping it leaves nothing running.
 */
export function startMainProcess(env: Record<string, string | undefined> = {}, killAfterMs = 60_000): MainProcess {
  const merged: Record<string, string | undefined> = { ...process.env, PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'warn', DEMO_PATIENTS: '1', ...env };
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => {
    clearTimeout(killer);
    resolve(code);
  }));

  const waitForOutput = (pattern: RegExp) => new Promise<RegExpExecArray>((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(stdout);
      if (match === null) return;
      child.stdout.off('data', check);
      resolve(match);
    };
    child.stdout.on('data', check);
    child.on('close', () => reject(new Error(`exited early:\n${stdout}${stderr}`)));
    check();
  });

  return {
    child,
    exited,
    stderr: () => stderr,
    waitForOutput,
    async urls() {
      const [, graph] = await waitForOutput(/Healthcare Graph: (http:\/\/\S+)\/graphql/);
      const [, emulator] = await waitForOutput(/Cloud Healthcare API emulator: (http:\/\/\S+)\/v1/);
      return { graph: graph!, emulator: emulator! };
    },
  };
}
