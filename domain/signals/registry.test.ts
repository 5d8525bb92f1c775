import { describe, expect, it } from "vitest";
import { BUILTIN_RISK_CATEGORIES } from "../risk-categories.js";
import { DEFAULT_RISK_REGISTER_SETTINGS } from "../risk-settings.js";
import { ruleById, SIGNAL_RULES } from "./registry.js";

describe("signal rule registry", () => {
  it("has unique ids, built-in categories and known bounds", () => {
    const ids = SIGNAL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = new Set<string>(BUILTIN_RISK_CATEGORIES.map((c) => c.key));
    for (const r of SIGNAL_RULES) {
      expect(keys.has(r.categoryKey), r.id).toBe(true);
      for (const b of r.bounds) expect(DEFAULT_RISK_REGISTER_SETTINGS.signals, r.id).toHaveProperty(b);
    }
    expect(ruleById("concentration")?.scope).toBe("organization");
    expect(ruleById("nope")).toBeUndefined();
  });
});
