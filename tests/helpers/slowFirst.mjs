// jest's test order: the suites that take longest start first, so that on a 2-core machine the
// last minute is not one long suite running alone. jest orders by the durations it cached on
// an earlier run; a fresh clone (as CI is) has none, and jest then starts the largest files
// first, which puts the fuzz test, a few lines long, at the very end.
import Sequencer from "@jest/test-sequencer";

/** Suites measured as the slowest on the 2-core machine, longest first. */
const SLOWEST = [
  "corpus/corpus.test.ts",
  "corpus/fuzz.test.ts",
  "browser/map.spec.ts",
  "cli/computeCli.test.ts",
  "adapters/office/officeWorkbook.test.ts",
  "cli/spreadsheetApp.test.ts",
  "browser/standalone.spec.ts",
  "cli/draftReport.test.ts",
  "cli/anyPartnership.test.ts",
  "cli/policeUk.test.ts",
  "unit/layerRules.test.ts",
  "adapters/xlsx/readPackage.test.ts",
];

const rank = (test) => {
  const index = SLOWEST.findIndex((suffix) => test.path.replace(/\\/g, "/").endsWith(`tests/${suffix}`));
  return index < 0 ? SLOWEST.length : index;
};

// The package is CommonJS: its class is its default export, or that export's own default.
const Base = Sequencer.default ?? Sequencer;

export default class SlowFirst extends Base {
  sort(tests) {
    // jest's own order (cached durations, else size), with the known slowest moved to the front.
    return [...super.sort(tests)].sort((a, b) => rank(a) - rank(b));
  }
}
