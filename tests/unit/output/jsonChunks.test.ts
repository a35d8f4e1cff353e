// The streamed JSON is the same text, byte for byte, as stringifying the whole.
import fc from "fast-check";
import { promises as fs } from "node:fs";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { runAssessment } from "../../../src/job";
import { jsonChunks, runJson, runJsonChunks } from "../../../src/output";
import { builtBoundaries } from "../../helpers/boundaries";
import { SAMPLE } from "../../helpers/sample";

describe("jsonChunks", () => {
  it("gives JSON.stringify(object, null, 2) for any object, its arrays streamed or not", () => {
    const json = fc.jsonValue();
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.array(json), (object, items) => {
        const whole = { ...object, streamed: items };
        const text = [...jsonChunks({ ...object, streamed: null }, new Map([["streamed", () => items]]))].join("");
        expect(text).toBe(JSON.stringify(whole, null, 2));
        expect([...jsonChunks(object, new Map())].join("")).toBe(JSON.stringify(object, null, 2));
      }),
      { numRuns: 300 },
    );
  });

  it("writes the sample's run as runJson stringified whole", async () => {
    const port = await WorkbookFile.fromBytes(new Uint8Array(await fs.readFile(SAMPLE)), "sample.xlsx");
    const run = await runAssessment(port, { boundaries: builtBoundaries() });
    expect([...runJsonChunks(run)].join("")).toBe(JSON.stringify(runJson(run), null, 2));
  }, 60000);
});
