import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, chainHash, GENESIS_HASH } from "./chain.js";

/** The obvious (slow) definition the fast one must match. */
function reference(value: unknown): string {
  if (value === undefined || value === null) return "null";
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  if (typeof value === "object")
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`)
      .join(",")}}`;
  return JSON.stringify(value);
}

describe("canonical JSON of audit events", () => {
  it("sorts keys at every depth, drops undefined members and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: null }], c: undefined } })).toBe(
      '{"a":{"d":[3,{"y":null,"z":1}]},"b":1}',
    );
    expect(canonicalJson(undefined)).toBe("null");
    expect(canonicalJson("é\n")).toBe('"é\\n"');
  });

  it("matches the reference definition for any JSON value, whatever the key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
        const reordered = JSON.parse(JSON.stringify(v), (_k, x) =>
          x && typeof x === "object" && !Array.isArray(x)
            ? Object.fromEntries(Object.entries(x).reverse())
            : x,
        );
        expect(canonicalJson(reordered)).toBe(canonicalJson(v));
      }),
      { numRuns: 300 },
    );
  });

  it("chains: the same event after a different predecessor hashes differently", () => {
    const event = {
      orgId: "o",
      seq: 1,
      at: "2026-11-28T00:00:00.000Z",
      actorType: "system",
      actorId: null,
      actorName: "test",
      action: "x.create",
      entityType: "x",
      entityId: null,
      relatedIds: [],
      before: null,
      after: { a: 1 },
      requestId: null,
      ip: null,
    };
    expect(chainHash(GENESIS_HASH, event)).toMatch(/^[0-9a-f]{64}$/);
    expect(chainHash(GENESIS_HASH, event)).not.toBe(chainHash("1".repeat(64), event));
  });
});
