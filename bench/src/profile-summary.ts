/**
 * Summarizes a V8 `.cpuprofile` (from `npm run bench -- --cpu-prof`): self time by function and by
 * package / source folder. Usage: `npx tsx bench/src/profile-summary.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** `node_modules/<pkg>` (scoped too), `src/<folder>`, `node:internal`, or the special V8 frames. */
export function bucketOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  // The bench runs the servers compiled under bench/results/build/{src,bench}/.
  url = url.replace(/\/bench\/results\/build\//, '/');
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const source = /\/(src|bench)\/([^/]+)/.exec(url);
  if (source) return `${source[1]}/${source[2]}`;
  return url.replace(/^file:\/\//, '');
}

export interface ProfileSummary {
  totalMs: number;
  byFunction: { name: string; selfMs: number; share: number }[];
  byBucket: { name: string; selfMs: number; share: number }[];
}

export function summarizeProfile(profile: CpuProfile, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const totalUs = [...self.values()].reduce((sum, value) => sum + value, 0);
  const functions = new Map<string, number>();
  const buckets = new Map<string, number>();
  for (const [id, us] of self) {
    const frame = nodes.get(id)?.callFrame;
    if (!frame) continue;
    const file = frame.url.replace(/\/bench\/results\/build\//, '/').replace(/^.*\/(node_modules|src|bench)\//, '$1/');
    const name = `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const bucket = bucketOf(frame.url, frame.functionName);
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
  }
  const rank = (map: Map<string, number>) => [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, us]) => ({ name, selfMs: Math.round(us / 1000), share: Number(((100 * us) / totalUs).toFixed(1)) }));
  return { totalMs: Math.round(totalUs / 1000), byFunction: rank(functions), byBucket: rank(buckets) };
}

/** The categories the report shares CPU time by. */
export const CATEGORIES = ['graphql-js', 'Apollo', 'ours', 'undici (fetch)', 'node http, streams', 'other packages', 'builtins (JSON, RegExp, …)', 'GC', 'V8 / native'] as const;
export type Category = (typeof CATEGORIES)[number];

export interface CategoryShare {
  category: Category;
  selfMs: number;
  /** Percent of the busy (not idle) samples. */
  share: number;
}

/** Which category a frame's self time belongs to; null for idle time. */
export function categoryOf(url: string, functionName: string): Category | null {
  if (functionName === '(idle)') return null;
  if (functionName === '(garbage collector)') return 'GC';
  if (url.includes('undici')) return 'undici (fetch)';
  if (functionName === '(program)') return 'V8 / native';
  // JavaScript builtins (JSON.parse, String.prototype.replace, ...) are named frames without a file.
  if (url === '' && functionName !== '' && !functionName.startsWith('(')) return 'builtins (JSON, RegExp, …)';
  const bucket = bucketOf(url, functionName);
  if (bucket === 'graphql') return 'graphql-js';
  if (bucket.startsWith('@apollo/')) return 'Apollo';
  if (bucket.startsWith('src/') || bucket.startsWith('bench/')) return 'ours';
  if (bucket.startsWith('node:')) return 'node http, streams';
  if (url.includes('node_modules/')) return 'other packages';
  return 'V8 / native';
}

/** Busy self time by {@link CATEGORIES}, largest first. */
export function summarizeByCategory(profile: CpuProfile): CategoryShare[] {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<Category, number>();
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)?.callFrame;
    const category = frame ? categoryOf(frame.url, frame.functionName) : null;
    if (category !== null) totals.set(category, (totals.get(category) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const busyUs = [...totals.values()].reduce((sum, us) => sum + us, 0);
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([category, us]) => ({ category, selfMs: Math.round(us / 1000), share: Number(((100 * us) / Math.max(busyUs, 1)).toFixed(1)) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: tsx bench/src/profile-summary.ts <file.cpuprofile> [top]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const summary = summarizeProfile(profile, Number(process.argv[3] ?? 25));
  process.stdout.write(`total sampled ${summary.totalMs} ms\n\nself time by package / folder:\n`);
  for (const row of summary.byBucket) process.stdout.write(`  ${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(6)} ms  ${row.name}\n`);
  process.stdout.write('\nbusy self time by category:\n');
  for (const row of summarizeByCategory(profile)) process.stdout.write(`  ${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(6)} ms  ${row.category}\n`);
  process.stdout.write('\nself time by function:\n');
  for (const row of summary.byFunction) process.stdout.write(`  ${String(row.share).padStart(5)} %  ${String(row.selfMs).padStart(6)} ms  ${row.name}\n`);
}
