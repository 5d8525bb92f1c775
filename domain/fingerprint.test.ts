import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeFingerprint,
  deriveCopyId,
  encodeCopyId,
  encodeFingerprint,
  FRAME_BITS,
  FRAME_CAPACITY,
  fromZeroWidth,
  type HmacSha256,
  toZeroWidth,
} from "./fingerprint.js";
import { hmacSha256, sha256 } from "./fingerprint-hmac.js";
import { rsDecode, rsEncode } from "./fingerprint-rs.js";

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
const utf8 = (text: string) => new TextEncoder().encode(text);
/** Injected explicitly in tests, as the server will; the default is the same function. */
const hmac: HmacSha256 = hmacSha256;
const secret = utf8("test-secret-0123456789abcdef");
const SYNC_BITS = 32;

const arbPayload = fc.record({
  shareId: fc.uuid(),
  recipientId: fc.uuid(),
  issuedAt: fc.date({ min: new Date("2000-01-01"), max: new Date("2100-01-01"), noInvalidDate: true }),
});
const arbCopyId = fc.uint8Array({ minLength: 8, maxLength: 8 }).map(hex);
const arbJunk = (max: number) => fc.array(fc.constantFrom(0, 1), { maxLength: max });

/** Seeded bit source (xorshift32): the false-positive tests must be reproducible. */
function randomBits(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s & 1;
  };
}

const concat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

/** Flips the bits at `flips` and erases (sets to 2) those at `erasures`, on a copy. */
function damage(bits: Uint8Array, flips: readonly number[], erasures: readonly number[] = []): Uint8Array {
  const out = bits.slice();
  for (const i of flips) out[i] ^= 1;
  for (const i of erasures) out[i] = 2;
  return out;
}

/** F distinct flip positions and E distinct erasure positions in [from, to), with 2F + E ≤ budget. */
const arbDamage = (from: number, to: number, budget: number) =>
  fc.integer({ min: 0, max: budget / 2 }).chain((f) =>
    fc
      .uniqueArray(fc.integer({ min: from, max: to - 1 }), {
        minLength: budget - 2 * f,
        maxLength: budget - 2 * f,
      })
      .chain((erasures) =>
        fc
          .uniqueArray(fc.integer({ min: from, max: to - 1 }), { minLength: f, maxLength: f })
          .map((flips) => ({ flips, erasures: erasures.filter((i) => !flips.includes(i)) })),
      ),
  );

describe("HMAC-SHA256", () => {
  it("matches FIPS 180-4 and RFC 4231 test vectors", () => {
    expect(hex(sha256(utf8("")))).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(hex(sha256(utf8("abc")))).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(hex(sha256(utf8("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")))).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    // RFC 4231 cases 2 and 6 (the latter has a 131-byte key, so it is hashed first).
    expect(hex(hmacSha256(utf8("Jefe"), utf8("what do ya want for nothing?")))).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(
      hex(
        hmacSha256(
          new Uint8Array(131).fill(0xaa),
          utf8("Test Using Larger Than Block-Size Key - Hash Key First"),
        ),
      ),
    ).toBe("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  });
});

describe("Reed–Solomon(26,10)", () => {
  it("corrects any e errors and s erasures with 2e + s ≤ 16", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 10, maxLength: 10 }),
        fc.integer({ min: 0, max: 8 }),
        fc.infiniteStream(fc.integer({ min: 1, max: 255 })),
        fc.shuffledSubarray([...Array(26).keys()], { minLength: 16, maxLength: 16 }),
        (message, errors, noise, positions) => {
          const word = rsEncode(message, 16);
          const erased = positions.slice(errors, 16 - errors);
          for (const i of positions.slice(0, errors)) word[i] ^= noise.next().value;
          for (const i of erased) word[i] = 0x55;
          expect(rsDecode(word, 16, erased)).toEqual(message);
        },
      ),
    );
  });
});

describe("deriveCopyId", () => {
  const base = {
    shareId: "0b4a8c1e-2f3d-4e5f-8a9b-0c1d2e3f4a5b",
    recipientId: "1c5b9d2f-3a4e-4f60-9bac-1d2e3f4a5b6c",
    issuedAt: new Date("2026-11-28T10:00:00Z"),
  };

  it("is a deterministic 64-bit hex id that changes with share, recipient, time and secret", () => {
    const id = deriveCopyId(base, secret, hmac);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(deriveCopyId({ ...base }, secret)).toBe(id);
    expect(deriveCopyId({ ...base, recipientId: base.shareId }, secret, hmac)).not.toBe(id);
    expect(deriveCopyId({ ...base, shareId: base.recipientId }, secret, hmac)).not.toBe(id);
    expect(deriveCopyId({ ...base, issuedAt: new Date(base.issuedAt.getTime() + 1) }, secret, hmac)).not.toBe(
      id,
    );
    expect(deriveCopyId(base, new Uint8Array(32), hmac)).not.toBe(id);
    expect(deriveCopyId({ ...base, shareId: base.shareId.toUpperCase() }, secret, hmac)).toBe(id);
  });

  it("does not embed the ids in clear", () => {
    const { bits } = encodeFingerprint(base, secret, hmac);
    const text = Array.from(bits).join("");
    for (const uuid of [base.shareId, base.recipientId]) {
      const head = Number.parseInt(uuid.slice(0, 8), 16).toString(2).padStart(32, "0");
      expect(text).not.toContain(head);
    }
  });

  it("rejects malformed ids and invalid dates", () => {
    expect(() => deriveCopyId({ ...base, shareId: "nope" }, secret, hmac)).toThrow(RangeError);
    expect(() => deriveCopyId({ ...base, issuedAt: new Date(Number.NaN) }, secret, hmac)).toThrow(RangeError);
    expect(() => encodeCopyId("xyz")).toThrow(RangeError);
  });
});

describe("encodeFingerprint / decodeFingerprint", () => {
  it(`produces ${FRAME_BITS}-bit frames of 0/1 that round-trip for random payloads`, () => {
    fc.assert(
      fc.property(arbPayload, (payload) => {
        const { copyId, bits } = encodeFingerprint(payload, secret, hmac);
        expect(bits).toHaveLength(FRAME_BITS);
        expect(bits.every((b) => b === 0 || b === 1)).toBe(true);
        expect(decodeFingerprint(bits)).toEqual({ copyId });
      }),
    );
  });

  it(`survives any 2·flips + erasures ≤ ${FRAME_CAPACITY} anywhere in the frame, sync included, inside junk`, () => {
    fc.assert(
      fc.property(
        arbCopyId,
        arbDamage(0, FRAME_BITS, FRAME_CAPACITY),
        arbJunk(300),
        arbJunk(300),
        (copyId, { flips, erasures }, before, after) => {
          const frame = damage(encodeCopyId(copyId), flips, erasures);
          expect(decodeFingerprint(concat(before, frame, after))).toEqual({ copyId });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives any 8 flipped bits (the pure bit-flip capacity)", () => {
    fc.assert(
      fc.property(
        arbCopyId,
        fc.uniqueArray(fc.integer({ min: 0, max: FRAME_BITS - 1 }), { minLength: 8, maxLength: 8 }),
        (copyId, flips) => {
          expect(decodeFingerprint(damage(encodeCopyId(copyId), flips))).toEqual({ copyId });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives a burst of up to 57 flipped bits after the sync word", () => {
    fc.assert(
      fc.property(
        arbCopyId,
        fc.integer({ min: 1, max: 57 }),
        fc.nat(FRAME_BITS - SYNC_BITS - 57),
        (copyId, length, start) => {
          const flips = Array.from({ length }, (_, i) => SYNC_BITS + start + i);
          expect(decodeFingerprint(damage(encodeCopyId(copyId), flips))).toEqual({ copyId });
        },
      ),
    );
  });

  it("finds nothing in 10,000 random bitstreams (false positives)", () => {
    const next = randomBits(20261128);
    let found = 0;
    for (let n = 0; n < 10_000; n++) {
      const stream = Uint8Array.from({ length: 2 * FRAME_BITS }, next);
      if (decodeFingerprint(stream) !== null) found++;
    }
    expect(found).toBe(0);
  });

  it("finds nothing in random streams with unknown bits, constant streams or streams too short", () => {
    const next = randomBits(7);
    for (let n = 0; n < 2_000; n++) {
      const stream = Uint8Array.from({ length: 2 * FRAME_BITS }, () => (next() && next() ? 2 : next()));
      expect(decodeFingerprint(stream)).toBeNull();
    }
    expect(decodeFingerprint(new Uint8Array(1000))).toBeNull();
    expect(decodeFingerprint(new Uint8Array(1000).fill(1))).toBeNull();
    expect(decodeFingerprint(new Uint8Array(1000).fill(2))).toBeNull();
    expect(decodeFingerprint(encodeCopyId("0123456789abcdef").slice(0, FRAME_BITS - 1))).toBeNull();
  });

  it("never reports a different copy id for a frame damaged far beyond capacity", () => {
    fc.assert(
      fc.property(
        arbCopyId,
        fc.uniqueArray(fc.integer({ min: SYNC_BITS, max: FRAME_BITS - 1 }), { minLength: 20, maxLength: 60 }),
        (copyId, flips) => {
          const result = decodeFingerprint(damage(encodeCopyId(copyId), flips));
          expect(result === null || result.copyId === copyId).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("repeated frames in a longer stream", () => {
  it("decodes copies separated by junk", () => {
    fc.assert(
      fc.property(arbCopyId, fc.array(arbJunk(200), { minLength: 3, maxLength: 6 }), (copyId, junks) => {
        const frame = encodeCopyId(copyId);
        const stream = concat(...junks.flatMap((junk) => [junk, frame]));
        expect(decodeFingerprint(stream)).toEqual({ copyId });
      }),
    );
  });

  it("recovers by majority when every copy is damaged beyond its own capacity", () => {
    const arbHeavy = fc.uniqueArray(fc.integer({ min: SYNC_BITS, max: FRAME_BITS - 1 }), {
      minLength: 12,
      maxLength: 12,
    });
    fc.assert(
      fc.property(
        arbCopyId,
        fc.array(fc.tuple(arbJunk(150), arbHeavy), { minLength: 3, maxLength: 5 }),
        (copyId, parts) => {
          const frame = encodeCopyId(copyId);
          const stream = concat(...parts.flatMap(([junk, flips]) => [junk, damage(frame, flips)]));
          expect(decodeFingerprint(stream)).toEqual({ copyId });
        },
      ),
      { numRuns: 200 },
    );
  });

  it("lets the copy id found most often win over a stray frame", () => {
    fc.assert(
      fc.property(arbCopyId, arbCopyId, arbJunk(100), (copyId, other, junk) => {
        const stream = concat(encodeCopyId(other), junk, encodeCopyId(copyId), junk, encodeCopyId(copyId));
        expect(decodeFingerprint(stream)).toEqual({ copyId });
      }),
    );
  });
});

describe("zero-width text carrier", () => {
  it("round-trips bits through U+200B/U+200C between U+2060 separators", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(0, 1), { maxLength: 500 }), (bits) => {
        const text = toZeroWidth(bits);
        expect(text.startsWith("\u2060") && text.endsWith("\u2060")).toBe(true);
        expect([...text.slice(1, -1)].every((c) => c === "\u200b" || c === "\u200c")).toBe(true);
        expect(Array.from(fromZeroWidth(text))).toEqual(bits);
      }),
    );
  });

  it("refuses unknown bits", () => {
    expect(() => toZeroWidth([0, 2, 1])).toThrow(RangeError);
  });

  it("decodes a fingerprint spread through visible text, even with one copy partly deleted", () => {
    fc.assert(
      fc.property(
        arbPayload,
        fc.string({ maxLength: 40 }),
        fc.nat(FRAME_BITS - 1),
        (payload, visible, cut) => {
          const { copyId, bits } = encodeFingerprint(payload, secret, hmac);
          const zw = toZeroWidth(bits);
          const broken = zw.slice(0, cut) + zw.slice(cut + 20);
          const text = `Page 1 ${visible}${broken} body ${zw} text ${visible}${zw.slice(0, 100)}${visible}${zw}`;
          expect(decodeFingerprint(fromZeroWidth(text))).toEqual({ copyId });
        },
      ),
    );
  });
});
