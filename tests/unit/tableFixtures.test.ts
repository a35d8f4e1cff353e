// Table discovery fixtures, in Turf's manner: each file in tests/fixtures/tables/in is a layout
// (a grid of cells, the sample workbook, or a shared published file read at run time), and the
// file of the same name in out/ is what discovery must find there. UPDATE_FIXTURES=1 writes the
// out/ files afresh (then npm run format); read the difference before committing it. Of a
// workbook not committed here (the built sample, the shared files) only the shape is kept: no
// figure, ward name or code of theirs is committed.
import { existsSync, promises as fs, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { WorkbookFile } from "../../src/adapters/workbookFile";
import { nodeDeflateCodec } from "../../src/adapters/node/nodeDeflateCodec";
import { type DiscoveredTable, discoverTables } from "../../src/core";
import type { CellValue, SheetGrid } from "../../src/model";
import { sheet } from "../helpers/grids";
import { SHARED_DIR, itReal } from "../helpers/realData";

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "tests", "fixtures", "tables");
const SHARED = SHARED_DIR;

interface Fixture {
  readonly about: string;
  readonly sheet?: string;
  readonly rows?: CellValue[][];
  readonly workbook?: string;
  readonly shared?: string;
}

async function gridsOf(fixture: Fixture): Promise<{ grids: SheetGrid[]; shapeOnly: boolean }> {
  if (fixture.rows) return { grids: [sheet(fixture.sheet ?? "Sheet1", fixture.rows)], shapeOnly: false };
  const file = fixture.workbook ? path.join(ROOT, fixture.workbook) : path.join(SHARED, fixture.shared as string);
  const port = await WorkbookFile.fromBytes(
    new Uint8Array(await fs.readFile(file)),
    path.basename(file),
    nodeDeflateCodec,
  );
  // A workbook built at test time (the sample, whose Population sheet and ward names come from
  // ../shared) or a shared file: its shape only, so none of that data is committed here.
  return { grids: [...(await port.readWorkbook()).sheets], shapeOnly: true };
}

/** What a discovered table is, as a fixture states it. */
function described(table: DiscoveredTable, shapeOnly: boolean): Record<string, unknown> {
  const unit = table.unit ? { unit: table.unit } : {};
  if (shapeOnly) {
    return {
      sheet: table.sheet,
      kind: table.kind,
      columns: table.columns.length,
      rows: table.rows.length,
      aggregates: table.rows.filter((r) => r.aggregate).length,
      coded: table.rows.filter((r) => r.code).length,
      ...unit,
    };
  }
  return {
    sheet: table.sheet,
    range: table.range,
    title: table.title,
    kind: table.kind,
    ...(table.transposed ? { transposed: true } : {}),
    labelHeader: table.labelHeader,
    ...unit,
    columns: table.columns.map((c) => c.header + (c.unit && c.unit !== table.unit ? ` (${c.unit})` : "")),
    ...(table.derived.length > 0 ? { derived: table.derived.map((d) => `${d.header}: ${d.role}`) } : {}),
    rows: table.rows.map((r) => `${r.label}${r.code ? ` [${r.code}]` : ""}${r.aggregate ? " (aggregate)" : ""}`),
    ...(table.findings.length > 0 ? { findings: table.findings.map((f) => `${f.kind} ${f.cell}`) } : {}),
  };
}

const names = readdirSync(path.join(FIXTURES, "in"))
  .filter((f) => f.endsWith(".json"))
  .sort();

const fixtures = names.map((name) => ({
  name,
  fixture: JSON.parse(readFileSync(path.join(FIXTURES, "in", name), "utf8")) as Fixture,
}));

describe("table discovery fixtures", () => {
  // A fixture of a real national file (beside the checkout) waits for it; the rest always run.
  const run = (list: typeof fixtures, test: jest.It): void =>
    test.each(list.map((f) => [f.name, f.fixture] as const))("%s", async (name, fixture) => {
      const { grids, shapeOnly } = await gridsOf(fixture);
      const found = grids
        .filter((g) => !g.isResultSheet)
        .flatMap((g) => discoverTables(g).map((t) => described(t, shapeOnly)));
      const out = path.join(FIXTURES, "out", name);
      if (process.env.UPDATE_FIXTURES || !existsSync(out))
        await fs.writeFile(out, `${JSON.stringify(found, null, 2)}\n`);
      expect(found).toEqual(JSON.parse(readFileSync(out, "utf8")));
    });
  run(
    fixtures.filter((f) => !f.fixture.shared),
    it,
  );
  const real = fixtures.filter((f) => f.fixture.shared);
  if (real.length > 0) run(real, itReal);
});
