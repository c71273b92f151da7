// The version a verdict calls for, and the changelog's entries: newest first, one per version.
import { describe, expect, it } from "vitest";
import { bumpVersion, changelogWith } from "../../src/diff/changelog.js";
import type { ApiChange, ApiDiff } from "../../src/diff/compare.js";

describe("bumpVersion", () => {
  it.each([
    ["0.1.0", "major", "0.2.0"],
    ["0.1.0", "minor", "0.1.1"],
    ["0.1.0", "patch", "0.1.1"],
    ["0.4.2", "none", "0.4.2"],
    ["1.2.3", "major", "2.0.0"],
    ["1.2.3", "minor", "1.3.0"],
    ["1.2.3", "patch", "1.2.4"],
    ["2.0.0-beta.1", "major", "2.0.0"],
    ["2.0.0-beta.1", "patch", "2.0.0"],
    ["1.3.0-rc.1", "minor", "1.3.0"],
    ["1.3.1-rc.1", "minor", "1.4.0"],
    ["1.2.3+build.5", "patch", "1.2.4"],
  ] as const)("%s with a %s change → %s", (version, verdict, next) => {
    expect(bumpVersion(version, verdict)).toBe(next);
  });
});

const change = (
  level: ApiChange["level"],
  kind: ApiChange["kind"],
  detail: string,
  operation = "client.users.get",
): ApiChange => ({ level, kind, operation, detail });
const diff = (...changes: ApiChange[]): ApiDiff => ({ verdict: changes[0]?.level ?? "none", changes });

describe("changelogWith", () => {
  const first = changelogWith(undefined, "1.0.0", { initial: "First generation: 2 operations." });

  it("starts with the first generation, and puts each new version on top, grouped", () => {
    expect(first).toBe(
      "# Changelog\n\nWhat each regeneration by postman-codegen changed in this client's public API, newest first. Breaking changes call for a new major version (a new minor one below 1.0.0).\n\n## 1.0.0\n\nFirst generation: 2 operations.\n",
    );
    const next = changelogWith(
      first,
      "2.0.0",
      diff(
        change("major", "argument-removed", "argument `q` (query) removed"),
        change("minor", "status-added", "success status 201 added"),
        change("patch", "docs-changed", "descriptions changed"),
      ),
    );
    expect(next).toBe(
      `${first.slice(0, first.indexOf("## 1.0.0"))}## 2.0.0\n\n### Breaking\n\n- \`client.users.get\`: argument \`q\` (query) removed\n\n### Added\n\n- \`client.users.get\`: success status 201 added\n\n### Docs\n\n- \`client.users.get\`: descriptions changed\n\n## 1.0.0\n\nFirst generation: 2 operations.\n`,
    );
  });

  it("adds no entry when nothing changed", () => {
    expect(changelogWith(first, "1.0.0", diff())).toBe(first);
  });

  it("joins the changes of a version that did not move (a fixed version) to its entry", () => {
    const once = changelogWith(first, "1.1.0", diff(change("minor", "operation-added", "GET `/a` added", "client.a")));
    const twice = changelogWith(
      once,
      "1.1.0",
      diff(
        change("minor", "operation-added", "GET `/b` added", "client.b"),
        change("patch", "examples-changed", "examples changed; no type did", "client.a"),
      ),
    );
    expect(twice.match(/## 1\.1\.0/g)).toHaveLength(1);
    expect(twice).toContain(
      "## 1.1.0\n\n### Added\n\n- `client.b`: GET `/b` added\n- `client.a`: GET `/a` added\n\n### Docs\n\n- `client.a`: examples changed; no type did\n\n## 1.0.0",
    );
  });

  it("lists changes to the package itself without an operation", () => {
    expect(
      changelogWith(
        first,
        "1.0.1",
        diff({
          level: "patch",
          kind: "variable-value-changed",
          detail: "the collection's values of its variables changed",
        }),
      ),
    ).toContain("## 1.0.1\n\n### Changed\n\n- the collection's values of its variables changed\n\n## 1.0.0");
  });
});
