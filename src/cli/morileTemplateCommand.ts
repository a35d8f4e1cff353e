import { WorkbookFile } from "../adapters/workbookFile";
import { DEFAULT_OPTIONS, MORILE_PRESETS, MORILE_PRESET_NAMES, morilePreset, morileTemplateSheets } from "../core";
import { type CommandArgs, type CommandSpec, COMMON_OPTIONS, checkedOption } from "./commandLine";
import { writeFileAtomic } from "./fileOutput";

export const MORILE_TEMPLATE: CommandSpec = {
  name: "morile-template",
  summary: "Write a workbook with a MoRiLE sheet to fill in and its MoRiLE Config sheet.",
  arguments: "<out.xlsx>",
  positionals: { min: 1, max: 1 },
  options: {
    preset: {
      type: "string",
      value: MORILE_PRESET_NAMES.join("|"),
      help: "the preset the config sheet starts from (default linear)",
    },
    ...COMMON_OPTIONS,
  },
};

/** `csp-assess morile-template`: a workbook with a MoRiLE sheet to fill and its config sheet. */
export async function morileTemplateCommand(args: CommandArgs, log: (line: string) => void): Promise<void> {
  const [out] = args.positional;
  const preset = checkedOption(args, "preset", morilePreset) ?? DEFAULT_OPTIONS.morilePreset;
  const port = WorkbookFile.empty();
  await port.addPlainSheets(morileTemplateSheets(preset));
  await writeFileAtomic(out, await port.toBytes());
  log(`MoRiLE template written: ${out} (sheets MoRiLE and MoRiLE Config, ${MORILE_PRESETS[preset].preset} preset)`);
}
