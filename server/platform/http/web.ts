import fs from "node:fs";
import path from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const NOT_BUILT =
  "Outsight API is running. The web app is not built yet: run `npm run build` (npm start does it).";

/** The file under `dist` that a URL path names, if it exists (never a path outside `dist`). */
async function builtFile(dist: string, urlPath: string): Promise<string | null> {
  let rel: string;
  try {
    rel = path.posix.normalize(decodeURIComponent(urlPath)).replace(/^\/+/, "");
  } catch {
    return null;
  }
  if (!rel || rel.startsWith("..") || rel.includes("\0")) return null;
  const stat = await fs.promises.stat(path.join(dist, rel)).catch(() => null);
  return stat?.isFile() ? rel : null;
}

/**
 * Serves the built single-page app. Files are looked up on each request, so a rebuild takes
 * effect without a restart; any other non-API path gets index.html so client-side routes survive a
 * reload. Hashed assets are cached for a year, index.html never.
 */
export async function serveWeb(app: FastifyInstance, dist: string): Promise<void> {
  await app.register(fastifyStatic, { root: dist, serve: false });
  app.get("/*", { schema: { hide: true } }, async (req, reply) => {
    const urlPath = req.url.split("?")[0];
    if (urlPath.startsWith("/api/") || urlPath === "/metrics") return reply.callNotFound();
    const file = await builtFile(dist, urlPath);
    if (file) {
      const immutable = file.startsWith("assets/");
      return reply.sendFile(file, { maxAge: immutable ? "365d" : 0, immutable, cacheControl: true });
    }
    const index = await fs.promises.readFile(path.join(dist, "index.html"), "utf8").catch(() => null);
    if (index === null) return reply.type("text/plain").send(NOT_BUILT);
    return reply.header("cache-control", "no-cache").type("text/html").send(index);
  });
}
