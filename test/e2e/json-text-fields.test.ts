// Form fields whose example is an object's JSON text, as a collection converted from a JSON API
// writes them (Zoom's "Update Zoom Room account profile": `basic` = `{"support_email":…}`): the
// argument takes the text as before, or the object, which the client sends as its JSON text, the
// very part newman sends for the example. Its type is inferred from the example, never stricter
// than the text (every key optional, a key seen as null is not typed null).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runNewman } from "../helpers/newman.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitTarget, loadTarget } from "../../src/generate.js";
import type { RecordedRequest } from "../../src/testkit/recording-server.js";
import { writePackage } from "../../src/write/write-package.js";
import { appTypeErrors, strictConsumerOptions } from "../helpers/consumer-options.js";
import { useRecordingServer } from "../helpers/recording.js";

const OUT = mkdtempSync(join(tmpdir(), "postman-codegen-json-text-"));
const PKG = join(OUT, "rooms");

const BASIC = { support_email: "help@example.com", room_passcode: null, limits: { seats: 8 }, tags: ["a"] };
const SETTINGS = { upcoming_meeting_alert: true };

const form = (mode: "formdata" | "urlencoded", fields: Array<{ key: string; value: string }>) => ({
  mode,
  [mode]: fields.map((f) => ({ ...f, type: "text" })),
});

const COLLECTION = {
  info: { name: "Rooms", schema: "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" },
  variable: [{ key: "baseUrl", value: "https://api.example.com" }],
  item: [
    {
      name: "Update profile",
      request: {
        method: "PATCH",
        body: form("formdata", [
          { key: "basic", value: JSON.stringify(BASIC) },
          { key: "name", value: "Room 1" },
          { key: "structures", value: '["floor","room"]' },
          { key: "count", value: "7" },
        ]),
        url: { raw: "{{baseUrl}}/rooms/profile", host: ["{{baseUrl}}"], path: ["rooms", "profile"] },
      },
    },
    {
      name: "Update settings",
      request: {
        method: "PATCH",
        body: form("urlencoded", [{ key: "zoom_rooms", value: JSON.stringify(SETTINGS) }]),
        url: { raw: "{{baseUrl}}/rooms/settings", host: ["{{baseUrl}}"], path: ["rooms", "settings"] },
      },
    },
  ],
};

const server = useRecordingServer({ resetEach: false });
let collection: string;
let files: Map<string, string>;
beforeAll(async () => {
  collection = join(OUT, "rooms.postman_collection.json");
  writeFileSync(collection, JSON.stringify(COLLECTION));
  const emitted = await emitTarget({ collection, out: PKG, name: "rooms" }, { cache: false });
  files = new Map(emitted.files);
  await writePackage(PKG, emitted.files);
}, 120_000);
afterAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
});

/** What a request carried, as busboy parsed it. */
const fieldsOf = (r: RecordedRequest) => ({ type: String(r.headers["content-type"]).split(";")[0], fields: r.fields });

describe("form fields of JSON text", () => {
  it("are read as such only where the example is an object's JSON: not a list's, not a scalar's", async () => {
    const model = await loadTarget({ collection, out: "", name: "rooms" });
    const types = model.operations.map((op) => op.args.map((a) => [a.arg, a.type ?? "text"]));
    expect(types).toEqual([
      [
        ["basic", "jsonText"],
        ["name", "text"],
        ["structures", "text"],
        ["count", "text"],
      ],
      [["zoom_rooms", "jsonText"]],
    ]);
  });

  it("take the text or the object, typed from the example with every key optional and null not typed null", () => {
    const client = files.get("src/client.ts")!;
    expect(client).toContain(
      "  basic?:\n    | Text\n    | Text[]\n    | {\n        support_email?: string | undefined;\n        room_passcode?: unknown;\n        limits?: { seats?: number | undefined } | undefined;\n        tags?: string[] | undefined;\n      }\n    | undefined;",
    );
    expect(client).toContain("  structures?: Text | Text[] | undefined;");
    expect(client).toContain(
      "  zoom_rooms?: Text | Text[] | { upcoming_meeting_alert?: boolean | undefined } | undefined;",
    );
    expect(client).toContain("`JSON.stringify(value)`");
  });

  it("send an object as the JSON text newman sends for the example, multipart and urlencoded", async () => {
    await runNewman(COLLECTION, { baseUrl: server.url });
    const { createClient } = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
      createClient(options: object): Record<string, (args?: object) => Promise<unknown>>;
    };
    const client = createClient({ baseUrl: server.url, maxRetries: 0 });
    const example = { name: "Room 1", structures: '["floor","room"]', count: 7 };
    await client["updateProfile"]!({ basic: BASIC, ...example });
    await client["updateSettings"]!({ zoom_rooms: SETTINGS });
    // The text itself still goes as it is.
    await client["updateProfile"]!({ basic: JSON.stringify(BASIC), ...example });
    const [newmanProfile, newmanSettings, profile, settings, text] = server.requests.map(fieldsOf);
    expect(newmanProfile!.type).toBe("multipart/form-data");
    expect(newmanProfile!.fields[0]).toEqual(["basic", JSON.stringify(BASIC)]);
    expect(profile).toEqual(newmanProfile);
    expect(text).toEqual(newmanProfile);
    expect(newmanSettings!.type).toBe("application/x-www-form-urlencoded");
    expect(settings).toEqual(newmanSettings);
  }, 60_000);

  it("refuse what is neither text nor an object, naming the argument", async () => {
    const { createClient } = (await import(pathToFileURL(join(PKG, "dist/index.js")).href)) as {
      createClient(options: object): Record<string, (args?: object) => Promise<unknown>>;
    };
    const client = createClient({ baseUrl: server.url, maxRetries: 0 });
    await expect(client["updateProfile"]!({ basic: null, name: [{}] })).rejects.toMatchObject({ field: "name" });
    await expect(client["updateProfile"]!({ basic: Symbol("x") })).rejects.toMatchObject({ field: "basic" });
  });

  it("type-check in a strict app: the object, the text; a wrong key's type refused", () => {
    const app = `import { createClient } from "./rooms/dist/index.js";

export async function run(baseUrl: string): Promise<void> {
  const client = createClient({ baseUrl });
  await client.updateProfile({ basic: { support_email: "a@b.c", room_passcode: "1234", limits: {} } });
  await client.updateProfile({ basic: "{}" });
  await client.updateSettings({ zoom_rooms: {} });
  // @ts-expect-error support_email is text in the example
  await client.updateProfile({ basic: { support_email: 1 } });
}
`;
    expect(appTypeErrors(OUT, app, strictConsumerOptions(false))).toEqual([]);
  });
});
