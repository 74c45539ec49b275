import { describe, expect, it, jest } from '@jest/globals';
import { StoreListCache } from '../../src/loaders/store-list-cache.js';

const lister = (names: string[]) => jest.fn(async () => names);

describe('StoreListCache', () => {
  it('lists once per identity and key while the entry lives', async () => {
    const cache = new StoreListCache(60_000);
    const list = lister(['a']);
    expect(await cache.get('server', 'dicomStores|d', list)).toEqual(['a']);
    expect(await cache.get('server', 'dicomStores|d', list)).toEqual(['a']);
    expect(list).toHaveBeenCalledTimes(1);
    await cache.get('server', 'fhirStores|d', list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('never answers one caller with another caller\'s list', async () => {
    const cache = new StoreListCache(60_000);
    await cache.get('alice', 'dicomStores|d', lister(['a', 'secret']));
    expect(await cache.get('bob', 'dicomStores|d', lister(['a']))).toEqual(['a']);
  });

  it('lists again once the entry has expired', async () => {
    jest.useFakeTimers({ now: 0 });
    try {
      const cache = new StoreListCache(1000);
      const list = lister(['a']);
      await cache.get('server', 'k', list);
      jest.setSystemTime(999);
      await cache.get('server', 'k', list);
      jest.setSystemTime(1000);
      await cache.get('server', 'k', list);
      expect(list).toHaveBeenCalledTimes(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('does not keep a failed list', async () => {
    const cache = new StoreListCache(60_000);
    await expect(cache.get('server', 'k', () => Promise.reject(new Error('503')))).rejects.toThrow('503');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await cache.get('server', 'k', lister(['a']))).toEqual(['a']);
  });

  it('with a TTL of 0 lists every time', async () => {
    const cache = new StoreListCache(0);
    const list = lister(['a']);
    await cache.get('server', 'k', list);
    await cache.get('server', 'k', list);
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('drops the oldest entry beyond its size', async () => {
    const cache = new StoreListCache(60_000, 2);
    const first = lister(['1']);
    await cache.get('server', 'one', first);
    await cache.get('server', 'two', lister(['2']));
    await cache.get('server', 'three', lister(['3']));
    await cache.get('server', 'one', first);
    expect(first).toHaveBeenCalledTimes(2);
  });
});
