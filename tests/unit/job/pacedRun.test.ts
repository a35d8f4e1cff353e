// A run paced for the task pane gives the page its turns and the same results as a run
// straight through, as the command line does it.
import { promises as fs } from "node:fs";
import { WorkbookFile } from "../../../src/adapters/workbookFile";
import { nodeDeflateCodec } from "../../../src/adapters/node/nodeDeflateCodec";
import { runAssessment } from "../../../src/job";
import { pacer } from "../../../src/model";
import { SAMPLE } from "../../helpers/sample";

describe("a run paced for the task pane", () => {
  it("pauses between pieces of work and gives the results and workbook of an unpaced run", async () => {
    const bytes = new Uint8Array(await fs.readFile(SAMPLE));
    const straight = await WorkbookFile.fromBytes(bytes, "sample.xlsx", nodeDeflateCodec);
    const paced = await WorkbookFile.fromBytes(bytes, "sample.xlsx", nodeDeflateCodec);
    let pauses = 0;
    const pause = (): Promise<void> => {
      pauses += 1;
      return new Promise((resolve) => setImmediate(resolve));
    };
    const [a, b] = [await runAssessment(straight), await runAssessment(paced, { pause })];
    expect(pauses).toBeGreaterThan(2);
    expect(b.assessment).toEqual(a.assessment);
    expect(Buffer.from(await paced.toBytes()).equals(Buffer.from(await straight.toBytes()))).toBe(true);
  });

  it("asks for a turn only once its budget of time is spent", async () => {
    let pauses = 0;
    const turn = pacer(async () => {
      pauses += 1;
    }, 20);
    expect(turn()).toBeNull();
    const until = Date.now() + 25;
    while (Date.now() < until); // spend the budget
    await turn();
    expect([pauses, turn()]).toEqual([1, null]);
  });
});
