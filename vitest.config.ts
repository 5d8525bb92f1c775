import { defineConfig } from "vitest/config";
import { OnboardingFirst } from "./e2e/support/sequencer.js";

/**
 * Three projects: `unit` (pure domain logic), `integration` (the API through app.inject() on a real
 * PostgreSQL: embedded, or DATABASE_URL), `e2e` (the built web app in Debian's Chromium).
 */
export default defineConfig({
  test: {
    sequence: { sequencer: OnboardingFirst },
    projects: [
      {
        test: {
          name: "unit",
          include: ["domain/**/*.test.ts", "server/**/*.unit.test.ts", "web/**/*.test.ts"],
          // Projects run one after another (unit, integration, e2e): on two cores, running them
          // side by side would only make each slower.
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: "integration",
          include: ["server/**/*.test.ts"],
          exclude: ["server/**/*.unit.test.ts"],
          globalSetup: ["server/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Two cores: more workers would only queue on PostgreSQL.
          maxWorkers: 2,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          globalSetup: ["e2e/global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
