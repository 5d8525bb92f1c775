import fs from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { API_TYPES_FILE, apiTypesSource, openApiDocument } from "../scripts/gen-api-types.js";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and documents every API route with its responses", async () => {
    const doc = (await openApiDocument()) as {
      openapi: string;
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/partners",
        "/api/v1/partners/{id}/sites",
        "/api/v1/audit-events",
        "/api/v1/api-tokens",
      ]),
    );
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        if (path === "/api/v1/partners/export.csv") continue;
        expect(Object.keys(op.responses ?? {}), `${method.toUpperCase()} ${path}`).not.toHaveLength(0);
      }
    }
  });

  it("matches the committed web client types (run `npm run api:types` after changing the API)", async () => {
    expect(await fs.readFile(API_TYPES_FILE, "utf8")).toBe(await apiTypesSource());
  }, 30_000);
});
