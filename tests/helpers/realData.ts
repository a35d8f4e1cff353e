// The suites on real files beside the checkout (tests/helpers/realDataFiles says which and
// where): run when the files are there, skipped and counted as skipped when not.
import { missingRealData } from "./realDataFiles";

export * from "./realDataFiles";

/** True when the real files are beside the checkout. */
export const HAS_REAL_DATA = missingRealData().length === 0;

/** `describe` for a suite on real files: skipped (and counted as skipped) without them. */
export const describeReal: jest.Describe = HAS_REAL_DATA ? describe : describe.skip;
/** `it` for a test on real files: skipped without them. */
export const itReal: jest.It = HAS_REAL_DATA ? it : it.skip;
