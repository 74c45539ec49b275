/**
 * Specific Character Set decoding in the emulator (PS3.5 6.1): the ISO 2022 code extensions dcmjs
 * refuses, checked against pydicom's decoding of its own character-set test files (the bytes below
 * are those files' PatientName values), and the proxy-free pieces: which terms need it, and the
 * in-place decoding of what dcmjs read as single bytes.
 */
import { describe, expect, it } from '@jest/globals';
import { needsOwnDecoding, textDecoding } from '../../src/emulator/dicom/charsets.js';
import { decodeTextElements, ownCharacterSet, withSingleByteCharacterSet } from '../../src/emulator/dicom/character-set-dataset.js';

const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
/** How dcmjs hands over text it read as `ISO_IR 100` (the WHATWG latin1 decoder, i.e. windows-1252). */
const asDcmjsReadsIt = (bytes: Uint8Array) => new TextDecoder('latin1').decode(bytes);

const JAPANESE_H32 = hex('d4cfc0de5ec0dbb33d1b24423b3345441b284a5e1b244242404f3a1b284a3d1b24422464245e24401b284a5e1b2442243f246d24261b284a');
const JAPANESE_H31 = hex('59616d6164615e5461726f753d1b24423b3345441b28425e1b244242404f3a1b28423d1b24422464245e24401b28425e1b2442243f246d24261b2842');
const KOREAN_I2 = hex('486f6e675e47696c646f6e673d1b242943fbf35e1b242943d1ced4d73d1b242943c8ab5e1b242943b1e6b5bf');

describe('Specific Character Set decoding', () => {
  it('decodes Japanese with JIS X 0201 katakana and JIS X 0208 kanji and kana (ISO 2022 IR 13\\ISO 2022 IR 87), as pydicom does', () => {
    expect(textDecoding(['ISO 2022 IR 13', 'ISO 2022 IR 87'])(JAPANESE_H32)).toBe('ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう');
  });

  it('decodes Japanese over the default repertoire (\\ISO 2022 IR 87)', () => {
    expect(textDecoding(['', 'ISO 2022 IR 87'])(JAPANESE_H31)).toBe('Yamada^Tarou=山田^太郎=やまだ^たろう');
  });

  it('decodes Korean KS X 1001 in G1 (\\ISO 2022 IR 149)', () => {
    expect(textDecoding(['', 'ISO 2022 IR 149'])(KOREAN_I2)).toBe('Hong^Gildong=洪^吉洞=홍^길동');
  });

  it('decodes JIS X 0212 (ISO 2022 IR 159) through its EUC-JP form', () => {
    // ESC $ ( D, then 0x3021 (丂 in JIS X 0212), back to ASCII.
    expect(textDecoding(['', 'ISO 2022 IR 159'])(Uint8Array.from([0x41, 0x1b, 0x24, 0x28, 0x44, 0x30, 0x21, 0x1b, 0x28, 0x42, 0x42]))).toBe('A丂B');
  });

  it('decodes single character sets with iconv-lite, and leaves the rest to dcmjs', () => {
    expect(textDecoding(['ISO_IR 144'])(Uint8Array.from([0xbb, 0xee]))).toBe('Лю');
    expect(needsOwnDecoding(['ISO_IR 100'])).toBe(false);
    expect(needsOwnDecoding(['ISO 2022 IR 100'])).toBe(true);
    expect(needsOwnDecoding(['', 'ISO 2022 IR 87'])).toBe(true);
  });

  it('refuses a term it does not know', () => {
    expect(() => textDecoding(['', 'ISO 2022 IR 999'])).toThrow('Unsupported character set: ISO 2022 IR 999');
  });

  it('decodes, in place, a person name dcmjs read as single bytes, into its three component groups', () => {
    const dataset = { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'x' }], _rawValue: asDcmjsReadsIt(JAPANESE_H32) }, '00081030': { vr: 'LO', Value: ['a', 'b'], _rawValue: ['a', 'b'] } };
    decodeTextElements(dataset as never, ['ISO 2022 IR 13', 'ISO 2022 IR 87']);
    expect(dataset['00100010'].Value).toEqual([{ Alphabetic: 'ﾔﾏﾀﾞ^ﾀﾛｳ', Ideographic: '山田^太郎', Phonetic: 'やまだ^たろう' }]);
    expect(dataset['00081030'].Value).toEqual(['a', 'b']);
  });

  it('finds the Specific Character Set of a Part 10 file and rewrites it for dcmjs without moving a byte', () => {
    const value = 'ISO 2022 IR 13\\ISO 2022 IR 87';
    const meta = Buffer.concat([Buffer.from([0x02, 0x00, 0x10, 0x00]), Buffer.from('UI'), Buffer.from([20, 0]), Buffer.from('1.2.840.10008.1.2.1\0')]);
    const charset = Buffer.concat([Buffer.from([0x08, 0x00, 0x05, 0x00]), Buffer.from('CS'), Buffer.from([value.length, 0]), Buffer.from(value)]);
    const file = Uint8Array.from(Buffer.concat([Buffer.alloc(128), Buffer.from('DICM'), meta, charset]));
    const found = ownCharacterSet(file);
    expect(found).toEqual({ terms: ['ISO 2022 IR 13', 'ISO 2022 IR 87'], valueOffset: 132 + meta.length + 8, valueLength: value.length });
    const rewritten = withSingleByteCharacterSet(file, found!);
    expect(rewritten.length).toBe(file.length);
    expect(Buffer.from(rewritten.subarray(found!.valueOffset)).toString().trimEnd()).toBe('ISO_IR 100');
  });
});
