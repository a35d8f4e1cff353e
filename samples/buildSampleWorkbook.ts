// Builds samples/maidstone-strategic-assessment-2020-21.xlsx from the seed's tables and ONS's
// ward populations (read from the published files, so the workbook is built, never committed).
// Usage: node dist/samples/buildSampleWorkbook.js [--out <file>]
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import path from "node:path";
import { checkStatedFacts, illustrativeDomesticAbuse } from "./illustrativeDomesticAbuse";
import { illustrativeMorileSheets } from "./illustrativeMorile";
import { CANDIDATES, NEEDLE_LOCATIONS, PLACES, SITES } from "./mapSheets";
import { POPULATION_SOURCE, maidstonePopulationRows } from "./realPopulation";
import { packageRoot } from "../src/adapters/node/packageRoot";
import { DEFAULT_CRIME_GROUPS } from "../src/core/incidents/crimeGroups";
import { syntheticExtractRows } from "./syntheticExtract";
import * as t from "./sampleTables";

export const SAMPLE_WORKBOOK = path.join(packageRoot(), "samples", "maidstone-strategic-assessment-2020-21.xlsx");

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };

function place(ws: ExcelJS.Worksheet, at: [number, number], block: t.SampleBlock): number {
  const [top, left] = at;
  block.rows.forEach((cells, r) => {
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = ws.getCell(top + r + 1, left + c + 1);
      cell.value = value;
      const format = block.formats?.[c];
      if (format && (typeof value === "number" || value instanceof Date)) cell.numFmt = format;
      if (block.headerRows?.includes(r)) {
        cell.font = { bold: true };
        cell.fill = HEADER_FILL;
      } else if (r === 0 && !block.headerRows?.includes(0)) {
        cell.font = { bold: true, size: 12 };
      }
    });
  });
  return top + block.rows.length;
}

// The seed's own tables, as published.
const seedSheets = (): t.SampleSheet[] => [
  {
    name: "Police crime",
    blocks: [
      { at: [0, 0], block: t.policeCrime },
      { at: [6, 0], block: { rows: [[t.policeCrimeNote]] } },
    ],
    widths: [28, 18, 18, 12],
  },
  { name: "Key indicators", blocks: [{ at: [0, 0], block: t.keyIndicators }], widths: [42, 15, 15, 10, 26] },
  { name: "Alcohol admissions", blocks: [{ at: [0, 0], block: t.alcoholAdmissions }], widths: [22, 18, 18, 12, 16] },
  {
    name: "Psychoactive admissions",
    blocks: [{ at: [0, 0], block: t.psychoactiveAdmissions }],
    widths: [22, 18, 18, 12, 16],
  },
  {
    name: "Substance treatment",
    blocks: [{ at: [0, 0], block: t.treatment }],
    widths: [16, 16, 16, 10, 22, 16, 16, 10],
  },
  {
    name: "Needle finds",
    blocks: [
      { at: [0, 0], block: t.needleFinds },
      { at: [5, 0], block: { rows: [["Top five locations for needle finds"]] } },
      { at: [7, 0], block: t.needleLocations },
    ],
    widths: [30, 8, 30, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 10],
  },
  {
    name: "Youth offending",
    blocks: [
      { at: [0, 0], block: t.youthByWard },
      { at: [1, 3], block: t.youthAgeGender },
    ],
    widths: [24, 10, 4, 30, 10, 10],
  },
  { name: "One Stop Shop", blocks: [{ at: [0, 0], block: t.oneStopShop }], widths: [14, 10, 10, 10] },
  {
    name: "ASB",
    blocks: [
      { at: [0, 0], block: t.asbComplaints },
      { at: [11, 0], block: { rows: [["Breakdown of Community Protection Warnings and Notices"]] } },
      { at: [12, 0], block: t.protectionNotices },
      { at: [21, 0], block: t.encampments },
    ],
    widths: [44, 16, 16, 40, 12, 12],
  },
  { name: "Hate crime", blocks: [{ at: [0, 0], block: t.hateCrime }], widths: [36, 12, 12, 10] },
];

// Illustrative and synthetic sheets: what the seed describes but does not publish, said so in their titles.
const illustrativeSheets = (): t.SampleSheet[] => [
  {
    name: "DA by ward (illustrative)",
    blocks: [
      {
        at: [0, 0],
        block: {
          rows: [
            [
              "ILLUSTRATIVE DATA, NOT REAL FIGURES: the Strategic Assessment publishes no ward counts. These were generated to match every fact it states (High Street highest, Park Wood second; North, East, Fant, Bridge and South in the top 10; those six wards 42.5% of the borough; Marden and Yalding the only rural wards in the top 10; about 16% of all crime).",
            ],
          ],
        },
      },
      {
        at: [2, 0],
        block: {
          rows: [
            ["Domestic abuse crimes by ward (illustrative)"],
            ["Ward", "Nov 18 – Oct 19"],
            ...illustrativeDomesticAbuse.map(([w, n]) => [w, n]),
          ],
          headerRows: [1],
        },
      },
    ],
    widths: [38, 18],
  },
  {
    name: "Police extract (synthetic)",
    blocks: [
      {
        at: [0, 0],
        block: {
          rows: [
            [
              "SYNTHETIC DATA, NOT REAL RECORDS: one invented row per crime whose totals match the Strategic Assessment's figures (all crime 17,244 -> 16,947; drug offences 318 -> 394; domestic abuse 16% of all crime and 32% of violent crime; High Street theft 165 -> 307 around the Town Centre team's start). Dates, times and wards are invented; the last three rows are deliberately wrong.",
            ],
          ],
        },
      },
      { at: [1, 0], block: { rows: syntheticExtractRows(), headerRows: [0] } },
    ],
    widths: [14, 15, 14, 30, 30, 8],
  },
];

// What an analyst adds beside the data: interventions to evaluate and the crime group mapping.
const analystSheets = (): t.SampleSheet[] => [
  {
    name: "Interventions",
    blocks: [
      {
        at: [0, 0],
        block: {
          rows: [
            ["Intervention", "Wards", "Start", "End", "Comparison wards", "Note"],
            [
              "Town Centre team",
              "High Street",
              new Date(Date.UTC(2019, 9, 12)),
              new Date(Date.UTC(2020, 1, 19)),
              null,
              "Seed section 7.2: from the team's start to the day before the data was extracted. Comparison wards left empty: the wards bordering High Street.",
            ],
          ],
          headerRows: [0],
          formats: { 2: "dd/mm/yyyy", 3: "dd/mm/yyyy" },
        },
      },
    ],
    widths: [22, 20, 12, 12, 30, 90],
  },
  {
    name: "Crime groups",
    blocks: [
      {
        at: [0, 0],
        block: {
          rows: [
            ["Category", "Group"],
            ...Object.entries(DEFAULT_CRIME_GROUPS).map(([category, group]) => [
              category.replace(/^./, (c) => c.toUpperCase()),
              group,
            ]),
          ],
          headerRows: [0],
        },
      },
    ],
    widths: [44, 32],
  },
];

// What the map reads: locations, places, sites and candidates, and ONS's ward populations.
const mapSheetsOfSample = (): t.SampleSheet[] => [
  {
    name: "Needle find locations",
    blocks: [{ at: [0, 0], block: { rows: NEEDLE_LOCATIONS, headerRows: [0] } }],
    widths: [34, 10],
  },
  { name: "Places", blocks: [{ at: [0, 0], block: { rows: PLACES, headerRows: [0] } }], widths: [46, 11, 11, 40] },
  { name: "Sites", blocks: [{ at: [0, 0], block: { rows: SITES, headerRows: [0] } }], widths: [46, 46] },
  { name: "Candidates", blocks: [{ at: [0, 0], block: { rows: CANDIDATES, headerRows: [0] } }], widths: [34, 34] },
  {
    name: "Population",
    blocks: [
      { at: [0, 0], block: { rows: [[POPULATION_SOURCE]] } },
      { at: [2, 0], block: { rows: maidstonePopulationRows(), headerRows: [0] } },
    ],
    widths: [12, 38],
  },
  ...illustrativeMorileSheets.map((m) => ({
    name: m.name,
    blocks: [{ at: [0, 0] as [number, number], block: { rows: m.rows, headerRows: [1] } }],
    widths: [52, 12, 13, 11, 14, 12, 13, 14, 11, 10, 11, 44, 34, 14],
  })),
];

// Built when asked for: the Population sheet reads ONS's files.
const sampleSheets = (): t.SampleSheet[] => [
  ...seedSheets(),
  ...illustrativeSheets(),
  ...analystSheets(),
  ...mapSheetsOfSample(),
];

/** The sample workbook, built in memory. */
export function buildSampleWorkbook(): ExcelJS.Workbook {
  const failures = checkStatedFacts(illustrativeDomesticAbuse);
  if (failures.length > 0) throw new Error(`illustrative DA data breaks the seed's facts: ${failures.join("; ")}`);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "CSP Assess sample builder";
  // A fixed date keeps rebuilds identical.
  workbook.created = new Date(Date.UTC(2020, 2, 1));
  workbook.modified = workbook.created;
  for (const sheet of sampleSheets()) {
    const ws = workbook.addWorksheet(sheet.name);
    sheet.blocks.forEach(({ at, block }) => place(ws, at, block));
    sheet.widths?.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
  }
  return workbook;
}

/** Every cell of every sheet (or of those `include` keeps) as text, to compare two workbooks. */
export function cellDump(workbook: ExcelJS.Workbook, include: (sheet: string) => boolean = () => true): string {
  const lines: string[] = [];
  workbook.eachSheet((ws) => {
    if (!include(ws.name)) return;
    ws.eachRow((row, r) =>
      row.eachCell((cell, c) => lines.push(`${ws.name}!${r},${c}=${JSON.stringify(cell.value)}|${cell.numFmt ?? ""}`)),
    );
  });
  return lines.join("\n");
}

async function cli(argv: string[]): Promise<number> {
  const outIndex = argv.indexOf("--out");
  const out = outIndex >= 0 ? argv[outIndex + 1] : SAMPLE_WORKBOOK;
  await fs.mkdir(path.dirname(out), { recursive: true });
  await buildSampleWorkbook().xlsx.writeFile(out);
  console.log(`Sample workbook written: ${path.relative(process.cwd(), out)}`);
  return 0;
}

if (require.main === module) {
  cli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
