import { describe, expect, it } from '@jest/globals';
import { Disposers } from '../../src/disposers.js';

describe('Disposers', () => {
  it('releases newest first, each after the one before has finished', async () => {
    const log: string[] = [];
    const disposers = new Disposers();
    for (const name of ['emulator', 'demo load', 'graph']) {
      disposers.push(async () => {
        log.push(`${name} stopping`);
        await Promise.resolve();
        log.push(`${name} stopped`);
      });
    }
    await disposers.dispose();
    expect(log).toEqual(['graph stopping', 'graph stopped', 'demo load stopping', 'demo load stopped', 'emulator stopping', 'emulator stopped']);
  });

  it('releases the rest when one fails, then throws its error', async () => {
    const log: string[] = [];
    const disposers = new Disposers();
    const failure = new Error('cache would not close');
    disposers.push(async () => { log.push('emulator'); });
    disposers.push(async () => { throw failure; });
    disposers.push(async () => { log.push('graph'); });
    await expect(disposers.dispose()).rejects.toBe(failure);
    expect(log).toEqual(['graph', 'emulator']);
  });

  it('throws an AggregateError when several fail', async () => {
    const disposers = new Disposers();
    disposers.push(async () => { throw new Error('first'); });
    disposers.push(async () => { throw new Error('second'); });
    const error = await disposers.dispose().catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((each: Error) => each.message)).toEqual(['second', 'first']);
  });

  it('releases once however often it is asked, and refuses resources registered after', async () => {
    let closed = 0;
    const disposers = new Disposers();
    disposers.push(async () => { closed += 1; });
    const [first, second] = [disposers.dispose(), disposers.dispose()];
    expect(second).toBe(first);
    await first;
    await disposers.dispose();
    expect(closed).toBe(1);
    expect(() => disposers.push(async () => {})).toThrow('Disposers.push after dispose(): the resource would never be released');
  });
});
