import { describe, expect, it } from '@jest/globals';
import { startMainProcess } from '../helpers/main-process.js';

describe('npm start', () => {
  it('prints both URLs, serves the demo dataset in the graph and stops both servers on Ctrl-C', async () => {
    const main = startMainProcess();
    const { graph, emulator } = await main.urls();

    const result = await (await fetch(`${graph}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ dataset(id: "demo") { fhirStores { nodes { storeId } } dicomStores { nodes { storeId } } } }' }),
    })).json();
    expect(result).toEqual({ data: { dataset: { fhirStores: { nodes: [{ storeId: 'fhir' }] }, dicomStores: { nodes: [{ storeId: 'dicom' }] } } } });
    expect((await fetch(`${emulator}/v1/projects/demo/locations/us-central1/datasets/demo`)).status).toBe(200);

    main.child.kill('SIGINT');
    expect(await main.exited).toBe(0);
    await expect(fetch(`${graph}/graphql`)).rejects.toThrow();
    await expect(fetch(`${emulator}/v1/projects/demo/locations`)).rejects.toThrow();
  }, 90_000);
});
