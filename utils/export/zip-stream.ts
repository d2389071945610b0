import { Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';

/** Compressed bytes gathered before they go into a Blob, which the browser keeps outside the JS heap. */
const BLOB_PART_BYTES = 4 * 2 ** 20;
const GZIP_HEADER = 10;
const GZIP_TRAILER = 8;
const ENCODER = new TextEncoder();

/**
 * One zip entry deflated by the platform's zlib (CompressionStream) rather than in JavaScript: about five
 * times faster (docs/benchmarks.md). The entry needs the CRC-32 of its text, which the gzip format carries
 * in its trailer (RFC 1952: header, raw deflate data, CRC-32, size); so the text is gzipped, the 10-byte
 * header and the trailer are cut off, and the deflate data between them is the zip entry's data. fflate's
 * Zip writes the zip structure around it.
 */
class NativeDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata: AsyncFlateStreamHandler = () => {};
  private buffer = new Uint8Array(0);
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly pumped: Promise<void>;

  constructor(readonly filename: string) {
    const stream = new CompressionStream('gzip');
    this.writer = stream.writable.getWriter();
    this.pumped = this.pump(stream.readable.getReader());
    // Seen by close(); this only keeps an early failure from being reported as unhandled meanwhile.
    this.pumped.catch(() => undefined);
  }

  async write(bytes: Uint8Array<ArrayBuffer>) {
    this.size += bytes.length;
    await this.writer.write(bytes);
  }

  /**
   * Text, encoded into a buffer that is reused: a stream's write settles once its transform has taken the
   * chunk, and zlib has then copied what it needs. Encoding into place is several times faster than
   * TextEncoder.encode, which makes a new array each time.
   */
  async writeText(text: string) {
    if (this.buffer.length < text.length * 3) this.buffer = new Uint8Array(text.length * 3);
    const { written } = ENCODER.encodeInto(text, this.buffer);
    await this.write(this.buffer.subarray(0, written));
  }

  async close() {
    await this.writer.close();
    await this.pumped;
  }

  private async pump(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>) {
    try {
      await this.strip(reader);
    } catch (error) {
      // Errors the stream, so that a write waiting on it fails instead of waiting for ever.
      await reader.cancel(error);
      throw error;
    }
  }

  private async strip(reader: ReadableStreamDefaultReader<Uint8Array<ArrayBuffer>>) {
    // The header comes first; the last 8 bytes seen so far may be the trailer, so they are held back.
    let skip = GZIP_HEADER;
    let held = new Uint8Array(0);
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      let bytes = next.value;
      if (skip > 0) {
        // zlib writes a bare header (no name, comment or extra field): flags byte 0.
        if (skip === GZIP_HEADER && bytes.length > 3 && bytes[3] !== 0) throw new Error('unexpected gzip header');
        const cut = Math.min(skip, bytes.length);
        bytes = bytes.subarray(cut);
        skip -= cut;
      }
      if (bytes.length >= GZIP_TRAILER) {
        if (held.length > 0) this.ondata(null, held, false);
        if (bytes.length > GZIP_TRAILER) this.ondata(null, bytes.subarray(0, bytes.length - GZIP_TRAILER), false);
        held = bytes.slice(bytes.length - GZIP_TRAILER);
      } else {
        const joined = new Uint8Array(held.length + bytes.length);
        joined.set(held);
        joined.set(bytes, held.length);
        const keep = Math.max(0, joined.length - GZIP_TRAILER);
        if (keep > 0) this.ondata(null, joined.slice(0, keep), false);
        held = joined.slice(keep);
      }
    }
    const trailer = new DataView(held.buffer, held.byteOffset, held.byteLength);
    if (held.length !== GZIP_TRAILER || trailer.getUint32(4, true) !== this.size % 2 ** 32) throw new Error('unexpected gzip trailer');
    this.crc = trailer.getUint32(0, true);
    this.ondata(null, new Uint8Array(0), true);
  }
}

/** A zip file written entry by entry into Blob parts, so a large file never sits whole in the JS heap. */
export class ZipStream {
  private readonly parts: Blob[] = [];
  private chunks: Uint8Array[] = [];
  private size = 0;
  private failure: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure = error;
    else this.collect(chunk);
  });

  /** Starts an entry; close it before starting the next. */
  entry(path: string): { writeText(text: string): Promise<void>; close(): Promise<void> } {
    const entry = new NativeDeflateEntry(path);
    this.zip.add(entry);
    return entry;
  }

  async file(path: string, text: string) {
    const entry = this.entry(path);
    await entry.writeText(text);
    await entry.close();
  }

  finish(type: string): Blob {
    this.zip.end();
    if (this.failure) throw this.failure;
    this.seal();
    return new Blob(this.parts, { type });
  }

  private collect(chunk: Uint8Array) {
    this.chunks.push(chunk);
    this.size += chunk.length;
    if (this.size >= BLOB_PART_BYTES) this.seal();
  }

  private seal() {
    if (this.chunks.length > 0) this.parts.push(new Blob(this.chunks as Uint8Array<ArrayBuffer>[]));
    this.chunks = [];
    this.size = 0;
  }
}
