import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { loadConfig } from '../../src/config/index.js';
import { loadDicomWebServers } from '../../src/config/dicomweb-servers.js';
import { configErrorOf as messageOf } from '../helpers/config.js';

const SECRET = 'Basic c2VjcmV0OnNlY3JldA==';
const servers = (...entries: object[]) => ({ DICOMWEB_SERVERS: JSON.stringify(entries) });
const orthanc = { id: 'orthanc', url: 'http://127.0.0.1:8042/dicom-web/', dataset: 'demo', quirks: 'orthanc' };

const dir = mkdtempSync(path.join(tmpdir(), 'dicomweb-servers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DICOMWEB_SERVERS', () => {
  it('is an empty list when unset', () => {
    expect(loadConfig({}).dicomWebServers).toEqual([]);
  });

  it('reads servers inline, with defaults and the trailing slash dropped', () => {
    const config = loadConfig(servers(orthanc, { id: 'pacs', url: 'https://pacs.example.org/dcm4chee-arc/aets/DCM4CHEE/rs', dataset: 'demo', authHeader: SECRET }));
    expect(config.dicomWebServers).toEqual([
      { id: 'orthanc', url: 'http://127.0.0.1:8042/dicom-web', dataset: 'demo', authorization: undefined, quirks: 'orthanc' },
      { id: 'pacs', url: 'https://pacs.example.org/dcm4chee-arc/aets/DCM4CHEE/rs', dataset: 'demo', authorization: SECRET, quirks: 'standard' },
    ]);
  });

  it('reads servers from a file, and the header from another variable', () => {
    const file = path.join(dir, 'servers.json');
    writeFileSync(file, JSON.stringify([{ ...orthanc, authHeaderEnv: 'ORTHANC_AUTH' }]));
    const config = loadConfig({ DICOMWEB_SERVERS_FILE: file, ORTHANC_AUTH: SECRET });
    expect(config.dicomWebServers).toEqual([{ id: 'orthanc', url: 'http://127.0.0.1:8042/dicom-web', dataset: 'demo', authorization: SECRET, quirks: 'orthanc' }]);
  });

  it.each([
    ['both variables', { ...servers(orthanc), DICOMWEB_SERVERS_FILE: '/x.json' }, 'set one of them'],
    ['an unreadable file', { DICOMWEB_SERVERS_FILE: '/nonexistent/servers.json' }, 'cannot read it (ENOENT)'],
    ['not JSON', { DICOMWEB_SERVERS: '[{id:' }, 'not JSON'],
    ['not an array', { DICOMWEB_SERVERS: '{"id":"a"}' }, 'expected a JSON array'],
    ['an entry that is not an object', servers(orthanc, 'x' as unknown as object), 'entry 1 is not an object'],
    ['a bad id', servers({ ...orthanc, id: '../x' }), 'entry 0 needs an "id"'],
    ['a duplicate id', servers(orthanc, { ...orthanc, url: 'http://127.0.0.1:1/x' }), 'server "orthanc" is listed twice'],
    ['an unknown key (a typo)', servers({ ...orthanc, authheader: 'x' }), 'unknown key "authheader"'],
    ['no url', servers({ id: 'a', dataset: 'demo' }), 'needs a "url"'],
    ['a url that is no URL', servers({ ...orthanc, url: '127.0.0.1:8042/dicom-web' }), 'which is not a URL'],
    ['a url with a query', servers({ ...orthanc, url: 'http://127.0.0.1:8042/dicom-web?x=1' }), 'without query or fragment'],
    ['a url of another scheme', servers({ ...orthanc, url: 'ftp://127.0.0.1/dicom-web' }), 'plain http(s) URL'],
    ['credentials in the url', servers({ ...orthanc, url: 'http://orthanc:orthanc@127.0.0.1:8042/dicom-web' }), 'credentials in its "url"'],
    ['no dataset', servers({ id: 'a', url: 'http://127.0.0.1/x' }), 'needs a "dataset"'],
    ['unknown quirks', servers({ ...orthanc, quirks: 'dcm4che' }), 'expected one of standard, orthanc'],
    ['a number where a string belongs', servers({ ...orthanc, quirks: 1 }), 'needs a string "quirks"'],
    ['both header settings', servers({ ...orthanc, authHeader: SECRET, authHeaderEnv: 'X' }), 'has both "authHeader" and "authHeaderEnv"'],
    ['a header variable that is not set', servers({ ...orthanc, authHeaderEnv: 'ORTHANC_AUTH' }), 'ORTHANC_AUTH, which is not set'],
    ['a bad variable name', servers({ ...orthanc, authHeaderEnv: 'A-B' }), 'not an environment variable name'],
    ['a header with a line break', servers({ ...orthanc, authHeader: `${SECRET}\r\nX-Evil: 1` }), 'printable ASCII'],
    ['a header over plain http to another host', servers({ ...orthanc, url: 'http://10.0.0.5:8042/dicom-web', authHeader: SECRET }), 'over plain http to 10.0.0.5:8042'],
    ['a server outside the pinned dataset', { ...servers({ ...orthanc, dataset: 'other' }), HEALTHCARE_DATASET: 'demo' }, 'HEALTHCARE_DATASET pins the graph to "demo"'],
    ['a server off the DICOM allow-list', { ...servers(orthanc), ALLOWED_DICOM_STORES: 'dicom' }, 'is not on ALLOWED_DICOM_STORES'],
  ])('refuses %s with one clear line', (_what, env, expected) => {
    const message = messageOf(env as Record<string, string>);
    expect(message).toMatch(/^Invalid DICOMWEB_SERVERS(_FILE)?[ :=]/);
    expect(message).toContain(expected);
    expect(message).not.toContain('\n');
    // The header value is a secret: no message repeats it.
    expect(message).not.toContain('c2VjcmV0');
  });

  it('accepts a header over plain http to loopback, and without a header anything http', () => {
    expect(loadDicomWebServers(servers({ ...orthanc, authHeader: SECRET }))).toHaveLength(1);
    expect(loadDicomWebServers(servers({ ...orthanc, url: 'http://10.0.0.5:8042/dicom-web' }))).toHaveLength(1);
  });

  it('accepts a server on the allow-list of a pinned dataset', () => {
    const config = loadConfig({ ...servers(orthanc), HEALTHCARE_DATASET: 'demo', ALLOWED_DICOM_STORES: 'dicom,orthanc' });
    expect(config.dicomWebServers.map((server) => server.id)).toEqual(['orthanc']);
  });
});
