// The CI-sized fuzz of the package layer: 10,000 mutated packages with a fixed seed, so a
// failure here is the same failure on every machine. `npm run fuzz` runs longer, seeded at random.
import fc from "fast-check";
import { fuzzProperty, fuzzSeeds } from "./fuzzPackages";

describe("the package layer under fuzzing", () => {
  it("never crashes, hangs or writes an output that does not open, over 10,000 mutated packages", async () => {
    const seeds = await fuzzSeeds();
    await fc.assert(fuzzProperty(seeds), { numRuns: 10_000, seed: 20261130 });
  }, 900000);
});
