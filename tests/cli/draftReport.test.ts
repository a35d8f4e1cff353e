// The draft Strategic Assessment from the command line, opened in LibreOffice Writer as a
// reader of the report would open it.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { runCli } from "../helpers/cli";
import { SAMPLE, SAMPLE_WARDS } from "../helpers/sample";
import { documentText } from "../helpers/spreadsheetApp";

let dir: string;
beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-report-"));
});
afterAll(() => fs.rm(dir, { recursive: true, force: true }));

const media = (docx: Uint8Array): string[] =>
  Object.keys(unzipSync(docx)).filter((p) => /^word\/media\/.+\.png$/.test(p));

const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'" };
const unescape = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (e) => ENTITIES[e]);

/** The document's paragraphs as Word holds them: style, text and the alt text of any picture. */
function paragraphs(xml: string): { style: string; text: string; alt: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? "",
    text: unescape([...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("")),
    alt: /<wp:docPr [^>]*descr="([^"]*)"/.exec(p)?.[1] ?? "",
  }));
}

/** The paragraphs from a Heading 1 to the next one. */
function chapter(all: ReturnType<typeof paragraphs>, heading: string): ReturnType<typeof paragraphs> {
  const start = all.findIndex((p) => p.style === "Heading1" && p.text === heading);
  if (start < 0) throw new Error(`no chapter "${heading}"`);
  const end = all.findIndex((p, i) => i > start && p.style === "Heading1");
  return all.slice(start, end < 0 ? undefined : end);
}

describe("csp-assess compute --report", () => {
  it("writes the sample's draft: title page, key changes, themes in MoRiLE order, maps, ranking, findings and sources", async () => {
    const report = path.join(dir, "sample.docx");
    const result = await runCli(
      "compute",
      SAMPLE,
      ...SAMPLE_WARDS,
      "--out",
      path.join(dir, "o.xlsx"),
      "--report",
      report,
      "--area",
      "Maidstone",
      "--date",
      "2020-03-31",
    );
    expect(result.err).toEqual([]);
    expect(result.out).toContain(`Draft report: ${report}`);
    const text = await documentText(report);
    expect(text).toContain("Maidstone Community Safety Partnership");
    expect(text).toContain("Drafted 31/03/2020.");
    const keyChanges = text.indexOf("Key changes");
    expect(keyChanges).toBeGreaterThan(0);
    expect(text).toContain("Drug offences rose by 23.9%, from 318 to 394 (+76)");
    // Priorities in rank order, each after the key changes.
    const first = text.indexOf("Priority 1: Domestic abuse (incl. stalking)");
    const second = text.indexOf("Priority 2: Serious, violent and organised crime");
    expect(first).toBeGreaterThan(keyChanges);
    expect(second).toBeGreaterThan(first);
    expect(text).toMatch(/MoRiLE ranking \(Linear preset\)/);
    expect(text).toMatch(/Gi\* hotspots at 95%: Bridge, East, High Street, North\./);
    expect(text).toContain("Appendix C: Audit findings");
    expect(text).toContain("TOTAL (2018-19) states 35 but the 16 rows it totals sum to 34");
    expect(text).toContain("Open Government Licence");
    expect(text).not.toMatch(/NaN|undefined|Infinity/);
    const bytes = new Uint8Array(await fs.readFile(report));
    expect(media(bytes).length).toBeGreaterThanOrEqual(1);
  }, 180000);

  it("is a Strategic Assessment: contents, page numbers, summary, priorities, each priority's own evidence, whole tables, charts and labelled maps", async () => {
    const report = path.join(dir, "sample.docx");
    const parts = unzipSync(new Uint8Array(await fs.readFile(report)));
    const xml = new TextDecoder().decode(parts["word/document.xml"]);
    const all = paragraphs(xml);
    // A contents field Word and LibreOffice update, and the page number in the footer.
    expect(xml).toMatch(/<w:instrText[^>]*>TOC \\h \\o &quot;1-2&quot;<\/w:instrText>/);
    const footers = Object.keys(parts).filter((p) => /^word\/footer\d*\.xml$/.test(p));
    expect(footers.map((f) => new TextDecoder().decode(parts[f])).join("")).toMatch(/PAGE/);
    // The title page names the partnership, the assessment's year and the data's period.
    expect(all.slice(0, 4).map((p) => p.text)).toEqual([
      "Maidstone Community Safety Partnership",
      "Strategic Assessment 2020-21",
      "Data November 2018 to October 2019.",
      "Drafted 31/03/2020.",
    ]);
    // The skeleton, in the order partnerships write it.
    const headings = all.filter((p) => p.style === "Heading1").map((p) => p.text);
    const order = [
      "Executive summary",
      "Aim, background and methodology",
      "Priorities for the coming year",
      "Priority 1: Domestic abuse (incl. stalking)",
      "Priority 5: Substance misuse",
      "Police recorded crime and anti-social behaviour",
      "Other themes and evidence",
      "Community views",
      "Conclusions and recommendations",
      "Appendix A: MoRiLE ranking",
      "Appendix B: Demographics",
    ];
    expect(order.map((h) => headings.indexOf(h))).toEqual(
      [...order.map((h) => headings.indexOf(h))].sort((a, b) => a - b),
    );
    expect(order.every((h) => headings.includes(h))).toBe(true);
    // The executive summary: all crime first, with where it comes from.
    const summary = chapter(all, "Executive summary").map((p) => p.text);
    expect(summary).toContain(
      "All crime fell by 1.7%, from 17,244 to 16,947 (-297); a fall of 297 is within normal year-to-year variation (p = 0.11). ('Police crime'!A2:D5)",
    );
    // Domestic abuse holds domestic abuse's evidence only, with its shares of all and violent crime.
    const da = chapter(all, "Priority 1: Domestic abuse (incl. stalking)")
      .map((p) => p.text)
      .join("\n");
    expect(da).toContain("Domestic abuse was 16.0% of all crime and 32.0% of violent crime");
    expect(da).toContain("MARAC cases");
    expect(da).toContain("Christmas Day");
    for (const other of ["Section 136", "IOM cohort", "PSPO", "Youth offences", "Mental health referrals"])
      expect([other, da.includes(other)]).toEqual([other, false]);
    expect(
      chapter(all, "Priority 4: Mental health vulnerability")
        .map((p) => p.text)
        .join("\n"),
    ).toContain("Section 136 detentions");
    // Every ward table whole: the 26th ward (North Downs) of the domestic abuse table is there.
    expect(da.match(/North Downs/g)?.length).toBeGreaterThanOrEqual(2);
    expect(xml).not.toContain("The CSP Tables sheet has");
    // No heading or table caption is a cell reference.
    const titles = all.filter((p) => /^Heading/.test(p.style) || /<w:b\/>/.test(p.text)).map((p) => p.text);
    for (const t of [...titles, ...headings]) expect(t).not.toMatch(/'[^']*'![A-Z]+\d|![A-Z]+\d+:[A-Z]+\d+/);
    // The two charts of change, the month line and the maps, each with its alt text.
    const alts = all.map((p) => p.alt).filter(Boolean);
    expect(alts.some((a) => /^Change in number by type/.test(a))).toBe(true);
    expect(alts.some((a) => /^Percentage change by type/.test(a))).toBe(true);
    expect(alts.some((a) => /month by month, .* Unusual months: February 2020 \(below\)/.test(a))).toBe(true);
    expect(alts.filter((a) => /Gi\* hotspots? at 95%|No ward is a Gi\* hotspot/.test(a)).length).toBe(6);
    // The population table summarised in age bands, not printed with its 91 columns.
    const demographics = chapter(all, "Appendix B: Demographics").map((p) => p.text);
    expect(demographics).toContain("65 and over");
    expect(xml).not.toMatch(/<w:t[^>]*>89<\/w:t>/);
    // What only a person can write is marked for the analyst.
    expect(chapter(all, "Conclusions and recommendations").some((p) => p.text.startsWith("[Analyst:"))).toBe(true);
  });

  it("gives the same document for the same workbook, dated by --date, never the clock", async () => {
    const a = path.join(dir, "a.docx");
    const b = path.join(dir, "b.docx");
    // In one process, as a long-lived pane would: nothing carries over from one report to the next.
    expect((await runCli("compute", SAMPLE, "--report", a, "--date", "2020-03-31")).code).toBe(0);
    expect((await runCli("compute", SAMPLE, "--report", b, "--date", "2020-03-31")).code).toBe(0);
    expect(Buffer.compare(await fs.readFile(a), await fs.readFile(b))).toBe(0);
    const core = new TextDecoder().decode(unzipSync(new Uint8Array(await fs.readFile(a)))["docProps/core.xml"]);
    expect(core).toContain("2020-03-31T00:00:00Z");
    expect((await runCli("compute", SAMPLE, "--report", a, "--date", "2020-02-30")).err).toEqual([
      'csp-assess: --date must be a real day written YYYY-MM-DD (not "2020-02-30")',
    ]);
  }, 120000);

  it("leaves out what a workbook without MoRiLE or ward data cannot give, with no empty headings", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook
      .addWorksheet("Crime")
      .addRows([
        ["Police recorded crime"],
        ["Crime type", "2018/19", "2019/20"],
        ["Burglary", 420, 380],
        ["Robbery", 60, 75],
        ["Total", 480, 455],
      ]);
    const input = path.join(dir, "plain.xlsx");
    await workbook.xlsx.writeFile(input);
    const report = path.join(dir, "plain.docx");
    const plain = await runCli("compute", input, "--report", report);
    expect(plain.err).toEqual([]);
    const text = await documentText(report);
    expect(text).toContain("Key changes");
    expect(text).toContain("Police recorded crime");
    expect(text).toContain("Robbery rose by 25.0%, from 60 to 75 (+15)");
    for (const absent of [
      "MoRiLE ranking",
      "Gi* hotspot",
      "Other themes and evidence",
      "Audit findings",
      "Demographics",
    ])
      expect(text).not.toContain(absent);
    // Without MoRiLE, the priorities are the analyst's to write, and the report says so.
    expect(text).toContain("[Analyst: no MoRiLE sheet was found");
    expect(media(new Uint8Array(await fs.readFile(report)))).toEqual([]);
    // Every heading has something under it.
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    for (const heading of ["Key changes", "Police recorded crime and anti-social behaviour", "Appendix B: Sources"]) {
      const at = lines.indexOf(heading);
      expect([heading, at >= 0 && at + 1 < lines.length]).toEqual([heading, true]);
    }
    // A typed total of crime types is the partnership's all crime, and leads.
    expect(text).toMatch(/Key changes\s+\S\s+Police recorded crime \(total\) fell by 5\.2%, from 480 to 455/);
    // The title page names the partnership as given: by --partnership, else a Settings sheet.
    const named = path.join(dir, "named.docx");
    expect((await runCli("compute", input, "--report", named, "--partnership", "Safer Ashvale")).err).toEqual([]);
    expect((await documentText(named)).split(/\r?\n/)[0].replace(/^\uFEFF/, "")).toBe("Safer Ashvale");
    workbook.addWorksheet("Settings").addRows([["Partnership", "Community Safety Ashvale"]]);
    await workbook.xlsx.writeFile(input);
    expect((await runCli("compute", input, "--report", named)).err).toEqual([]);
    expect(await documentText(named)).toContain("the members of Community Safety Ashvale the levels");
  }, 120000);
});
