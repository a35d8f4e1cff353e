import { insertMapImage } from "../../../taskpane/mapImage";

/** Minimal Office and Excel globals: enough for the map-image insert, recording what it does. */
function fakeOffice(supports19: boolean, existing: boolean) {
  const calls: string[] = [];
  const sheet = {
    isNullObject: !existing,
    shapes: {
      addImage: (base64: string) => {
        calls.push(`addImage:${base64.length}`);
        return { left: 0, top: 0 };
      },
    },
    activate: () => calls.push("activate"),
  };
  const context = {
    workbook: {
      worksheets: {
        getItemOrNullObject: (name: string) => {
          calls.push(`get:${name}`);
          return sheet;
        },
        add: (name: string) => {
          calls.push(`add:${name}`);
          return { ...sheet, isNullObject: false };
        },
      },
      names: { add: (name: string, reference: string) => calls.push(`name:${name}=${reference}`) },
    },
    sync: async () => {
      calls.push("sync");
    },
  };
  Object.assign(globalThis, {
    Office: {
      context: {
        requirements: {
          isSetSupported: (set: string, version: string) => set === "ExcelApi" && (version !== "1.9" || supports19),
        },
      },
    },
    Excel: { run: (batch: (c: typeof context) => Promise<unknown>) => batch(context) },
  });
  return calls;
}

describe("insertMapImage", () => {
  it("puts the map on a CSP Map sheet it marks as a result sheet", async () => {
    const calls = fakeOffice(true, false);
    await expect(insertMapImage("iVBORw0KGgo=")).resolves.toBe("The map is on the CSP Map sheet.");
    expect(calls).toEqual([
      "get:CSP Map",
      "sync",
      "add:CSP Map",
      "name:CSPAssess_Map=='CSP Map'!$A$1",
      "addImage:12",
      "activate",
      "sync",
    ]);
  });

  it("adds to the existing CSP Map sheet on a second insert", async () => {
    const calls = fakeOffice(true, true);
    await insertMapImage("iVBORw0KGgo=");
    expect(calls.filter((c) => c.startsWith("add:") || c.startsWith("name:"))).toEqual([]);
  });

  it("says what is needed on an Excel without the shapes API (ExcelApi 1.9)", async () => {
    fakeOffice(false, false);
    await expect(insertMapImage("x")).rejects.toThrow(/needs ExcelApi 1\.9/);
  });
});
