/**
 * Where a descent keeps its per-particle arrays. A run on one thread keeps them in ordinary memory; a run
 * split over threads keeps them in SharedArrayBuffers, made once by the thread that builds the run and named
 * by key, so that each thread's Descent finds the same arrays under the same names and steps its own block.
 */

/** A source of named typed arrays. `fresh`: the arrays are new, so their owner writes their first values. */
export interface ArrayMemory {
  readonly fresh: boolean;
  float64(key: string, length: number): Float64Array;
  uint8(key: string, length: number): Uint8Array<ArrayBuffer>;
  uint32(key: string, length: number): Uint32Array<ArrayBuffer>;
}

/** Ordinary arrays, a new one at each request: the single-threaded run, as it always was. */
export const localMemory: ArrayMemory = {
  fresh: true,
  float64: (_key, length) => new Float64Array(length),
  uint8: (_key, length) => new Uint8Array(length),
  uint32: (_key, length) => new Uint32Array(length),
};

/** The shared buffers of one run, by key: what is handed to each thread. */
export type SharedBuffers = Record<string, SharedArrayBuffer>;

type Typed = { BYTES_PER_ELEMENT: number };

/**
 * Shared arrays. The `Uint8Array<ArrayBuffer>` types are a cast: a view of a SharedArrayBuffer reads and
 * writes the same way, and nothing that holds a shared run's arrays transfers them (a copy made with slice()
 * is an ordinary array again).
 */
abstract class SharedArrays implements ArrayMemory {
  abstract readonly fresh: boolean;
  protected abstract buffer(key: string, bytes: number): SharedArrayBuffer;
  float64(key: string, length: number): Float64Array {
    return new Float64Array(this.buffer(key, length * Float64Array.BYTES_PER_ELEMENT));
  }
  uint8(key: string, length: number): Uint8Array<ArrayBuffer> {
    return new Uint8Array(this.buffer(key, length)) as unknown as Uint8Array<ArrayBuffer>;
  }
  uint32(key: string, length: number): Uint32Array<ArrayBuffer> {
    return new Uint32Array(this.buffer(key, length * (Uint32Array as Typed).BYTES_PER_ELEMENT)) as unknown as Uint32Array<ArrayBuffer>;
  }
}

/** Makes a new zeroed shared buffer at each request (a key asked again is replaced), and keeps them all by key. */
export class SharedMemory extends SharedArrays {
  readonly fresh = true;
  readonly buffers: SharedBuffers = {};
  protected buffer(key: string, bytes: number): SharedArrayBuffer {
    return (this.buffers[key] = new SharedArrayBuffer(bytes));
  }
}

/** The buffers another thread made: each key must be there, at the size asked for (else the two builds differ). */
export class AttachedMemory extends SharedArrays {
  readonly fresh = false;
  constructor(private readonly buffers: SharedBuffers) {
    super();
  }
  protected buffer(key: string, bytes: number): SharedArrayBuffer {
    const buffer = this.buffers[key];
    if (!buffer) throw new Error(`shared memory: no array "${key}" was made for this run`);
    if (buffer.byteLength !== bytes) throw new Error(`shared memory: "${key}" has ${buffer.byteLength} bytes, this thread asked for ${bytes}`);
    return buffer;
  }
}
