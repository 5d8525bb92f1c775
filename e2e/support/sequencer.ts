import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The e2e files share one server. `onboarding.test.ts` starts from a fresh installation (the
 * setup screen exists only until the first organization does), so it must run first; the other
 * files create their own organizations. Everything else keeps Vitest's usual order.
 */
export class OnboardingFirst extends BaseSequencer {
  async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const first = (f: TestSpecification) => (f.moduleId.endsWith("e2e/onboarding.test.ts") ? 0 : 1);
    return [...sorted].sort((a, b) => first(a) - first(b));
  }
}
