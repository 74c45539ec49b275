/**
 * The Cloud Storage URI rules, on both sides: the graph's input checks (`gcs-uri.ts`, before any
 * upstream call) and the emulator's folder mapping and wildcards (`gcs.ts`). Pure, no server.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { GcsFolder, objectPattern, parseGcsUri } from '../../src/emulator/gcs.js';
import { contentKey } from '../../src/fhir/content.js';
import { gcsSourceUri, gcsUriPrefix } from '../../src/graphql/resolvers/operations/gcs-uri.js';
import { isIdempotent } from '../../src/healthcare/retry.js';
import { parseFaultRules } from '../../src/emulator/faults.js';

const code = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? (error as Error).name;
  }
  return undefined;
};

describe('the graph\'s gs:// checks', () => {
  it.each(['gs://bucket/a/*.ndjson', 'gs://bucket/a/??.dcm', 'gs://bucket/**', 'gs://bucket/dir/**.ndjson', 'gs://my_bucket.v2/x y/z'])('accepts the source %s', (uri) => {
    expect(gcsSourceUri(uri)).toBe(uri);
  });

  it.each([
    'gs://bucket/../x', 'gs://bucket/a/./b', 'gs://bucket/a\\b', 'gs://bucket/a\nb', 'gs://Bucket/x', 'gs://b/x', 's3://bucket/x',
    'gs://bucket/**/x', 'gs://bucket/*/**', 'gs://bucket/**.nd/json', `gs://bucket/${'x'.repeat(1100)}`,
  ])('refuses the source %j', (uri) => {
    expect(code(() => gcsSourceUri(uri))).toBe('BAD_USER_INPUT');
  });

  it('refuses wildcards in a destination folder', () => {
    expect(gcsUriPrefix('gs://bucket/out/')).toBe('gs://bucket/out/');
    expect(code(() => gcsUriPrefix('gs://bucket/out/*'))).toBe('BAD_USER_INPUT');
  });
});

describe('the emulator\'s Cloud Storage folder', () => {
  it('matches Google\'s wildcards: * and ? within a folder, ** across folders', () => {
    const names = ['a.ndjson', 'ab.ndjson', 'dir/a.ndjson', 'dir/deep/b.ndjson', 'dir/c.json'];
    const matching = (object: string) => names.filter((name) => objectPattern(object, 'uri').test(name));
    expect(matching('*.ndjson')).toEqual(['a.ndjson', 'ab.ndjson']);
    expect(matching('?.ndjson')).toEqual(['a.ndjson']);
    expect(matching('dir/**')).toEqual(['dir/a.ndjson', 'dir/deep/b.ndjson', 'dir/c.json']);
    expect(matching('**.ndjson')).toEqual(['a.ndjson', 'ab.ndjson', 'dir/a.ndjson', 'dir/deep/b.ndjson']);
    expect(matching('dir/a.ndjson')).toEqual(['dir/a.ndjson']);
  });

  it('refuses names that would leave the folder', () => {
    for (const uri of ['gs://bucket/../x', 'gs://bucket/a/../../x', 'gs://../x', 'gs://bucket/a\\..\\x']) {
      expect(code(() => parseGcsUri(uri, 'uri'))).toBe('ApiError');
    }
  });

  it('lists matches below the literal prefix and writes under a destination prefix', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gcs-unit-'));
    try {
      const gcs = await GcsFolder.open(root, undefined);
      await mkdir(path.join(root, 'bkt', 'in', 'x'), { recursive: true });
      await writeFile(path.join(root, 'bkt', 'in', 'one.ndjson'), '1');
      await writeFile(path.join(root, 'bkt', 'in', 'x', 'two.ndjson'), '2');
      expect((await gcs.match('gs://bkt/in/*.ndjson')).map((o) => o.uri)).toEqual(['gs://bkt/in/one.ndjson']);
      expect((await gcs.match('gs://bkt/in/**')).map((o) => o.uri)).toEqual(['gs://bkt/in/one.ndjson', 'gs://bkt/in/x/two.ndjson']);
      expect(await gcs.match('gs://nobucket/**')).toEqual([]);
      expect(await gcs.write(parseGcsUri('gs://bkt/out', 'p'), '1_Patient', '{}\n')).toBe('gs://bkt/out/1_Patient');
      expect((await gcs.match('gs://bkt/out/*')).map((o) => o.uri)).toEqual(['gs://bkt/out/1_Patient']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('removes a temporary folder on close', async () => {
    const temporary = await GcsFolder.open(undefined, undefined);
    await temporary.close();
    await expect(mkdtemp(path.join(temporary.root, 'x'))).rejects.toThrow();
  });
});

describe('what the retry rules and the import compare', () => {
  it('retries a patch only when it is pinned to a version', () => {
    expect(isIdempotent({ kind: 'fhir', method: 'PATCH', path: 'x' })).toBe(false);
    expect(isIdempotent({ kind: 'fhir', method: 'PATCH', path: 'x', headers: { 'if-match': 'W/"v"' } })).toBe(true);
    expect(isIdempotent({ kind: 'fhir', method: 'POST', path: 'x/fhir' })).toBe(false);
  });

  it('sees the same content whatever the stamps and the key order', () => {
    const a = { resourceType: 'Patient', id: 'p', meta: { versionId: '1', lastUpdated: 't1', tag: [{ code: 'x' }] }, name: [{ family: 'F', given: ['G'] }] };
    const b = { name: [{ given: ['G'], family: 'F' }], meta: { tag: [{ code: 'x' }], lastUpdated: 't2', versionId: '2' }, id: 'p', resourceType: 'Patient' };
    expect(contentKey(a)).toBe(contentKey(b));
    expect(contentKey(a)).not.toBe(contentKey({ ...b, name: [{ family: 'F' }] }));
    expect(contentKey({ resourceType: 'Patient', meta: { versionId: '1' } })).toBe(contentKey({ resourceType: 'Patient' }));
  });

  it('parses "after" on error statuses only', () => {
    expect(parseFaultRules('[{"path":"x","rate":1,"status":503,"after":true}]')[0]).toMatchObject({ status: 503, after: true });
    expect(() => parseFaultRules('[{"path":"x","rate":1,"status":"delay","delayMs":1,"after":true}]')).toThrow(/only applies/);
    expect(() => parseFaultRules('[{"path":"x","rate":1,"status":503,"after":"yes"}]')).toThrow(/true or false/);
  });
});
