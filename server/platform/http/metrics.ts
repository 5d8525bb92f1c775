import type { FastifyInstance } from "fastify";
import client from "prom-client";

/**
 * Prometheus metrics at `/metrics`: process defaults plus request counts and durations by route
 * pattern (not raw URL, so ids do not explode the label space). Each app gets its own registry so
 * tests can build several apps in one process.
 */
export function installMetrics(app: FastifyInstance): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: "outsight_" });
  const duration = new client.Histogram({
    name: "outsight_http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook("onResponse", async (req, reply) => {
    const route = req.routeOptions.url ?? "unmatched";
    duration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/metrics", { schema: { hide: true } }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
