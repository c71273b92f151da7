// What fetch is given for a multipart body (bodies.ts's sendMultipart): a form of text parts goes as
// one string, one with a file as one Blob, written as Node's own fetch writes the same FormData (its
// encoder is the oracle here, busboy the reader), while the request that hooks, signers and errors
// read stays the FormData.
import { describe, expect, it } from "vitest";
import { encodeMultipart, encodeMultipartText, MULTIPART_BOUNDARY } from "../../src/runtime/bodies.js";
import { bodyBytes } from "../../src/runtime/signing.js";
import type { HookRequest } from "../../src/runtime/core.js";
import type { OperationSpec } from "../../src/runtime/spec.js";
import { useRecordingServer } from "../helpers/recording.js";
import { testCore } from "../helpers/runtime.js";
import { SEED_SPEC } from "../helpers/seed-spec.js";

const server = useRecordingServer();

/** Names and values that the HTML standard's form encoding rewrites: line breaks, quotes, non-ASCII, a lone surrogate. */
const AWKWARD: Array<[string, string]> = [
  ["action", "deactivate"],
  ['a"b\nc\r\nd\re', "x\ny\r\nz\rw\n\n"],
  ["naïve 名前", "\ud800é 😀"],
  ["empty", ""],
  ["action", "again"],
];

const formOf = (pairs: Array<[string, string]>) => {
  const form = new FormData();
  for (const [name, value] of pairs) form.append(name, value);
  return form;
};

/** What fetch is given for `form` sent with `headers`. */
function sent(form: FormData, headers = new Headers({ authorization: "Bearer t" })) {
  const init: RequestInit = { method: "PUT", headers, body: form };
  encodeMultipartText.send!(init);
  return init;
}

/** Node's own encoding of `form`, with its boundary and with ours put in its place. */
async function nodeEncoding(form: FormData, boundary: string): Promise<string> {
  const request = new Request("http://localhost/", { method: "POST", body: form });
  const theirs = /boundary=(.+)$/.exec(request.headers.get("content-type")!)![1]!;
  return (await request.text()).split(theirs).join(boundary);
}

describe("a multipart body of text parts goes as one string", () => {
  it("writes the bytes Node's fetch writes for the same FormData, boundary aside", async () => {
    const init = sent(formOf(AWKWARD));
    expect(typeof init.body).toBe("string");
    const type = new Headers(init.headers).get("content-type");
    expect(type).toBe(`multipart/form-data; boundary=${MULTIPART_BOUNDARY}`);
    expect(init.body).toBe(await nodeEncoding(formOf(AWKWARD), MULTIPART_BOUNDARY));
  });

  it("keeps the request's own headers as built: the type goes in a copy", () => {
    const headers = new Headers({ authorization: "Bearer t" });
    const init = sent(formOf(AWKWARD), headers);
    expect(init.headers).not.toBe(headers);
    expect(headers.has("content-type")).toBe(false);
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer t");
  });

  it("numbers the boundary until no part holds it, so that a value cannot end the body early", async () => {
    const forged = `x\r\n--${MULTIPART_BOUNDARY}\r\nContent-Disposition: form-data; name="admin"\r\n\r\ntrue\r\n--${MULTIPART_BOUNDARY}-1--`;
    const init = sent(formOf([["note", forged]]));
    expect(new Headers(init.headers).get("content-type")).toBe(`multipart/form-data; boundary=${MULTIPART_BOUNDARY}-2`);
    const response = await fetch(server.url, { method: "POST", headers: init.headers, body: init.body });
    await response.arrayBuffer();
    expect(server.requests[0]!.fields).toEqual([["note", forged.replace(/\r?\n|\r/g, "\r\n")]]);
  });

  it("leaves a form with a file to the multipart encoder that writes files: body and headers as they were", () => {
    const form = formOf([["action", "deactivate"]]);
    form.append("file", new Blob(["bytes"], { type: "text/plain" }), "a.txt");
    const headers = new Headers({ authorization: "Bearer t" });
    const init = sent(form, headers);
    expect(init.body).toBe(form);
    expect(init.headers).toBe(headers);
  });
});

describe("a multipart body with a file goes as one Blob", () => {
  /** A text field, files named and typed in every way a form holds them, a typed text part (a Blob named ""). */
  const withFiles = () => {
    const form = formOf([['a"b\nc', "x\ny"]]);
    form.append("upload", new File(["file\r\nbytes"], 'we"ird\nname.txt', { type: "text/plain" }));
    form.append("settings", new Blob(['{"a":1}'], { type: "application/json" }), "");
    form.append("raw", new Blob(["no type"]), "blob");
    form.append("after", "last");
    return form;
  };
  const send = (form: FormData) => {
    const init: RequestInit = { method: "PUT", headers: new Headers({ authorization: "Bearer t" }), body: form };
    encodeMultipart.send!(init);
    return { body: init.body, boundary: /boundary=(.+)$/.exec(new Headers(init.headers).get("content-type")!)![1]! };
  };

  it("writes the bytes Node's fetch writes for the same FormData, boundary aside", async () => {
    const { body, boundary } = send(withFiles());
    expect(body).toBeInstanceOf(Blob);
    expect(await (body as Blob).text()).toBe(await nodeEncoding(withFiles(), boundary));
  });

  it("takes a random boundary each time, as a file's bytes may hold any fixed one", () => {
    const first = send(withFiles()).boundary;
    expect(first).toMatch(new RegExp(`^${MULTIPART_BOUNDARY}-[0-9a-f]{32}$`));
    expect(send(withFiles()).boundary).not.toBe(first);
  });

  it("writes a form of text parts as one string, as sendMultipartText does", () => {
    const { body, boundary } = send(formOf(AWKWARD));
    expect(boundary).toBe(MULTIPART_BOUNDARY);
    expect(body).toBe(sent(formOf(AWKWARD)).body);
  });
});

describe("through the client", () => {
  // The seed operation with a second, free-text field, without its bearer auth (no token here).
  const op: OperationSpec = {
    ...SEED_SPEC,
    auth: undefined,
    args: [...SEED_SPEC.args, { arg: "note", name: "note", in: "body", required: false }],
  };

  it("sends the fields a server reads, while hooks see the FormData and no type of ours", async () => {
    const seen: HookRequest[] = [];
    const core = testCore(
      { baseUrl: server.url, onRequest: (request) => void seen.push(request) },
      { baseUrl: server.url, variables: {} },
    );
    await core.call(op, { userId: "me", action: "deactivate", note: 'line 1\nline "2"' });
    const received = server.requests[0]!;
    expect(received.headers["content-type"]).toBe(`multipart/form-data; boundary=${MULTIPART_BOUNDARY}`);
    expect(received.fields).toEqual([
      ["action", "deactivate"],
      ["note", 'line 1\r\nline "2"'],
    ]);
    expect(seen[0]!.body).toBeInstanceOf(FormData);
    expect(seen[0]!.headers.has("content-type")).toBe(false);
  });

  it("sends a file argument and its fields as a server reads them", async () => {
    const upload: OperationSpec = {
      ...op,
      args: [...op.args, { arg: "file", name: "file", in: "body", required: true, type: "file" }],
    };
    const core = testCore({ baseUrl: server.url }, { baseUrl: server.url, variables: {} });
    await core.call(upload, {
      userId: "me",
      action: "activate",
      file: new File(["line 1\nline 2"], "notes.txt", { type: "text/plain" }),
    });
    const received = server.requests[0]!;
    expect(received.headers["content-type"]).toMatch(
      new RegExp(`^multipart/form-data; boundary=${MULTIPART_BOUNDARY}-`),
    );
    expect(received.fields).toEqual([["action", "activate"]]);
    expect(received.files.map((file) => [file.field, file.filename, file.contentType, String(file.content)])).toEqual([
      ["file", "notes.txt", "text/plain", "line 1\nline 2"],
    ]);
  });

  it("sends a file a hook adds as the platform writes it", async () => {
    const core = testCore(
      {
        baseUrl: server.url,
        onRequest: (request) => (request.body as FormData).append("file", new Blob(["hi"]), "a.txt"),
      },
      { baseUrl: server.url, variables: {} },
    );
    await core.call(op, { userId: "me", action: "activate" });
    const received = server.requests[0]!;
    expect(received.headers["content-type"]).not.toContain(MULTIPART_BOUNDARY);
    expect(received.fields).toEqual([["action", "activate"]]);
    expect(received.files.map((file) => [file.field, file.filename])).toEqual([["file", "a.txt"]]);
  });
});

describe("a signer signs a form as it is sent", () => {
  const signed = async (form: FormData) => {
    const request = { url: new URL("http://localhost/"), method: "POST", headers: new Headers(), body: form };
    const { bytes, contentType } = await bodyBytes(request);
    return { text: new TextDecoder().decode(bytes), contentType, request };
  };

  it("signs the text parts' bytes the client sends, pinned as the body, with their type", async () => {
    const { text, contentType, request } = await signed(formOf(AWKWARD));
    expect(contentType).toBe(`multipart/form-data; boundary=${MULTIPART_BOUNDARY}`);
    expect(text).toBe(sent(formOf(AWKWARD)).body);
    expect(request.headers.get("content-type")).toBe(contentType);
    expect(await (request.body as unknown as Blob).text()).toBe(text);
  });

  it("signs a form with a file as Node's fetch writes it, boundary aside", async () => {
    const form = formOf([["action", "deactivate"]]);
    form.append("settings", new Blob(['{"a":1}'], { type: "application/json" }), "");
    form.append("upload", new File(["bytes"], "a.txt", { type: "text/plain" }));
    const { text, contentType } = await signed(form);
    const boundary = /boundary=(.+)$/.exec(contentType!)![1]!;
    expect(text).toBe(await nodeEncoding(form, boundary));
  });
});
