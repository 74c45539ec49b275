/**
 * Request/response over a forked child's IPC channel: the bench process drives the emulator and
 * server children with small typed calls.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface RpcRequest {
  rpc: 'call';
  id: number;
  method: string;
  args: unknown;
}

interface RpcReply {
  rpc: 'reply' | 'ready';
  id: number;
  result?: unknown;
  error?: string;
}

type Handler = (args: never) => unknown;

/** Child side: answers calls from the parent; exits when the parent goes away. */
export function serveRpc(handlers: Record<string, Handler>): void {
  if (process.send === undefined) throw new Error('this script runs as a child of the bench (no IPC channel)');
  process.on('message', (message: RpcRequest) => {
    if (message?.rpc !== 'call') return;
    const handler = handlers[message.method];
    const reply = (body: Omit<RpcReply, 'rpc' | 'id'>) => process.send?.({ rpc: 'reply', id: message.id, ...body } satisfies RpcReply);
    if (handler === undefined) {
      reply({ error: `unknown method ${message.method}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(message.args as never))
      .then(
        (result) => reply({ result }),
        (error: unknown) => reply({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
      );
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ rpc: 'ready' });
}

export interface ChildOptions {
  args?: string[];
  env?: Record<string, string>;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeFlags?: string[];
  /** Where the child's stdout goes. */
  stdout?: 'ignore' | 'inherit';
  /** Label for errors. */
  name: string;
  /** A program that runs node, and its arguments before node's path: e.g. `['valgrind', '--tool=callgrind']`. */
  launcher?: string[];
}

/** Parent side of one child process. */
export class RpcChild {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }>();
  private exited = false;
  readonly exit: Promise<number | null>;
  /** Settles once the child serves calls (or fails if it exits first). */
  readonly ready: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly name: string,
  ) {
    let markReady: () => void = () => undefined;
    let failStart: (error: Error) => void = () => undefined;
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    this.ready.catch(() => undefined);
    child.on('message', (message: RpcReply) => {
      if (message?.rpc === 'ready') markReady();
      if (message?.rpc !== 'reply') return;
      const waiting = this.pending.get(message.id);
      if (waiting === undefined) return;
      this.pending.delete(message.id);
      clearTimeout(waiting.timer);
      if (message.error !== undefined) waiting.reject(new Error(`${name}: ${message.error}`));
      else waiting.resolve(message.result);
    });
    this.exit = new Promise((resolve) => {
      child.on('exit', (code, signal) => {
        this.exited = true;
        failStart(new Error(`${name} exited (${signal ?? code}) before it was ready`));
        for (const waiting of this.pending.values()) {
          clearTimeout(waiting.timer);
          waiting.reject(new Error(`${name} exited (${signal ?? code}) during a call`));
        }
        this.pending.clear();
        resolve(code);
      });
    });
  }

  /** Forks a module (see `fork`) and waits until it serves calls. */
  static async start(moduleUrl: URL, options: ChildOptions, timeoutMs = 120_000): Promise<RpcChild> {
    const child = RpcChild.fork(moduleUrl, options);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        child.ready,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      child.child.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return child;
  }

  /** Forks a module: JavaScript with plain node, TypeScript with tsx. */
  static fork(moduleUrl: URL, options: ChildOptions): RpcChild {
    const file = fileURLToPath(moduleUrl);
    const nodeArgs = [...(file.endsWith('.ts') ? ['--import', 'tsx'] : []), ...(options.nodeFlags ?? [])];
    const [launcher, ...launcherArgs] = options.launcher ?? [];
    const child = fork(file, options.args ?? [], {
      ...(launcher === undefined ? { execArgv: nodeArgs } : { execPath: launcher, execArgv: [...launcherArgs, process.execPath, ...nodeArgs] }),
      env: { ...process.env, ...options.env },
      stdio: ['ignore', options.stdout ?? 'ignore', 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    return new RpcChild(child, options.name);
  }

  /** False once the child process has exited (e.g. crashed). */
  get running(): boolean {
    return !this.exited;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  call<T>(method: string, args: unknown = {}, timeoutMs = 600_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${method} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
      this.child.send({ rpc: 'call', id, method, args } satisfies RpcRequest);
    });
  }

  /** Asks the child to stop (so profiles get written), then kills it if it does not within `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    if (this.exited) return;
    this.call('stop', {}, graceMs).catch(() => undefined);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }
}
