import { describe, expect, it } from "vitest";
import { problem, useTestApp } from "../../test/harness.js";

const env = useTestApp();

describe("system endpoints", () => {
  it("answers /healthz and /readyz (database reachable and migrated)", async () => {
    expect((await env.app.inject({ url: "/healthz" })).json()).toEqual({ status: "ok" });
    const ready = await env.app.inject({ url: "/readyz" });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ok", checks: { database: true, migrated: true } });
  });

  it("reports not ready when the migrations table is behind", async () => {
    const { pool } = env.ctx.database;
    const { rows } = await pool.query("SELECT id FROM drizzle.__drizzle_migrations ORDER BY id DESC LIMIT 1");
    const saved = await pool.query("DELETE FROM drizzle.__drizzle_migrations WHERE id = $1 RETURNING *", [
      rows[0].id,
    ]);
    try {
      const res = await env.app.inject({ url: "/readyz" });
      expect(res.statusCode).toBe(503);
      expect(res.json().checks).toEqual({ database: true, migrated: false });
    } finally {
      const r = saved.rows[0];
      await pool.query(
        "INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES ($1, $2, $3)",
        [r.id, r.hash, r.created_at],
      );
    }
  });

  it("exposes Prometheus metrics with per-route request timings", async () => {
    await env.app.inject({ url: "/healthz" });
    const res = await env.app.inject({ url: "/metrics" });
    expect(res.headers["content-type"]).toContain("text/plain");
    expect(res.body).toContain("outsight_process_resident_memory_bytes");
    expect(res.body).toMatch(
      /outsight_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} \d+/,
    );
  });

  it("serves the OpenAPI document and its browsable docs", async () => {
    const doc = await env.app.inject({ url: "/api/openapi.json" });
    expect(doc.json().openapi).toBe("3.1.0");
    expect(doc.json().info.title).toBe("Outsight API");
    const ui = await env.app.inject({ url: "/api/docs/" });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain("swagger");
  });

  it("answers unknown routes and malformed bodies with problem+json and a request id", async () => {
    const missing = await env.app.inject({ url: "/api/v1/nothing-here" });
    expect(problem(missing, 404, "not_found").detail).toContain("/api/v1/nothing-here");
    expect(missing.headers["x-request-id"]).toBeTruthy();
    const broken = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    problem(broken, 400, "validation_failed");
    const wrongType = await env.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/xml" },
      payload: "<a/>",
    });
    problem(wrongType, 415, "unsupported_media_type");
  });
});
