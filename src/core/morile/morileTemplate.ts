import { morilePreset } from "../options";
import { type ResultSheet, resultColumn } from "../../model";
import { MORILE_PRESETS, MORILE_TEMPLATE_HEADER } from "./morileConfig";
import { MORILE_CONFIG_SHEET, configSheetRows } from "./morileConfigSheet";

/**
 * Themes the template starts with: the Safer Maidstone Partnership's five priorities for
 * 2020-21, then the other areas its Strategic Assessment weighs (research note, morile.md).
 */
export const TEMPLATE_THEMES = [
  "Serious, violent and organised crime (incl. modern slavery)",
  "Children and young people's safety (incl. CSE and gangs)",
  "Domestic abuse (incl. stalking)",
  "Substance misuse",
  "Mental health vulnerability",
  "Anti-social behaviour",
  "Drug offences",
  "Possession of weapons / knife crime",
  "Night-time economy violence",
  "Hate crime",
  "Radicalisation (Prevent)",
  "Reoffending",
  "Sexual offences",
  "Vehicle crime",
  "Residential burglary",
  "Fraud, scams and doorstep crime",
];

/** The two sheets `csp-assess morile-template` writes: an empty MoRiLE sheet and its config. */
export function morileTemplateSheets(presetName: string): ResultSheet[] {
  const config = MORILE_PRESETS[morilePreset(presetName)];
  const width = (h: string): number =>
    h === "Theme" ? 52 : h === "Rationale" || h === "Evidence" ? 48 : Math.max(12, h.length + 2);
  const configRows = configSheetRows(config);
  return [
    {
      name: "MoRiLE",
      columns: MORILE_TEMPLATE_HEADER.map((h) => resultColumn(h, width(h))),
      rows: TEMPLATE_THEMES.map((t) => [t]),
    },
    {
      name: MORILE_CONFIG_SHEET,
      columns: [
        resultColumn(String(configRows[0][0]), 28),
        resultColumn("", 14),
        resultColumn("", 10),
        resultColumn("", 80),
      ],
      rows: configRows.slice(1),
      rowKinds: configRows.slice(1).map((r) => (r[0] === "Factor" || r[0] === "Setting" ? "section" : "data")),
    },
  ];
}
