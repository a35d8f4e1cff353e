// A stand-in for office.js, served to Chromium in place of Microsoft's script so the browser tests
// drive the built pages as Office runs them: the pane, the ribbon's command page and the dialogs.
// It implements the surface the add-in uses, with Office's rules where a wrong use would pass
// unseen otherwise: Excel.run over the recording fake (load before sync, 5 MB requests),
// document settings kept only once saved, requirement sets as the test's host declares them,
// dialogs as iframes that talk to their opener by messages of at most 64 kB (Excel on the web).
// The test gives the workbook and the host in `window.__officeState` before the page loads and
// reads what the add-in left through `window.__officeHost.state()`.
import { FakeExcel } from "./fakeExcel";
import type { HostState } from "./hostState";

/** Excel on the web's limit on one dialog message, either way. */
const DIALOG_MESSAGE_BYTES = 64 * 1024;

type Handler = (arg: { message?: string; error?: number }) => void;
interface Completable {
  completed(): void;
}

const win = window as unknown as {
  __officeState?: HostState;
  __officeHost?: unknown;
  Office?: unknown;
  Excel?: unknown;
  parent: Window & { __officeHost?: { dialogState(): HostState } };
};

/** In a dialog the opener's host is the host: its requirement sets and platform. */
const opener = win.parent !== (window as unknown as Window) ? win.parent.__officeHost : undefined;
const state: HostState = opener?.dialogState() ??
  win.__officeState ?? { sheets: [], names: [], settings: {}, customXml: [], requirements: { ExcelApi: "1.7" } };

const excel = new FakeExcel({ requestLimitBytes: 5_000_000, responseLimitBytes: 5_000_000 });
for (const sheet of state.sheets) excel.addSheet(sheet.name, sheet.values, sheet.formats);
excel.names.push(...state.names);
excel.customXml.push(...state.customXml);

// Office keeps a setting for the document only when saveAsync succeeds.
let saved: Record<string, unknown> = { ...state.settings };
const pending: Record<string, unknown> = { ...state.settings };

const versionAtLeast = (have: string, want: string): boolean => {
  const [a, b] = [have.split(".").map(Number), want.split(".").map(Number)];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1)
    if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

const actions = new Map<string, (event: Completable) => unknown>();
const dialogs: { url: string; toChild: string[]; toParent: string[] }[] = [];
const parentHandlers: Handler[] = [];

const bytesOf = (text: string): number => new TextEncoder().encode(text).length;

function openDialog(
  url: string,
  callback?: (result: { status: string; value: unknown; error?: { code: number; message: string } }) => void,
): void {
  const frame = document.createElement("iframe");
  frame.src = url;
  frame.title = "Office dialog";
  frame.className = "office-standin-dialog";
  frame.style.cssText =
    "position:fixed;inset:2%;width:96%;height:96%;background:#fff;border:2px solid #444;z-index:9999";
  const record = { url, toChild: [] as string[], toParent: [] as string[] };
  dialogs.push(record);
  const handlers: Handler[] = [];
  window.addEventListener("message", (event) => {
    if (event.source !== frame.contentWindow) return;
    const data = event.data as { officeDialog?: string; message?: string };
    if (data.officeDialog !== "toParent" || typeof data.message !== "string") return;
    record.toParent.push(data.message);
    for (const h of handlers) h({ message: data.message });
  });
  document.body.append(frame);
  const dialog = {
    addEventHandler: (_type: string, handler: Handler) => handlers.push(handler),
    messageChild: (message: string) => {
      if (bytesOf(message) > DIALOG_MESSAGE_BYTES)
        throw new Error(`messageChild: ${bytesOf(message)} bytes is over Excel on the web's 64 kB`);
      record.toChild.push(message);
      frame.contentWindow?.postMessage({ officeDialog: "toChild", message }, "*");
    },
    close: () => frame.remove(),
  };
  callback?.({ status: "succeeded", value: dialog });
}

window.addEventListener("message", (event) => {
  const data = event.data as { officeDialog?: string; message?: string };
  if (event.source !== win.parent || data.officeDialog !== "toChild") return;
  for (const h of parentHandlers) h({ message: data.message });
});

const Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  EventType: {
    DialogMessageReceived: "dialogMessageReceived",
    DialogEventReceived: "dialogEventReceived",
    DialogParentMessageReceived: "dialogParentMessageReceived",
  },
  onReady(callback?: (info: { host: string; platform: string }) => void) {
    const info = { host: "Excel", platform: state.platform ?? "OfficeOnline" };
    return new Promise((resolve) =>
      setTimeout(() => {
        callback?.(info);
        resolve(info);
      }, 0),
    );
  },
  context: {
    diagnostics: { platform: state.platform ?? "OfficeOnline" },
    requirements: {
      isSetSupported: (name: string, version = "1.1") => {
        const have = state.requirements[name];
        return have !== undefined && versionAtLeast(have, version);
      },
    },
    document: {
      settings: {
        get: (name: string) => (name in pending ? pending[name] : null),
        set: (name: string, value: unknown) => {
          pending[name] = value;
        },
        remove: (name: string) => {
          delete pending[name];
        },
        saveAsync: (callback?: (result: { status: string }) => void) => {
          saved = { ...pending };
          setTimeout(() => callback?.({ status: "succeeded" }), 0);
        },
      },
    },
    ui: {
      displayDialogAsync: (url: string, _options: unknown, callback?: Parameters<typeof openDialog>[1]) =>
        openDialog(url, callback),
      messageParent: (message: string) => {
        if (bytesOf(message) > DIALOG_MESSAGE_BYTES)
          throw new Error(`messageParent: ${bytesOf(message)} bytes is over Excel on the web's 64 kB`);
        win.parent.postMessage({ officeDialog: "toParent", message }, "*");
      },
      addHandlerAsync: (_type: string, handler: Handler, callback?: (result: { status: string }) => void) => {
        parentHandlers.push(handler);
        callback?.({ status: "succeeded" });
      },
    },
  },
  actions: {
    associate: (id: string, action: (event: Completable) => unknown) => actions.set(id, action),
  },
};

win.Office = Office;
win.Excel = { run: excel.run };
win.__officeHost = {
  /** What the add-in left: the workbook, the saved settings, custom XML parts and the dialogs opened. */
  state: (): HostState & { dialogs: typeof dialogs } => ({
    sheets: excel.sheets.map((s) => ({ name: s.name, values: s.values, formats: s.formats })),
    names: excel.names,
    settings: saved,
    customXml: excel.customXml,
    requirements: state.requirements,
    platform: state.platform,
    dialogs,
  }),
  /** The host a dialog opened from this page sees. */
  dialogState: (): HostState => ({ ...state, sheets: [], names: [], customXml: [] }),
  /** Runs a ribbon command as Office does, resolving when it calls `event.completed()`. */
  invoke: (id: string): Promise<void> =>
    new Promise((resolve, reject) => {
      const action = actions.get(id);
      if (!action) reject(new Error(`no function is associated with ${id}`));
      else void action({ completed: resolve });
    }),
};
