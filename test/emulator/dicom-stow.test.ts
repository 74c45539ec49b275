import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { expectEnvelope } from './helpers.js';
import { type DicomEmulator, sampleInstances, startDicomEmulator, stow, value } from './dicom-helpers.js';

let dicom: DicomEmulator;

beforeAll(async () => {
  dicom = await startDicomEmulator();
});

afterAll(async () => {
  await dicom.emulator.close();
});

async function envelope(res: Response): Promise<{ status: number; headers: Headers; text: string; json: unknown }> {
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: JSON.parse(text) };
}

describe('STOW-RS', () => {
  it('stores a multipart request and answers DICOM JSON with the references and retrieve URLs', async () => {
    const { plan, files } = sampleInstances({ seed: 'stow-json', modality: 'CT', series: [{ description: 'Axial 5mm', instances: 2 }] });
    const res = await stow(dicom.web, files, { accept: 'application/dicom+json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/dicom\+json/);
    const body = (await res.json()) as any;
    const studyUrl = `${dicom.web}/studies/${plan.studyInstanceUid}`;
    expect(value(body, '00081190')).toBe(studyUrl);
    expect(body['00081198']).toBeUndefined();
    const refs = body['00081199'].Value;
    expect(refs).toHaveLength(2);
    const series = plan.series[0]!;
    expect(refs.map((r: any) => value(r, '00081155'))).toEqual(series.instances.map((i) => i.sopInstanceUid));
    expect(value(refs[0], '00081150')).toBe('1.2.840.10008.5.1.4.1.1.2');
    expect(value(refs[0], '00081190')).toBe(`${studyUrl}/series/${series.seriesInstanceUid}/instances/${series.instances[0]!.sopInstanceUid}`);
  });

  it('answers Native DICOM XML by default', async () => {
    const { files } = sampleInstances({ seed: 'stow-xml', modality: 'CR' });
    const res = await stow(dicom.web, files);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/dicom\+xml/);
    const xml = await res.text();
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<NativeDicomModel xmlns="http://dicom.nema.org/PS3.19/models/NativeDICOM">');
    expect(xml).toContain('<DicomAttribute tag="00081199" vr="SQ" keyword="ReferencedSOPSequence"><Item number="1">');
    expect(xml).toContain('keyword="ReferencedSOPClassUID"><Value number="1">1.2.840.10008.5.1.4.1.1.1</Value>');
  });

  it('accepts a single application/dicom body and a quoted boundary', async () => {
    const one = sampleInstances({ seed: 'stow-single', modality: 'CR' });
    expect((await stow(dicom.web, one.files, { single: true, accept: 'application/dicom+json' })).status).toBe(200);

    const two = sampleInstances({ seed: 'stow-quoted', modality: 'CR' });
    const boundary = 'a quoted:boundary';
    const body = Buffer.concat([
      Buffer.from(`\r\n--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`),
      Buffer.from(two.files[0]!),
      Buffer.from(`\r\n--${boundary}--`),
    ]);
    const res = await fetch(`${dicom.web}/studies`, {
      method: 'POST',
      headers: { 'content-type': `multipart/related; type="application/dicom"; boundary="${boundary}"`, accept: 'application/dicom+json' },
      body,
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as any)['00081199'].Value).toHaveLength(1);
  });

  it('rejects a duplicate instance with a failure entry and HTTP 409, storing the rest', async () => {
    const { plan, files } = sampleInstances({ seed: 'stow-dup', modality: 'CT', series: [{ description: 'Axial', instances: 2 }] });
    expect((await stow(dicom.web, [files[0]!])).status).toBe(200);
    const res = await stow(dicom.web, files, { accept: 'application/dicom+json' });
    expect(res.status).toBe(409);
    const body = (await res.json()) as any;
    const failed = body['00081198'].Value;
    expect(failed).toHaveLength(1);
    expect(value(failed[0], '00081155')).toBe(plan.series[0]!.instances[0]!.sopInstanceUid);
    expect(value(failed[0], '00081197')).toBe(0x0110);
    expect(value(failed[0], '00091097')).toMatch(/already exists/);
    expect(body['00081199'].Value.map((r: any) => value(r, '00081155'))).toEqual([plan.series[0]!.instances[1]!.sopInstanceUid]);
  });

  it('rejects an unreadable part with reason C000 and still stores the valid ones', async () => {
    const { files } = sampleInstances({ seed: 'stow-corrupt', modality: 'CR' });
    const res = await stow(dicom.web, [Buffer.from('not a DICOM file'), files[0]!], { accept: 'application/dicom+json' });
    expect(res.status).toBe(409);
    const body = (await res.json()) as any;
    const failed = body['00081198'].Value[0];
    expect(value(failed, '00081197')).toBe(0xc000);
    expect(failed['00081155']).toEqual({ vr: 'UI' });
    expect(body['00081199'].Value).toHaveLength(1);
  });

  it('rejects instances of another study when posting to studies/{study}', async () => {
    const { files } = sampleInstances({ seed: 'stow-mismatch', modality: 'CR' });
    const res = await stow(dicom.web, files, { study: '1.2.3.4', accept: 'application/dicom+json' });
    expect(res.status).toBe(409);
    expect(value(((await res.json()) as any)['00081198'].Value[0], '00081197')).toBe(0xc409);
  });

  it('refuses unsupported content types, a missing boundary and an unacceptable Accept', async () => {
    const post = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${dicom.web}/studies`, { method: 'POST', headers, body: 'x' });
    expect((await envelope(await post({ 'content-type': 'application/json' }))).status).toBe(415);
    expectEnvelope(await envelope(await post({ 'content-type': 'multipart/related; type="application/dicom"' })), 400, 'INVALID_ARGUMENT');
    const res = await envelope(await post({ 'content-type': 'application/dicom', accept: 'text/html' }));
    expect(res.status).toBe(406);
  });
});
