import { ExcelJsWorkbook } from "../adapters/exceljs";
import { MORILE_PRESETS, morileTemplateSheets } from "../core";
import { UsageError, writeFileAtomic } from "./fileOutput";
import { parseArgs } from "./parseArgs";

export const MORILE_TEMPLATE_USAGE = "csp-assess morile-template <out.xlsx> [--preset linear|escalating]";

/** `csp-assess morile-template`: a workbook with a MoRiLE sheet to fill and its config sheet. */
export async function morileTemplateCommand(args: readonly string[], log: (line: string) => void): Promise<void> {
  const { positional, options } = parseArgs(args, ["preset"]);
  if (positional.length !== 1) throw new UsageError(`usage: ${MORILE_TEMPLATE_USAGE}`);
  const preset = (options.preset ?? "linear").toLowerCase();
  if (!MORILE_PRESETS[preset]) throw new UsageError(`--preset must be one of ${Object.keys(MORILE_PRESETS).join(", ")}`);
  const port = ExcelJsWorkbook.empty();
  await port.addPlainSheets(morileTemplateSheets(preset));
  await writeFileAtomic(positional[0], await port.toBytes());
  log(`MoRiLE template written: ${positional[0]} (sheets MoRiLE and MoRiLE Config, ${MORILE_PRESETS[preset].preset} preset)`);
}
