import crypto from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  createDecryptStream,
  createEncryptStream,
  encryptedSize,
  HEADER_BYTES,
  MAX_CHUNK_SIZE,
  StreamIntegrityError,
  TAG_BYTES,
} from "./stream.js";

const key = crypto.randomBytes(32);

/** Feeds `plain` in pieces of the given sizes (cycled) to show framing does not depend on them. */
function piecesOf(plain: Buffer, sizes: number[] = [plain.length || 1]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < plain.length; i++) {
    const n = Math.max(1, sizes[i % sizes.length]);
    out.push(plain.subarray(at, at + n));
    at += n;
  }
  return out;
}

async function collect(src: Readable, transform: NodeJS.ReadWriteStream) {
  const out: Buffer[] = [];
  await pipeline(src, transform, async (s) => {
    for await (const c of s) out.push(c as Buffer);
  });
  return Buffer.concat(out);
}

const encrypt = (plain: Buffer, chunkSize?: number, sizes?: number[], k = key) =>
  collect(Readable.from(piecesOf(plain, sizes)), createEncryptStream(k, { chunkSize }));
const decrypt = (sealed: Buffer, sizes?: number[], k = key) =>
  collect(Readable.from(piecesOf(sealed, sizes)), createDecryptStream(k));

/** Splits a sealed stream into its header and its sealed chunks. */
function split(sealed: Buffer, chunkSize: number) {
  const header = sealed.subarray(0, HEADER_BYTES);
  const chunks: Buffer[] = [];
  for (let at = HEADER_BYTES; at < sealed.length; at += chunkSize + TAG_BYTES) {
    chunks.push(sealed.subarray(at, at + chunkSize + TAG_BYTES));
  }
  return { header, chunks };
}

describe("OSE1 streaming encryption", () => {
  it.each([0, 1, 15, 16, 17, 48, 100])("round-trips %i bytes and matches encryptedSize", async (n) => {
    const plain = crypto.randomBytes(n);
    const sealed = await encrypt(plain, 16);
    expect(sealed.length).toBe(encryptedSize(n, 16));
    expect(sealed.subarray(0, 4).toString()).toBe("OSE1");
    expect(sealed.readUInt32BE(4)).toBe(16);
    expect((await decrypt(sealed)).equals(plain)).toBe(true);
  });

  it("round-trips whatever the input and output piece sizes (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 512 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { minLength: 1, maxLength: 5 }),
        async (bytes, chunkSize, inSizes, outSizes) => {
          const plain = Buffer.from(bytes);
          const sealed = await encrypt(plain, chunkSize, inSizes);
          expect(sealed.length).toBe(encryptedSize(plain.length, chunkSize));
          expect((await decrypt(sealed, outSizes)).equals(plain)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("uses 64 KiB chunks by default and a fresh nonce prefix per stream", async () => {
    const plain = crypto.randomBytes(3 * MAX_CHUNK_SIZE + 5);
    const a = await encrypt(plain, undefined, [10_000]);
    const b = await encrypt(plain);
    expect(a.readUInt32BE(4)).toBe(65_536);
    expect(a.length).toBe(encryptedSize(plain.length));
    expect(a.subarray(8, 16).equals(b.subarray(8, 16))).toBe(false);
    expect((await decrypt(a, [70_000])).equals(plain)).toBe(true);
  });

  it("refuses a wrong key and a flipped bit anywhere", async () => {
    const sealed = await encrypt(crypto.randomBytes(40), 16);
    await expect(decrypt(sealed, undefined, crypto.randomBytes(32))).rejects.toThrow(StreamIntegrityError);
    for (let i = 0; i < sealed.length; i++) {
      const bad = Buffer.from(sealed);
      bad[i] ^= 0x80;
      await expect(decrypt(bad)).rejects.toThrow(StreamIntegrityError);
    }
  });

  it("detects truncation: at a chunk boundary, inside a chunk, inside the header, or empty", async () => {
    const sealed = await encrypt(crypto.randomBytes(48), 16); // chunks 16, 16, 16(final)
    const { header, chunks } = split(sealed, 16);
    expect(chunks).toHaveLength(3);
    await expect(decrypt(Buffer.concat([header, chunks[0], chunks[1]]))).rejects.toThrow(/chunk 1/);
    await expect(decrypt(Buffer.concat([header, chunks[0]]))).rejects.toThrow(StreamIntegrityError);
    await expect(decrypt(sealed.subarray(0, sealed.length - 1))).rejects.toThrow(StreamIntegrityError);
    await expect(decrypt(header)).rejects.toThrow(/truncated/);
    await expect(decrypt(sealed.subarray(0, 10))).rejects.toThrow(/header/);
    await expect(decrypt(Buffer.alloc(0))).rejects.toThrow(StreamIntegrityError);
  });

  it("detects reordered and duplicated chunks", async () => {
    const sealed = await encrypt(crypto.randomBytes(40), 16);
    const { header, chunks } = split(sealed, 16);
    await expect(decrypt(Buffer.concat([header, chunks[1], chunks[0], chunks[2]]))).rejects.toThrow(
      /chunk 0/,
    );
    await expect(decrypt(Buffer.concat([header, chunks[0], chunks[0], chunks[2]]))).rejects.toThrow(
      /chunk 1/,
    );
    await expect(decrypt(Buffer.concat([sealed, chunks[2]]))).rejects.toThrow(StreamIntegrityError);
  });

  it("detects a chunk swapped in from another file under the same key", async () => {
    const a = split(await encrypt(crypto.randomBytes(48), 16), 16);
    const b = split(await encrypt(crypto.randomBytes(48), 16), 16);
    await expect(decrypt(Buffer.concat([a.header, a.chunks[0], b.chunks[1], a.chunks[2]]))).rejects.toThrow(
      /chunk 1/,
    );
    // Another file's header in front of this file's chunks fails too.
    await expect(decrypt(Buffer.concat([b.header, ...a.chunks]))).rejects.toThrow(/chunk 0/);
  });

  it("refuses a header with a tampered or absurd chunk size before buffering for it", async () => {
    const sealed = await encrypt(crypto.randomBytes(40), 16);
    const bad = Buffer.from(sealed);
    bad.writeUInt32BE(2 ** 30, 4);
    await expect(decrypt(bad)).rejects.toThrow(/chunk size/);
    const other = Buffer.from(sealed);
    other.writeUInt32BE(8, 4);
    await expect(decrypt(other)).rejects.toThrow(StreamIntegrityError);
    const magic = Buffer.from(sealed);
    magic[3] = 0x32; // "OSE2"
    await expect(decrypt(magic)).rejects.toThrow(/magic/);
  });

  it("emits only verified plaintext: nothing of a tampered chunk reaches the consumer", async () => {
    const plain = crypto.randomBytes(48);
    const sealed = await encrypt(plain, 16);
    const bad = Buffer.from(sealed);
    bad[HEADER_BYTES + 2 * (16 + TAG_BYTES) - 1] ^= 1; // last tag byte of chunk 1
    const received: Buffer[] = [];
    const dec = createDecryptStream(key);
    dec.on("data", (c: Buffer) => received.push(c));
    const done = new Promise((_, reject) => dec.on("error", reject));
    dec.end(bad);
    await expect(done).rejects.toThrow(/chunk 1/);
    expect(Buffer.concat(received).equals(plain.subarray(0, 16))).toBe(true);
  });

  it("streams: ciphertext flows before the input ends (no whole-file buffering)", async () => {
    const input = new PassThrough();
    const enc = createEncryptStream(key, { chunkSize: 1024 });
    input.pipe(enc);
    let received = 0;
    enc.on("data", (c: Buffer) => {
      received += c.length;
    });
    for (let i = 0; i < 10; i++) input.write(crypto.randomBytes(1024));
    await new Promise((r) => setImmediate(r));
    // 9 chunks are known non-final and sealed; the 10th waits to learn whether it is the last.
    expect(received).toBe(HEADER_BYTES + 9 * (1024 + TAG_BYTES));
    input.end();
    await new Promise((r) => enc.on("end", r));
    expect(received).toBe(encryptedSize(10 * 1024, 1024));
  });

  it("refuses bad parameters", () => {
    expect(() => createEncryptStream(crypto.randomBytes(16))).toThrow(TypeError);
    expect(() => createDecryptStream(crypto.randomBytes(33))).toThrow(TypeError);
    expect(() => createEncryptStream(key, { chunkSize: MAX_CHUNK_SIZE + 1 })).toThrow(RangeError);
    expect(() => createEncryptStream(key, { chunkSize: 0 })).toThrow(RangeError);
  });

  it("computes encryptedSize for the default chunk size", () => {
    expect(encryptedSize(0)).toBe(HEADER_BYTES + TAG_BYTES);
    expect(encryptedSize(65_536)).toBe(HEADER_BYTES + 65_536 + TAG_BYTES);
    expect(encryptedSize(65_537)).toBe(HEADER_BYTES + 65_537 + 2 * TAG_BYTES);
    expect(encryptedSize(50 * 2 ** 20)).toBe(HEADER_BYTES + 50 * 2 ** 20 + 800 * TAG_BYTES);
  });
});
