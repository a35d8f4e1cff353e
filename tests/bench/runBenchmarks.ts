// npm run bench: prints figures and ratios; never part of npm test.
import { benchAssessmentPipeline } from "./assessmentPipeline.bench";
import { benchOfficeSyncs } from "./officeSyncs.bench";
import { benchIncidents } from "./incidents.bench";
import { benchMapRender } from "./mapRender.bench";
import { benchPointInWard } from "./pointInWard.bench";
import { benchPoliceUk } from "./policeUk.bench";
import { benchWholeCommand } from "./wholeCommand.bench";

async function main(): Promise<void> {
  const only = process.argv[2];
  const benches: [string, () => Promise<void>][] = [
    ["whole", benchWholeCommand],
    ["pipeline", benchAssessmentPipeline],
    ["wards", benchPointInWard],
    ["office", benchOfficeSyncs],
    ["map", benchMapRender],
    ["incidents", benchIncidents],
    ["police-uk", benchPoliceUk],
  ];
  for (const [name, bench] of benches) {
    if (!only || only === name) await bench();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
