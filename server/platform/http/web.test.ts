import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { problem, useTestApp } from "../../test/harness.js";

const dist = fs.mkdtempSync(path.join(os.tmpdir(), "outsight-web-"));
fs.mkdirSync(path.join(dist, "assets"));
fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html><title>Outsight</title>");
fs.writeFileSync(path.join(dist, "assets", "app-abc123.js"), "console.log('app')");

const env = useTestApp({ OUTSIGHT_WEB_DIST: dist });

describe("serving the web app", () => {
  it("serves index.html for the root and for client-side routes, never cached", async () => {
    for (const url of ["/", "/partners", "/partners/3f1c/sites?tab=1"]) {
      const res = await env.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/html");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.body).toContain("<title>Outsight</title>");
    }
  });

  it("serves hashed assets with a long immutable cache, including ones built after start", async () => {
    const res = await env.app.inject({ url: "/assets/app-abc123.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("javascript");
    expect(res.headers["cache-control"]).toContain("immutable");
    fs.writeFileSync(path.join(dist, "assets", "late-def456.js"), "console.log('rebuilt')");
    expect((await env.app.inject({ url: "/assets/late-def456.js" })).body).toContain("rebuilt");
  });

  it("never serves files outside the build, and leaves API paths to the API", async () => {
    const traversal = await env.app.inject({ url: "/assets/..%2f..%2f..%2fetc%2fpasswd" });
    expect(traversal.body).not.toContain("root:");
    problem(await env.app.inject({ url: "/api/v1/not-a-route" }), 404, "not_found");
  });
});
