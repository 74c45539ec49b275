/**
 * Where a FHIR store keeps its resource texts: UTF-8 bytes appended to large buffers outside the
 * JavaScript heap. A million stored versions are then a few hundred buffers, not a million
 * strings that every young-generation collection copies once more and every full one moves, and
 * a version costs its record two numbers (where its bytes start, how many) beside the buffer.
 *
 * Bytes are never moved or reused: a buffer is freed once no record refers to it any more (the
 * store deleted, or every version in it purged), so the arena holds every version kept, as the
 * history does.
 */

// Bytes per buffer: large enough that buffers are few, small enough that a freed store's last
// buffer is not much memory.
const CHUNK_BYTES = 4 << 20;

export class TextArena {
  /** The buffer the last appended text is in. */
  chunk = Buffer.allocUnsafeSlow(0);
  private used = 0;

  /**
   * Appends `text` (`size` = its UTF-8 byte length) and answers its offset in `chunk` (read
   * `chunk` right after: the next append may start a new buffer).
   */
  append(text: string, size: number): number {
    if (this.used + size > this.chunk.length) {
      this.chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, size));
      this.used = 0;
    }
    const offset = this.used;
    this.used += this.chunk.write(text, offset, size, 'utf8');
    return offset;
  }
}

/** The text of `size` bytes at `offset` of `chunk`. */
export function textAt(chunk: Buffer, offset: number, size: number): string {
  return chunk.toString('utf8', offset, offset + size);
}
