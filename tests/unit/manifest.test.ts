// Offline checks of the add-in manifest (the official validator posts to an online service;
// `npm run validate` runs it where there is a network).
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const production = path.join(ROOT, "dist", "web", "manifest.xml");
const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" }).parse(xml).OfficeApp;
const urls = (xml: string) => [...xml.matchAll(/(?:DefaultValue|SourceLocation)="(https?:[^"]+)"/g)].map((m) => m[1]);

describe("manifest.xml", () => {
  it("is well-formed XML for a task pane add-in in Excel", () => {
    expect(XMLValidator.validate(source)).toBe(true);
    const app = parse(source);
    expect(app["@xsi:type"]).toBe("TaskPaneApp");
    expect(app.Hosts.Host["@Name"]).toBe("Workbook");
    for (const element of [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ]) {
      expect([element, app[element] !== undefined]).toEqual([element, true]);
    }
    expect(app.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(app.DefaultLocale).toBe("en-GB");
  });

  it("asks for ReadWriteDocument and nothing broader, and states the ExcelApi set it needs", () => {
    const app = parse(source);
    expect(app.Permissions).toBe("ReadWriteDocument");
    expect(app.Requirements.Sets.Set).toMatchObject({ "@Name": "ExcelApi", "@MinVersion": "1.7" });
  });

  it("puts Compute assessment and Open CSP Assess in a group on the Home tab", () => {
    const tab = parse(source).VersionOverrides.Hosts.Host.DesktopFormFactor.ExtensionPoint.OfficeTab;
    expect(tab["@id"]).toBe("TabHome");
    const [compute, open] = tab.Group.Control;
    expect(compute.Action).toMatchObject({ "@xsi:type": "ExecuteFunction", FunctionName: "computeAssessment" });
    expect(open.Action["@xsi:type"]).toBe("ShowTaskpane");
    expect(source).toContain('DefaultValue="Compute assessment"');
    expect(source).toContain('DefaultValue="Open CSP Assess"');
  });

  it("uses only https URLs, and the production build names no localhost", () => {
    for (const url of urls(source)) expect(url).toMatch(/^https:\/\//);
    expect(existsSync(production)).toBe(true);
    const built = readFileSync(production, "utf8");
    expect(XMLValidator.validate(built)).toBe(true);
    expect(built).not.toMatch(/localhost/);
    for (const url of urls(built)) expect(url).toMatch(/^https:\/\//);
  });
});

describe("task pane pages", () => {
  it.each(["taskpane.html", "commands.html", "mapdialog.html", "notice.html"])(
    "%s carries a Content-Security-Policy that allows scripts only from itself and Office.js's CDN",
    (page) => {
      const html = readFileSync(path.join(ROOT, "dist", "web", page), "utf8");
      const csp = /http-equiv="?Content-Security-Policy"? content="([^"]+)"/.exec(html)?.[1] ?? "";
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/script-src 'self' https:\/\/appsforoffice\.microsoft\.com(;|$)/);
      expect(csp).toMatch(/connect-src 'self'/);
      expect(csp).not.toMatch(/unsafe-eval|unsafe-inline/);
    },
  );
});
