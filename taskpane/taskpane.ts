import type { Run } from "../src/output/runTypes";
import { byId, el } from "./dom";
import {
  excelApiSupported,
  excelRunner,
  hostedByOffice,
  loadOffice,
  MINIMUM_EXCEL_API,
  rememberChoices,
  rememberedChoices,
  selectCell,
} from "./officeHost";
import { progressText } from "../src/job/progressText";
import { renderResults } from "./renderResults";
import { pageTurn } from "./pageTurn";
import { pickedPopulation } from "./pickedFiles";
import { currentChoices, offerChoices, optionsOf, parseChoices, showChoices } from "./runChoices";
import { offerDownload, openPicked, watchPicker } from "./standaloneHost";
import { clearResults, markStale, showCurrent, watchForChanges } from "./resultsState";
import { forgetKept, keepPicked, loadKept, withKept } from "./keptInputsPane";

/** What the pane says when a run is done: where the results are, in the words of its host. */
const DONE: Record<Mode, string> = {
  office: "Done. Results are on the CSP sheets.",
  standalone: "Done. The results workbook is ready to download.",
};

type Mode = "office" | "standalone";

/** Picked files as a hint names them: a folder of one file per ward is not listed whole. */
const namesOf = (files: readonly File[]): string =>
  files.length <= 3
    ? files.map((f) => f.name).join(", ")
    : `${files.length} files (${files
        .slice(0, 2)
        .map((f) => f.name)
        .join(", ")}, …)`;

/** The boundary files picked now. */
const boundaryFiles = (): File[] => [...(byId<HTMLInputElement>("csp-boundaries").files ?? [])];

/** What the boundaries picker says when nothing is picked. */
const NO_BOUNDARIES = "None chosen: no ward map, except for the sample, which comes with Maidstone's wards (ONS).";

/** The last run, the boundaries it used and the file it came from, for the map and the report. */
let last: {
  run: Run;
  boundaries: import("../geo").WardBoundaries | null;
  name?: string;
} | null = null;
/** The map drawn for the last run, taken down before the next run or map. */
let shownMap: { remove(): void } | null = null;

/** Takes down the map of an earlier run, so a new run never shows stale wards, and offers the map again. */
function closeMap(): void {
  shownMap?.remove();
  shownMap = null;
  byId("csp-map-open").hidden = false;
}

function notice(text: string, kind: "error" | "info" = "error"): void {
  const box = byId("csp-notice");
  box.textContent = text;
  box.className = `csp-notice csp-notice-${kind}`;
  box.hidden = false;
}

/** A home area typed in the pane that the data do not name: said as the command line says it, with the nearest as choices. */
async function checkHomeArea(run: Run, homeArea: string): Promise<void> {
  const { unmatchedHomeArea, unmatchedHomeAreaWords } = await import(
    /* webpackChunkName: "job" */ "../src/core/homeArea"
  );
  const unmatched = unmatchedHomeArea({ ...run.assessment, homeArea: { name: homeArea, source: "option" } });
  if (unmatched)
    unmatchedNotice(`Home area ${unmatchedHomeAreaWords(unmatched)}. Choose one and compute again:`, unmatched.nearest);
}

/**
 * A home area that is none of the data's areas, said as the command line says it, with the
 * nearest areas as choices: choosing one puts it in the field, ready for the next run.
 */
function unmatchedNotice(text: string, nearest: readonly string[]): void {
  notice(text);
  const box = byId("csp-notice");
  for (const name of nearest) {
    const choice = el("button", { className: "csp-choice", text: name, attrs: { type: "button" } });
    choice.addEventListener("click", () => {
      byId<HTMLInputElement>("csp-home-area").value = name;
      byId<HTMLInputElement>("csp-home-area").focus();
    });
    box.append(" ", choice);
  }
}

// The standalone page has no workbook to keep settings in: the browser remembers the choices.
const CHOICES_KEY = "csp-assess-choices";
// Where earlier versions kept the home area alone; still read.
const HOME_AREA_KEY = "csp-assess-home-area";

/** The choices kept for next time: in the workbook inside Office, in this browser otherwise. */
function remembered(mode: Mode): string {
  if (mode === "office") return rememberedChoices();
  const area = window.localStorage.getItem(HOME_AREA_KEY);
  return window.localStorage.getItem(CHOICES_KEY) ?? (area ? JSON.stringify({ homeArea: area }) : "");
}

/** Keeps the choices for next time, where `remembered` finds them. */
async function remember(mode: Mode, json: string): Promise<void> {
  if (mode === "office") {
    if (json !== rememberedChoices())
      await rememberChoices(json).catch((e: Error) =>
        notice(`Your choices could not be saved in the workbook: ${e.message}`),
      );
  } else {
    window.localStorage.setItem(CHOICES_KEY, json);
    window.localStorage.removeItem(HOME_AREA_KEY);
  }
}

/** What one run is given, whichever host runs it. */
interface RunInputs {
  readonly options: ReturnType<typeof optionsOf>;
  readonly onProgress: (step: Parameters<typeof progressText>[0]) => void;
  readonly boundaries: import("../geo").WardBoundaries | null;
  readonly population: import("../src/core/population/wardPopulation").PopulationTable | null;
}

/** The job's own modules, not its index: the index also carries the draft report (docx), loaded only when asked for. */
const jobModules = () =>
  Promise.all([
    import(/* webpackChunkName: "job" */ "../src/job/runAssessment"),
    import(/* webpackChunkName: "job" */ "../src/job/runIncidents"),
  ]).then(([assessment, incidents]) => ({ ...assessment, ...incidents }));

/** In Excel: the open workbook computed, its result sheets written into it. */
async function computeInExcel(inputs: RunInputs): Promise<NonNullable<typeof last>> {
  const [{ runAssessment }, { OfficeWorkbook }] = await Promise.all([
    jobModules(),
    import(/* webpackChunkName: "office-adapter" */ "../src/adapters/office"),
  ]);
  const { options, onProgress, boundaries, population } = inputs;
  const run = await runAssessment(new OfficeWorkbook(excelRunner), {
    ...options,
    onProgress,
    pause: pageTurn,
    boundaries,
    population,
    source: "This workbook",
  });
  renderResults(
    run,
    (cell) => void selectCell(cell).catch((e: Error) => notice(`Could not select ${cell}: ${e.message}`)),
    "office",
  );
  return { run, boundaries };
}

/** On the standalone page: the picked file (or the sample) computed, its results offered for download. */
async function computeStandalone(inputs: RunInputs): Promise<NonNullable<typeof last>> {
  const [{ runAssessment, runIncidents }, picked] = await Promise.all([jobModules(), openPicked()]);
  const { options, onProgress, boundaries, population } = inputs;
  if (picked.kind === "extract") {
    // An extract has no workbook of its own: its result sheets go into a new one.
    // The home area places the borough among its force's districts, as --area does.
    const run = await runIncidents(picked.port, { ...options, onProgress, boundaries, population });
    renderResults(run, null, "standalone");
    const { WorkbookFile } = await import(/* webpackChunkName: "workbook-file" */ "../src/adapters/workbookFile");
    const results = WorkbookFile.empty();
    await results.writeResultSheets(run.sheets);
    await offerDownload(results, picked.name);
    return { run, boundaries, name: picked.name };
  }
  const run = await runAssessment(picked.port, {
    ...options,
    onProgress,
    pause: pageTurn,
    boundaries,
    population,
    source: picked.name,
  });
  renderResults(run, null, "standalone");
  await offerDownload(picked.port, picked.name);
  // A fallback to ExcelJS, or a damaged part left out, is said here as well as in the findings.
  if (picked.port.notes.length > 0) notice(`${picked.name}: ${picked.port.notes.join("; ")}.`, "info");
  return { run, boundaries, name: picked.name };
}

async function compute(mode: Mode): Promise<void> {
  const button = byId<HTMLButtonElement>("csp-compute");
  const progress = byId("csp-progress");
  button.disabled = true;
  byId("csp-notice").hidden = true;
  closeMap();
  try {
    progress.textContent = "Loading…";
    const populationFiles = [...(byId<HTMLInputElement>("csp-population").files ?? [])];
    // The sample is the standalone page's workbook when none is picked; only it has wards of its own.
    const sample = mode === "standalone" && (byId<HTMLInputElement>("csp-workbook").files?.length ?? 0) === 0;
    const choices = currentChoices();
    const options = optionsOf(choices);
    await remember(mode, JSON.stringify(choices));
    const [picked, pickedPeople] = await Promise.all([
      import(/* webpackChunkName: "job" */ "./boundariesAsset").then((m) => m.chosenBoundaries(sample)),
      populationFiles.length > 0 ? pickedPopulation(populationFiles) : null,
    ]);
    const onProgress = (step: Parameters<typeof progressText>[0]): void => {
      progress.textContent = progressText(step);
    };
    if (mode === "office") {
      // In Excel, files kept with the workbook serve when none are picked, and picked ones are kept.
      last = await computeInExcel({ options, onProgress, ...withKept(picked, pickedPeople) });
      await keepPicked(picked ? { name: namesOf(boundaryFiles()), value: picked } : null, pickedPeople).catch(
        (e: Error) => notice(`The files you picked could not be kept with the workbook: ${e.message}`, "info"),
      );
    } else {
      last = await computeStandalone({ options, onProgress, boundaries: picked, population: pickedPeople });
    }
    progress.textContent = DONE[mode];
    // An extract is named by what it holds (a force and its months), a workbook by its file.
    showCurrent(last.run.extract?.analysis.source ?? last.name ?? "this workbook", new Date());
    if (options.homeArea) await checkHomeArea(last.run, options.homeArea);
  } catch (error) {
    // Nothing of an earlier run stays on show, or offered for download, after a failed one.
    last = null;
    clearResults();
    progress.textContent = "";
    notice((error as Error).message);
  } finally {
    button.disabled = false;
  }
}

/** The draft Strategic Assessment (.docx) of the last run, delivered as the host allows. */
async function draftReport(mode: Mode): Promise<void> {
  if (!last) return;
  const button = byId<HTMLButtonElement>("csp-report");
  button.disabled = true;
  const progress = byId("csp-progress");
  try {
    const { reportDelivery, canvasRasterise, downloadReport } = await import(
      /* webpackChunkName: "report" */ "./draftReportButton"
    );
    if (reportDelivery(mode) === "unsupported") {
      notice(
        "This version of Excel cannot save a file from an add-in. Draft the report on the standalone page (npm run demo) or with csp-assess compute --report.",
        "info",
      );
      return;
    }
    progress.textContent = "Writing the draft report…";
    const { runReport } = await import(/* webpackChunkName: "report" */ "../src/output/report");
    const bytes = await runReport({ ...last.run, boundaries: last.boundaries }, canvasRasterise, {
      source: last.name,
      partnership: currentChoices().partnership || null,
    });
    downloadReport(bytes, `${(last.name ?? "workbook").replace(/\.[^.]+$/, "")} draft strategic assessment.docx`);
    progress.textContent = "The draft report is downloading.";
  } catch (error) {
    progress.textContent = "";
    notice(`The draft report could not be written: ${(error as Error).message}`);
  } finally {
    button.disabled = false;
  }
}

async function showMap(mode: Mode): Promise<void> {
  if (!last?.boundaries) {
    notice(
      "No ward boundaries were given, so there is no map: choose your wards' boundary files under Ward boundaries and compute again.",
    );
    return;
  }
  const button = byId<HTMLButtonElement>("csp-map-open");
  button.disabled = true;
  try {
    const [{ openMap }, { insertMapImage }] = await Promise.all([
      import(/* webpackChunkName: "map" */ "./map/openMap"),
      import(/* webpackChunkName: "map" */ "./mapImage"),
    ]);
    const insertImage =
      mode === "office"
        ? (png: string) =>
            insertMapImage(png).then(
              (where) => notice(where, "info"),
              (e: Error) => notice(e.message),
            )
        : null;
    closeMap();
    shownMap = await openMap(byId("csp-map-root"), last.boundaries, last.run.wards, {
      insertImage,
      dialog: mode === "office",
      onError: (m) => notice(m),
    });
    button.hidden = true;
  } catch (error) {
    notice(`The map could not be drawn: ${(error as Error).message}`);
  } finally {
    button.disabled = false;
  }
}

async function start(): Promise<void> {
  let mode: Mode = "standalone";
  if (hostedByOffice()) {
    const office = await loadOffice();
    if (office?.host === "Excel") {
      if (!excelApiSupported()) {
        notice(
          `CSP Assess needs Excel with ExcelApi ${MINIMUM_EXCEL_API} or later (Excel 2019, Excel 2021, Microsoft 365 or Excel on the web). This version of Excel is older.`,
        );
        byId<HTMLButtonElement>("csp-compute").disabled = true;
        return;
      }
      mode = "office";
    } else {
      notice(
        "Office could not be reached, so CSP Assess runs as a standalone page: pick a workbook file below.",
        "info",
      );
    }
  }
  document.body.dataset.mode = mode;
  byId("csp-source").hidden = mode !== "standalone";
  offerChoices();
  showChoices(parseChoices(remembered(mode)));
  if (mode === "standalone") watchPicker();
  else {
    // The files kept with this workbook, said now and used when none are picked.
    void loadKept().then(
      (problems) => problems.forEach((p) => notice(`${p[0].toUpperCase()}${p.slice(1)}.`, "info")),
      (e: Error) => notice(`The files kept with this workbook could not be read: ${e.message}`, "info"),
    );
    byId("csp-kept-clear").addEventListener("click", () => {
      forgetKept().then(markStale, (e: Error) => notice(`The kept files could not be forgotten: ${e.message}`));
    });
  }
  watchForChanges([
    "csp-workbook",
    "csp-home-area",
    "csp-partnership",
    "csp-window",
    "csp-morile-preset",
    "csp-population",
    "csp-boundaries",
  ]);
  const boundaries = byId<HTMLInputElement>("csp-boundaries");
  const population = byId<HTMLInputElement>("csp-population");
  population.addEventListener("change", () => {
    const files = [...(population.files ?? [])];
    byId("csp-population-hint").textContent =
      files.length > 0
        ? `Selected: ${namesOf(files)}`
        : "None chosen: the workbook's Population sheet is used, if it has one.";
  });
  boundaries.addEventListener("change", () => {
    const files = [...(boundaries.files ?? [])];
    byId("csp-boundaries-hint").textContent =
      files.length > 0
        ? `Selected: ${namesOf(files)} (their attribution is yours to add to any map you publish)`
        : NO_BOUNDARIES;
  });
  byId("csp-compute").addEventListener("click", () => void compute(mode));
  byId("csp-map-open").addEventListener("click", () => void showMap(mode));
  byId("csp-report").addEventListener("click", () => void draftReport(mode));
  const toggle = byId<HTMLButtonElement>("csp-headlines-toggle");
  toggle.addEventListener("click", () => {
    const folded = byId("csp-headlines").classList.toggle("csp-folded");
    toggle.setAttribute("aria-expanded", String(!folded));
    toggle.textContent = folded ? "Show all headlines" : "Fold the headlines";
  });
}

void start();
