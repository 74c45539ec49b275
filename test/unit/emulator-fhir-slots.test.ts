/** The compact id sets of the FHIR search indexes (`src/emulator/fhir/slots.ts`). */

import { describe, expect, it } from '@jest/globals';
import { addIds, idSet, PostingList, withoutSlot, withSlot, type Slots, type SlotSpace } from '../../src/emulator/fhir/slots.js';

/** Slot n belongs to `r{n}` while `live` holds it. */
function space(live: Iterable<number>): SlotSpace {
  const current = new Set(live);
  return {
    slotOf: (id) => (current.has(Number(id.slice(1))) ? Number(id.slice(1)) : undefined),
    idAt: (slot) => (current.has(slot) ? `r${slot}` : undefined),
  };
}

describe('PostingList', () => {
  it('keeps slots ascending, once each, whatever order they come in', () => {
    const list = new PostingList(5, 2);
    for (const slot of [9, 9, 7, 1, 12, 3, 40]) list.add(slot);
    expect([...list]).toEqual([1, 2, 3, 5, 7, 9, 12, 40]);
    expect(list.size).toBe(8);
    expect(list.has(7)).toBe(true);
    expect(list.has(8)).toBe(false);
  });

  it('removes slots, ignores a second removal and slots it never held, and compacts', () => {
    const list = new PostingList(0, 1);
    for (let slot = 2; slot < 100; slot++) list.add(slot);
    for (let slot = 0; slot < 100; slot += 2) list.delete(slot);
    list.delete(0);
    list.delete(1000);
    expect(list.size).toBe(50);
    for (let slot = 1; slot < 90; slot += 2) list.delete(slot);
    expect([...list]).toEqual([91, 93, 95, 97, 99]);
    expect(list.has(91)).toBe(true);
    expect(list.has(89)).toBe(false);
    list.add(120);
    expect([...list]).toEqual([91, 93, 95, 97, 99, 120]);
  });
});

describe('Slots values', () => {
  it('grow from one slot to a list and shrink back to nothing', () => {
    let slots: Slots | undefined = withSlot(undefined, 3);
    expect(slots).toBe(3);
    expect(withSlot(slots, 3)).toBe(3);
    slots = withSlot(slots, 8);
    expect(slots).toBeInstanceOf(PostingList);
    slots = withoutSlot(slots, 3);
    slots = slots === undefined ? undefined : withoutSlot(slots, 8);
    expect(slots).toBeUndefined();
    expect(withoutSlot(4, 5)).toBe(4);
    expect(withoutSlot(4, 4)).toBeUndefined();
  });

  it('read as sets of the ids of current versions', () => {
    const live = space([1, 4, 6]);
    let slots: Slots = withSlot(undefined, 1);
    slots = withSlot(withSlot(slots, 4), 6);
    const ids = idSet(slots, live);
    expect(ids.size).toBe(3);
    expect([...ids]).toEqual(['r1', 'r4', 'r6']);
    expect(ids.has('r4')).toBe(true);
    expect(ids.has('r5')).toBe(false);
    expect(ids.has('x')).toBe(false);
    expect([...ids.entries()][0]).toEqual(['r1', 'r1']);
    const seen: string[] = [];
    ids.forEach((id) => seen.push(id));
    expect(seen).toEqual(['r1', 'r4', 'r6']);
    expect([...idSet(4, live)]).toEqual(['r4']);
    expect(idSet(5, live).size).toBe(0);
    expect(idSet(undefined, live).size).toBe(0);
    expect([...addIds(new Set(['r0']), slots, live)]).toEqual(['r0', 'r1', 'r4', 'r6']);
  });
});
