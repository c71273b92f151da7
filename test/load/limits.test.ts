import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findConfig } from "../../src/config.js";
import { CodegenError } from "../../src/errors.js";
import { loadCollection } from "../../src/load/collection.js";

const V21 = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

function collectionFile(json: object): string {
  const file = join(mkdtempSync(join(tmpdir(), "limits-")), "c.json");
  writeFileSync(file, JSON.stringify(json));
  return file;
}

async function refusal(file: string, limits: object): Promise<CodegenError> {
  const error = await loadCollection(file, { limits }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CodegenError);
  return error as CodegenError;
}

describe("limits", () => {
  const nested = (depth: number): object => {
    let node: object = { name: "r", request: "https://x.test" };
    for (let i = depth; i > 0; i--) node = { name: `f${i}`, item: [node] };
    return { info: { name: "n", schema: V21 }, item: [node] };
  };

  it("stops on a file that is too big, before reading it", async () => {
    const error = await refusal(collectionFile(nested(1)), { maxFileBytes: 10 });
    expect(error.message).toMatch(
      /: the file is \d+ bytes; the limit is 10 bytes: raise limits\.maxFileBytes of the target in the config if this is intended$/,
    );
  });

  it("stops on folders nested too deep, naming the folder", async () => {
    const error = await refusal(collectionFile(nested(4)), { maxDepth: 3 });
    expect(error.where).toBe("item[0].item[0].item[0].item[0]");
    expect(error.problem).toBe(
      "folders are nested more than 3 deep here: raise limits.maxDepth of the target in the config if this is intended",
    );
  });

  it("stops on too many requests, naming the first one over", async () => {
    const file = collectionFile({
      info: { name: "n", schema: V21 },
      item: [1, 2, 3].map((i) => ({ name: `r${i}`, request: "https://x.test" })),
    });
    expect((await refusal(file, { maxRequests: 2 })).where).toBe("item[2]");
    await expect(loadCollection(file, { limits: { maxRequests: 3 } })).resolves.toBeDefined();
  });

  it("stops on a name that gives too long an identifier, naming the item or the folder", async () => {
    const long = "word ".repeat(30);
    const item = collectionFile({
      info: { name: "n", schema: V21 },
      item: [{ name: long, request: "https://x.test" }],
    });
    const error = await refusal(item, { maxIdentifierLength: 50 });
    expect(error.where).toBe("item[0].name");
    expect(error.problem).toMatch(
      /of 120 characters; the limit is 50: shorten the name, or raise limits\.maxIdentifierLength/,
    );
    const folder = collectionFile({
      info: { name: "n", schema: V21 },
      item: [{ name: long, item: [{ name: "r", request: "https://x.test" }] }],
    });
    expect((await refusal(folder, { maxIdentifierLength: 50 })).where).toBe("item[0].name");
  });

  it("are set per target in the config, and checked there", () => {
    const dir = mkdtempSync(join(tmpdir(), "limits-config-"));
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "c.json", out: "o", limits: { maxRequests: 10000 } }] }),
    );
    expect(findConfig(dir).targets[0]!.limits).toEqual({ maxRequests: 10000 });
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "c.json", out: "o", limits: { maxRequest: 1 } }] }),
    );
    expect(() => findConfig(dir)).toThrow(
      /at targets\[0\]\.limits\.maxRequest: unknown option \(did you mean maxRequests\?\); the options are maxFileBytes, maxRequests, maxDepth, maxIdentifierLength$/,
    );
    writeFileSync(
      join(dir, "postman-codegen.config.json"),
      JSON.stringify({ targets: [{ collection: "c.json", out: "o", limits: { maxDepth: -1 } }] }),
    );
    expect(() => findConfig(dir)).toThrow(/at targets\[0\]\.limits\.maxDepth: must be >= 1$/);
  });
});
