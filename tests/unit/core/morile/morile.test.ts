import fc from "fast-check";
import {
  MORILE_PRESETS,
  MORILE_TEMPLATE_HEADER,
  type MorileConfig,
  computeAssessment,
  configSheetRows,
  morileAssessment,
  readMorileConfig,
  scoreTheme,
} from "../../../../src/core";
import type { CellValue } from "../../../../src/model";
import { sheet } from "../../../helpers/grids";
import { HIGH_LEVELS, LOW_LEVELS } from "../../../helpers/morileLevels";

type Levels = [string, string, string, string, string, string, string, string, string, string];
const row = (theme: string, levels: Levels | CellValue[], rationale = "", evidence = ""): CellValue[] => [
  theme,
  ...levels,
  rationale,
  evidence,
];
const morileSheet = (name: string, rows: CellValue[][]) => sheet(name, [[...MORILE_TEMPLATE_HEADER], ...rows]);

// Physical, Psychological, Financial, Community, Geographic, Vulnerability, Likelihood, Confidence, Capacity, Capability
const A = HIGH_LEVELS as Levels;
const B = LOW_LEVELS as Levels;
const C: Levels = [
  "Moderate",
  "Moderate",
  "Moderate",
  "Moderate",
  "Moderate",
  "Moderate",
  "Likely",
  "Low",
  "Strong",
  "Adequate",
];

const rank = (grids: ReturnType<typeof sheet>[], preset = "linear") => {
  const result = morileAssessment(grids, [], preset);
  if (!result) throw new Error("no MoRiLE result");
  return result;
};

describe("MoRiLE scoring", () => {
  it("scores the Linear preset as computed by hand", () => {
    const result = rank([morileSheet("MoRiLE", [row("B", B), row("A", A), row("C", C)])]);
    expect(result.preset).toBe("Linear");
    expect(
      result.themes.map((t) => [
        t.theme,
        t.harm,
        t.likelihood,
        t.risk,
        t.position,
        t.score,
        t.rank,
        t.band,
        t.confidence,
      ]),
    ).toEqual([
      ["A", 12, 4, 48, 3, 72, 1, "High", "High"],
      ["C", 12, 4, 48, 1, 56, 2, "Medium", "Low"],
      ["B", 6, 3, 18, 0, 18, 3, "Low", "Medium"],
    ]);
  });

  it("scores the Escalating preset as computed by hand", () => {
    const result = rank([morileSheet("MoRiLE", [row("A", A)])], "escalating");
    expect(result.themes[0]).toMatchObject({ harm: 14, risk: 56, score: 84, band: "Medium" });
  });

  it("breaks ties by harm, then likelihood, then theme name", () => {
    // Same score 48 × (1 + 0) = 48: X by harm 12 × 4; Y by harm 16 × 3; Z and W equal throughout.
    const X: Levels = [
      "Moderate",
      "Moderate",
      "Moderate",
      "Moderate",
      "Moderate",
      "Moderate",
      "Likely",
      "High",
      "Strong",
      "Strong",
    ];
    const Y: Levels = [
      "Critical",
      "Critical",
      "Critical",
      "Critical",
      "None",
      "None",
      "Possible",
      "High",
      "Strong",
      "Strong",
    ];
    const result = rank([morileSheet("MoRiLE", [row("Zeta", X), row("X", X), row("Y", Y), row("Alpha", X)])]);
    expect(result.themes.map((t) => [t.theme, t.score, t.rank])).toEqual([
      ["Y", 48, 1],
      ["Alpha", 48, 2],
      ["X", 48, 3],
      ["Zeta", 48, 4],
    ]);
  });

  it("reads a level by name in any case or by its value", () => {
    const byNumber: CellValue[] = [3, "moderate", "LOW", 2, "1", "Substantial", 4, "high", 2, "adequate"];
    const result = rank([morileSheet("MoRiLE", [row("A", byNumber)])]);
    expect(result.themes[0]).toMatchObject({ harm: 12, likelihood: 4, position: 3, score: 72 });
  });

  it("leaves out a theme with a level off the scale, a missing factor or a duplicate, naming the cell", () => {
    const offScale: CellValue[] = [...A];
    offScale[0] = "Huge";
    const missing: CellValue[] = [...A];
    missing[6] = null;
    const result = rank([
      morileSheet("MoRiLE", [
        row("Good", A),
        row("Bad level", offScale),
        row("No likelihood", missing),
        row("Good", C),
      ]),
    ]);
    expect(result.themes.map((t) => t.theme)).toEqual(["Good"]);
    expect(result.themes[0].score).toBe(72);
    expect(result.excluded.map((e) => [e.theme, e.cell])).toEqual([
      ["Bad level", "MoRiLE!A3"],
      ["No likelihood", "MoRiLE!A4"],
      ["Good", "MoRiLE!A5"],
    ]);
    expect(result.excluded[0].reason).toMatch(/"Huge" is not on the Physical scale/);
    expect(result.findings.map((f) => [f.cell, f.kind])).toEqual([
      ["MoRiLE!B3", "morile-level-off-scale"],
      ["MoRiLE!H4", "morile-missing-level"],
      ["MoRiLE!A5", "morile-duplicate-theme"],
    ]);
  });

  it("gives rank ranges under one-level moves and ±25% weights, stable and unstable top five, and the same result twice", () => {
    const themes = Array.from({ length: 8 }, (_, i) =>
      row(`T${i}`, [
        ["None", "Low", "Moderate", "Substantial", "Critical"][Math.min(4, Math.floor(i / 2))],
        "Moderate",
        "Low",
        "Moderate",
        "Low",
        "Low",
        ["Remote", "Unlikely", "Possible", "Likely", "Almost certain"][i % 5],
        "Medium",
        "Adequate",
        "Adequate",
      ]),
    );
    const first = rank([morileSheet("MoRiLE", themes)]);
    const second = rank([morileSheet("MoRiLE", [...themes].reverse())]);
    expect(second.themes).toEqual(first.themes.map((t) => ({ ...t, themeCell: expect.any(String) })));
    for (const t of first.themes) {
      expect(t.rankRange[0]).toBeLessThanOrEqual(t.rank);
      expect(t.rankRange[1]).toBeGreaterThanOrEqual(t.rank);
      expect(t.topFiveShare).toBeGreaterThanOrEqual(0);
      expect(t.topFiveShare).toBeLessThanOrEqual(1);
      expect(t.stable).toBe(t.rank <= 5 ? t.rankRange[1] <= 5 : null);
    }
    expect(first.themes.filter((t) => t.stable === false).length).toBeGreaterThan(0);
  });

  it("takes the median of several scorers and flags factors where they differ by two levels", () => {
    const withScorer = sheet("MoRiLE", [
      [...MORILE_TEMPLATE_HEADER, "Scorer"],
      [...row("DA", ["Low", ...A.slice(1)]), "Police"],
      [...row("DA", ["Moderate", ...A.slice(1)]), "Health"],
      [...row("DA", ["Substantial", ...A.slice(1)]), "Council"],
    ]);
    const result = rank([withScorer]);
    expect(result.themes).toHaveLength(1);
    expect(result.themes[0]).toMatchObject({ harm: 11, scorers: ["Police", "Health", "Council"] });
    expect(result.themes[0].spread.find((s) => s.factor === "Physical")).toEqual({
      factor: "Physical",
      lowest: "Low",
      median: "Moderate",
      highest: "Substantial",
      steps: 2,
      flagged: true,
    });
    expect(result.findings.map((f) => f.kind)).toEqual(["morile-scorer-spread"]);
  });

  it("treats one MoRiLE sheet per agency as several scorers, and last year's sheet as the earlier ranking", () => {
    const result = rank([
      morileSheet("MoRiLE Police 2020", [row("A", A), row("B", B)]),
      morileSheet("MoRiLE Council 2020", [row("A", A), row("B", B)]),
      morileSheet("MoRiLE 2019", [row("A", B), row("B", A)]),
    ]);
    expect(result.sheets).toEqual(["MoRiLE Police 2020", "MoRiLE Council 2020"]);
    expect(result.previousSheets).toEqual(["MoRiLE 2019"]);
    expect(result.themes.map((t) => [t.theme, t.rank, t.previousRank, t.movement, t.scorers.length])).toEqual([
      ["A", 1, 2, 1, 2],
      ["B", 2, 1, -1, 2],
    ]);
  });

  it("links a theme to a table row computed by the core, with its change and significance", () => {
    const assessment = computeAssessment({
      sheets: [
        sheet("Crime", [
          ["Crime type", "2018", "2019"],
          ["Drug offences", 318, 394],
        ]),
        morileSheet("MoRiLE", [row("Substance misuse", A, "Rising supply", "Drug offences")]),
      ],
    });
    expect(assessment.tables).toHaveLength(1);
    const theme = assessment.morile!.themes[0];
    expect(theme.evidence).toMatchObject({ sheet: "Crime", label: "Drug offences", change: 76 });
    expect(theme.evidence?.text).toMatch(
      /^Drug offences rose by 23\.9%, from 318 to 394 \(\+76\); a rise of 76 is more than normal/,
    );
  });
});

describe("MoRiLE Config sheet", () => {
  const configGrid = (config: MorileConfig, edit?: (rows: CellValue[][]) => void) => {
    const rows = configSheetRows(config) as CellValue[][];
    edit?.(rows);
    return sheet("MoRiLE Config", rows);
  };

  it("reads back the preset it was written from", () => {
    for (const preset of Object.values(MORILE_PRESETS)) {
      const { config, findings } = readMorileConfig(configGrid(preset));
      expect(findings).toEqual([]);
      expect(config).toEqual(preset);
    }
  });

  it("uses the analyst's own weights and thresholds", () => {
    const grid = configGrid(MORILE_PRESETS.linear, (rows) => {
      rows.find((r) => r[0] === "Physical")![2] = 2;
      rows.find((r) => r[0] === "High band")![1] = 0.5;
    });
    const result = rank([morileSheet("MoRiLE", [row("A", A)]), grid]);
    expect(result.themes[0]).toMatchObject({ harm: 15, score: 90, band: "Medium" });
  });

  it("reports an unreadable entry by cell and falls back to the preset's definition", () => {
    const { config, findings } = readMorileConfig(
      configGrid(MORILE_PRESETS.linear, (rows) => {
        rows.find((r) => r[0] === "Physical")![3] = "None, Low, High";
      }),
    );
    expect(findings.map((f) => [f.cell, f.kind])).toEqual([["'MoRiLE Config'!A5", "morile-config"]]);
    expect(config.factors.find((f) => f.name === "Physical")).toEqual(MORILE_PRESETS.linear.factors[0]);
  });
});

describe("MoRiLE properties", () => {
  const harmLevel = fc.constantFrom("None", "Low", "Moderate", "Substantial", "Critical");
  const levelsArb = fc.tuple(
    harmLevel,
    harmLevel,
    harmLevel,
    harmLevel,
    harmLevel,
    harmLevel,
    fc.constantFrom("Remote", "Unlikely", "Possible", "Likely", "Almost certain"),
    fc.constantFrom("Low", "Medium", "High"),
    fc.constantFrom("Strong", "Adequate", "Limited", "Poor"),
    fc.constantFrom("Strong", "Adequate", "Limited", "Poor"),
  );
  const HARM = ["None", "Low", "Moderate", "Substantial", "Critical"];

  const levelsOf = (config: MorileConfig, names: readonly string[]) => ({
    theme: "T",
    levels: new Map(
      config.factors.map((f, i) => {
        const index = f.levels.findIndex((l) => l.name === names[i]);
        return [f.name, { index, level: f.levels[index] }] as const;
      }),
    ),
  });

  it.each(["linear", "escalating"])("raising any harm level never lowers a score (%s)", (preset) => {
    const config = MORILE_PRESETS[preset];
    fc.assert(
      fc.property(levelsArb, fc.integer({ min: 0, max: 5 }), (levels, factor) => {
        const raised: string[] = [...levels];
        raised[factor] = HARM[Math.min(4, HARM.indexOf(levels[factor]) + 1)];
        expect(scoreTheme(config, levelsOf(config, raised)).score).toBeGreaterThanOrEqual(
          scoreTheme(config, levelsOf(config, levels)).score,
        );
      }),
      { numRuns: 500 },
    );
  });

  it("shuffling rows never changes the ranking", () => {
    fc.assert(
      fc.property(fc.array(levelsArb, { minLength: 2, maxLength: 8 }), fc.integer(), (all, seed) => {
        const rows = all.map((levels, i) => row(`Theme ${i}`, [...levels]));
        const shuffled = [...rows].sort(
          (a, b) => ((String(a[0]).length * 31 + seed) % 7) - ((String(b[0]).length * 17 + seed) % 5),
        );
        const order = (r: CellValue[][]) =>
          rank([morileSheet("MoRiLE", r)]).themes.map((t) => [t.theme, t.rank, t.rankRange, t.topFiveShare]);
        expect(order(shuffled)).toEqual(order(rows));
      }),
      { numRuns: 25 },
    );
  });
});
