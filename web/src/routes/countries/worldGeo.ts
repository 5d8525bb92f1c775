import * as echarts from "echarts/core";
import type { FeatureCollection, Geometry } from "geojson";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";

/** Shapes the 110m atlas carries without an ISO numeric id. */
const UNNUMBERED: Record<string, string> = { Kosovo: "XK" };

type Ring = number[][];

/**
 * A few rings (Russia's Chukotka, Fiji) cross the antimeridian and would be drawn as a band
 * across the whole map on a flat projection; their western points move east of 180° instead.
 */
function unwrapRing(ring: Ring): Ring {
  const lons = ring.map((p) => p[0]);
  if (Math.max(...lons) - Math.min(...lons) <= 180) return ring;
  return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
}

function unwrapGeometry(g: Geometry): Geometry {
  if (g.type === "Polygon") return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === "MultiPolygon")
    return { ...g, coordinates: g.coordinates.map((poly) => poly.map(unwrapRing)) };
  return g;
}

let registered: Promise<void> | null = null;

/**
 * Loads the public-domain Natural Earth shapes (world-atlas, ~100 kB, in their own chunk) and
 * registers them as the ECharts map "world", each feature named by its ISO alpha-2 code.
 * Antarctica is left out: it takes a fifth of the map and has no governance figures.
 */
export function registerWorldMap(): Promise<void> {
  registered ??= import("world-atlas/countries-110m.json").then((mod) => {
    const topology = (mod.default ?? mod) as unknown as Topology<{ countries: GeometryCollection }>;
    const geo = feature(topology, topology.objects.countries) as FeatureCollection;
    const features = geo.features.flatMap((f) => {
      const name = String(f.properties?.name ?? "");
      const code = f.id !== undefined ? countries.numericToAlpha2(String(f.id)) : UNNUMBERED[name];
      if (!code || code === "AQ") return [];
      return [{ ...f, geometry: unwrapGeometry(f.geometry), properties: { name: code } }];
    });
    // biome-ignore lint/suspicious/noExplicitAny: ECharts' GeoJSON type is looser than @types/geojson
    echarts.registerMap("world", { type: "FeatureCollection", features } as any);
  });
  return registered;
}
