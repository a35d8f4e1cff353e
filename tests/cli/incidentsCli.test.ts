import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { syntheticExtractCsv, syntheticExtractRows } from "../../samples/syntheticExtract";
import { runCli } from "../helpers/cli";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-incidents-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const pct = (x: number | null): string => `${((x ?? NaN) * 100).toFixed(1)}%`;

describe("csp-assess incidents", () => {
  it("reproduces the seed's crime totals and shares from the synthetic extract (CSV, streamed)", async () => {
    const csv = path.join(dir, "synthetic-police-extract.csv");
    await fs.writeFile(csv, syntheticExtractCsv());
    const json = path.join(dir, "out.json");
    const result = await runCli("incidents", csv, "--json", json);
    expect(result.err).toEqual([]);
    expect(result.code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.periods).toEqual(["Nov 17 – Oct 18", "Nov 18 – Oct 19"]);
    expect(r.allCrime).toEqual([17244, 16947]);
    const group = (name: string) => r.byGroup.find((g: { group: string }) => g.group === name);
    expect(group("Drug offences").values).toEqual([318, 394]);
    expect(pct(group("Drug offences").pctChange)).toBe("23.9%");
    expect(pct(group("Sexual offences").pctChange)).toBe("-8.0%");
    expect(pct(group("Public order offences").pctChange)).toBe("-30.0%");
    expect(group("Vehicle offences").values[1] - group("Vehicle offences").values[0]).toBe(26);
    expect(pct(r.daShareAll)).toBe("16.0%");
    expect(pct(r.daShareViolence)).toBe("32.0%");
    expect(r.rejected.reasons).toEqual({ "unreadable date": 1, "unknown category": 1, "outside both periods": 1 });
    expect(r.byWard.find((w: { name: string }) => w.name === "High Street").code).toBe("E05004996");
  });

  it("reads an .xlsx extract with the streaming reader, and financial years on request", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Extract");
    for (const row of syntheticExtractRows().slice(0, 2001)) ws.addRow(row);
    const file = path.join(dir, "extract.xlsx");
    await wb.xlsx.writeFile(file);
    const json = path.join(dir, "xlsx.json");
    expect((await runCli("incidents", file, "--window", "apr-mar", "--end", "2019-03", "--json", json)).code).toBe(0);
    const r = JSON.parse(await fs.readFile(json, "utf8"));
    expect(r.periods).toEqual(["Apr 17 – Mar 18", "Apr 18 – Mar 19"]);
    expect(r.allCrime[0] + r.allCrime[1] + (r.rejected.reasons["outside both periods"] ?? 0)).toBe(2000);
    expect(r.allCrime[0]).toBeGreaterThan(0);
    expect(r.allCrime[1]).toBeGreaterThan(0);
  });

  it("refuses a file with no record columns and a wrong window", async () => {
    const csv = path.join(dir, "none.csv");
    await fs.writeFile(csv, "a,b\n1,2\n");
    const none = await runCli("incidents", csv, "--json", path.join(dir, "x.json"));
    expect([none.code, none.err[0]]).toEqual([1, expect.stringMatching(/no record-level columns found/)]);
    expect((await runCli("incidents", csv, "--window", "weekly", "--json", path.join(dir, "x.json"))).code).toBe(2);
    const notXlsx = path.join(dir, "extract.xlsx");
    await fs.writeFile(notXlsx, "not a workbook");
    const bad = await runCli("incidents", notXlsx, "--json", path.join(dir, "x.json"));
    expect([bad.code, bad.err.length, bad.err[0]]).toEqual([1, 1, expect.stringMatching(/extract\.xlsx is not a readable CSV or \.xlsx extract/)]);
  });
});
