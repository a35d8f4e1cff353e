// MoRiLE scoring for the sample workbook. The Strategic Assessment publishes no MoRiLE scores
// (Appendix 2 describes the method only), so these levels are ILLUSTRATIVE: chosen so the
// seed's five priorities rank highest, as the partnership's own scoring did, and the sheets say so.

type Row = readonly (string | null)[];

const HEADER = [
  "Theme",
  "Physical",
  "Psychological",
  "Financial",
  "Community & environment",
  "Geographic scope",
  "Vulnerability",
  "Likelihood",
  "Confidence",
  "Capacity",
  "Capability",
  "Rationale",
  "Evidence",
  "Scorer",
];

// Theme, six harm levels, likelihood, confidence, capacity, capability, rationale, evidence.
const CURRENT: Row[] = [
  [
    "Serious, violent and organised crime (incl. modern slavery)",
    "Critical",
    "Substantial",
    "Substantial",
    "Substantial",
    "Moderate",
    "Substantial",
    "Likely",
    "Medium",
    "Limited",
    "Adequate",
    "County lines activity and one active OCG",
    "Possession of weapons",
  ],
  [
    "Children and young people's safety (incl. CSE and gangs)",
    "Substantial",
    "Substantial",
    "Low",
    "Substantial",
    "Moderate",
    "Critical",
    "Likely",
    "Medium",
    "Adequate",
    "Limited",
    "Recruitment of young people into county lines",
    "Youth offences",
  ],
  [
    "Domestic abuse (incl. stalking)",
    "Critical",
    "Critical",
    "Moderate",
    "Moderate",
    "Moderate",
    "Critical",
    "Almost certain",
    "High",
    "Limited",
    "Adequate",
    "16% of all crime and 32% of violent crime",
    "MARAC cases",
  ],
  [
    "Substance misuse",
    "Moderate",
    "Substantial",
    "Moderate",
    "Substantial",
    "Moderate",
    "Substantial",
    "Likely",
    "High",
    "Adequate",
    "Adequate",
    "Drug offences up by almost a quarter",
    "Drug offences",
  ],
  [
    "Mental health vulnerability",
    "Moderate",
    "Substantial",
    "Low",
    "Moderate",
    "Moderate",
    "Critical",
    "Likely",
    "Medium",
    "Limited",
    "Limited",
    "Section 136 use up 27%",
    "Section 136 detentions",
  ],
  [
    "Anti-social behaviour",
    "Low",
    "Moderate",
    "Low",
    "Substantial",
    "Moderate",
    "Moderate",
    "Almost certain",
    "High",
    "Strong",
    "Adequate",
    "High volume, well-used powers",
    "All Anti-social behaviour complaints",
  ],
  [
    "Hate crime",
    "Moderate",
    "Substantial",
    "Low",
    "Substantial",
    "Low",
    "Substantial",
    "Likely",
    "Medium",
    "Adequate",
    "Adequate",
    "Reports up 15%",
    "Hate crimes",
  ],
  [
    "Radicalisation (Prevent)",
    "Critical",
    "Substantial",
    "Low",
    "Critical",
    "Moderate",
    "Substantial",
    "Remote",
    "Low",
    "Adequate",
    "Limited",
    "Low likelihood, severe impact",
    "",
  ],
  [
    "Reoffending",
    "Moderate",
    "Moderate",
    "Moderate",
    "Moderate",
    "Low",
    "Moderate",
    "Likely",
    "Medium",
    "Adequate",
    "Adequate",
    "IOM cohort stable",
    "IOM cohort",
  ],
  [
    "Vehicle crime",
    "Low",
    "Low",
    "Moderate",
    "Low",
    "Low",
    "Low",
    "Likely",
    "High",
    "Adequate",
    "Strong",
    "Spike in spring 2019 after one prolific offender",
    "Vehicle interference",
  ],
];

/** The same themes as the council scored them: lower on organised crime, far lower on DA physical harm. */
function councilRow(row: Row): Row {
  if (row[0]?.startsWith("Serious"))
    return [
      row[0],
      "Substantial",
      "Substantial",
      "Moderate",
      ...row.slice(4, 9),
      "Limited",
      "Limited",
      ...row.slice(11),
    ];
  if (row[0]?.startsWith("Domestic")) return [row[0], "Moderate", ...row.slice(2)];
  return row;
}

const PREVIOUS: Row[] = CURRENT.map((row) => {
  if (row[0] === "Mental health vulnerability") return [...row.slice(0, 7), "Possible", ...row.slice(8)];
  if (row[0] === "Hate crime") return [row[0], "Substantial", ...row.slice(2)];
  return row;
});

/** The two illustrative MoRiLE sheets: 2020-21 scored by two agencies, and 2019-20 for rank movement. */
export const illustrativeMorileSheets: readonly { readonly name: string; readonly rows: readonly Row[] }[] = [
  {
    name: "MoRiLE 2020-21 (illustrative)",
    rows: [
      [
        "ILLUSTRATIVE SCORES, NOT THE PARTNERSHIP'S: the Strategic Assessment publishes no MoRiLE scores. Levels chosen so its five priorities rank highest.",
      ],
      HEADER,
      ...CURRENT.map((r) => [...r, "Kent Police"]),
      ...CURRENT.map((r) => [...councilRow(r), "Maidstone BC"]),
    ],
  },
  {
    name: "MoRiLE 2019-20 (illustrative)",
    rows: [
      ["ILLUSTRATIVE SCORES, NOT THE PARTNERSHIP'S: last year's ranking, for rank movement."],
      HEADER,
      ...PREVIOUS.map((r) => [...r, "Kent CSU"]),
    ],
  },
];
