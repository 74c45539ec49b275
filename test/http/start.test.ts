import { spawn } from 'node:child_process';
import { describe, expect, it } from '@jest/globals';

describe('npm start', () => {
  it('prints both URLs, serves the demo dataset in the graph and stops both servers on Ctrl-C', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '0', EMULATOR_PORT: '0', LOG_LEVEL: 'warn', DEMO_PATIENTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);

    const urls = await new Promise<{ graph: string; emulator: string }>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const graph = /Healthcare Graph: (http:\/\/\S+\/graphql)/.exec(stdout)?.[1];
        const emulator = /Cloud Healthcare API emulator: (http:\/\/\S+\/v1)/.exec(stdout)?.[1];
        if (graph && emulator) resolve({ graph, emulator });
      });
      child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
    });

    const result = await (await fetch(urls.graph, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataset(id: "demo") { fhirStores { nodes { storeId } } dicomStores { nodes { storeId } } } }' }),
    })).json();
    expect(result).toEqual({ data: { dataset: { fhirStores: { nodes: [{ storeId: 'fhir' }] }, dicomStores: { nodes: [{ storeId: 'dicom' }] } } } });
    expect((await fetch(`${urls.emulator}/projects/demo/locations/us-central1/datasets/demo`)).status).toBe(200);

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    clearTimeout(killer);
    await expect(fetch(urls.graph)).rejects.toThrow();
    await expect(fetch(`${urls.emulator}/projects/demo/locations`)).rejects.toThrow();
  }, 90_000);
});
