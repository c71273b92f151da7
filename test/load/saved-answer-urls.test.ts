// A saved answer's URLs keep no credential in their query (src/load/credentials.ts's
// answerWithoutCredentials), judged by the rule a request's query parameter is judged by
// (src/runtime/credential-names.ts): a meeting's start link's `zak`, a registrant's `tk`, a signed
// URL's signature; the rest of each URL stays, so it still reads as one.
import { describe, expect, it } from "vitest";
import {
  answerWithoutCredentials,
  answerWithoutKnownCredentials,
  textWithoutCredentials,
} from "../../src/load/credentials.js";
import { masker } from "../../src/runtime/redact.js";

const read = (value: object) => answerWithoutCredentials(JSON.stringify(value, null, 2), value);

describe("a saved answer's URL", () => {
  it("loses a Zoom start link's access key and a registrant's join token", () => {
    const answer = {
      id: 85012345678,
      start_url: "https://us02web.zoom.us/s/85012345678?zak=eyJ0eXAiOiJKV1QiLCJzdiI6IjAwMDAwMSJ9.ZAK-SECRET-1",
      // Zoom's saved answers write the link with a space before it.
      registrants: [{ join_url: " https://zoom.us/w/9999999?tk=TK-SECRET-2&uuid=WN_XW4_SdxBBBBxLDQt" }],
    };
    const { value, leftOut } = read(answer);
    expect(value).toEqual({
      id: 85012345678,
      start_url: "https://us02web.zoom.us/s/85012345678?zak=REDACTED",
      registrants: [{ join_url: " https://zoom.us/w/9999999?tk=REDACTED&uuid=WN_XW4_SdxBBBBxLDQt" }],
    });
    expect(leftOut).toEqual([
      '$.start_url (its URL\'s query parameter "zak")',
      '$.registrants[0].join_url (its URL\'s query parameter "tk")',
    ]);
  });

  it.each([
    ["token", "https://x.test/dl?token=TOK-SECRET&name=a.pdf"],
    ["signature", "https://x.test/f?expires=1700000000&signature=SIG-SECRET"],
    ["sig", "https://acct.blob.core.windows.net/c/b?sv=2022-11-02&sp=r&sig=SAS-SECRET"],
    ["X-Amz-Signature", "https://b.s3.amazonaws.com/k?X-Amz-Date=20240101T000000Z&X-Amz-Signature=AMZ-SECRET"],
    ["X-Amz-Credential", "https://b.s3.amazonaws.com/k?X-Amz-Credential=AKIA-SECRET%2F20240101%2Fus-east-1"],
    ["X-Amz-Security-Token", "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=STS-SECRET"],
    ["zak", "https://zoom.us/s/1?zak=ZAK-SECRET"],
    ["tk", "https://zoom.us/w/1?tk=TK-SECRET"],
  ])("loses its %s, the rest kept", (name, url) => {
    const { value, leftOut } = read({ url });
    expect(JSON.stringify(value)).not.toMatch(/SECRET/);
    expect((value as { url: string }).url).toContain(`${name}=REDACTED`);
    expect(leftOut).toEqual([`$.url (its URL's query parameter ${JSON.stringify(name)})`]);
  });

  it("loses a token in its fragment, as OAuth's implicit grant sends one back (RFC 6749 4.2.2)", () => {
    const url = "https://app.test/cb#access_token=AT-SECRET&token_type=bearer&state=xyz";
    const { value, leftOut } = read({ url });
    expect(value).toEqual({ url: "https://app.test/cb#access_token=REDACTED&token_type=bearer&state=xyz" });
    expect(leftOut).toEqual(['$.url (its URL\'s fragment parameter "access_token")']);
    // With a query too, each loses its own; a fragment that is no list of pairs stays.
    expect(textWithoutCredentials("https://x.test/a?tk=T-SECRET&p=1#id_token=ID-SECRET")).toEqual({
      text: "https://x.test/a?tk=&p=1#id_token=",
      leftOut: ['its URL\'s query parameter "tk"', 'its URL\'s fragment parameter "id_token"'],
    });
    expect(textWithoutCredentials("https://x.test/docs#section-2").leftOut).toEqual([]);
  });

  it("keeps what holds no credential: a page's token, ids, a JSON field named tk or zak", () => {
    const answer = {
      next: "https://x.test/items?next_page_token=PAGE2&search_key=color&uuid=WN_1",
      tk: "t-1",
      zak: { enabled: true },
    };
    expect(read(answer)).toMatchObject({ value: answer, leftOut: [] });
    // A value's text with spaces around its one URL keeps them, its credential gone.
    expect(textWithoutCredentials("  https://x.test/a?tk=T-SECRET  \n")).toEqual({
      text: "  https://x.test/a?tk=  \n",
      leftOut: ['its URL\'s query parameter "tk"'],
    });
  });
});

describe("a saved answer written out again", () => {
  it("keeps its layout: the indentation it was written with, or one line", () => {
    const value = { join_url: "https://zoom.us/w/1?tk=TK-SECRET", id: 1 };
    const shown = { join_url: "https://zoom.us/w/1?tk=REDACTED", id: 1 };
    for (const indent of [1, 2, 4, "\t", undefined])
      expect(answerWithoutCredentials(JSON.stringify(value, null, indent), value).text).toBe(
        JSON.stringify(shown, null, indent),
      );
  });
});

describe("a saved answer walked for credentials", () => {
  // A collection's answers are walked whole, and almost every value in them is kept: only what
  // holds a credential is copied, so that a large answer costs no copy of itself.
  const answer = () => ({
    user: { email: "a@example.test", password: "hunter2-literal" },
    meetings: [{ id: 1, join_url: "https://zoom.us/w/1?tk=TK-SECRET" }, { id: 2 }],
    settings: { pages: [1, 2, 3], "odd key": { on: true } },
  });

  it("by name copies only the objects and lists on the way to one, and leaves the value read as it was", () => {
    const value = answer();
    const { value: kept, leftOut } = answerWithoutCredentials(JSON.stringify(value), value) as {
      value: ReturnType<typeof answer>;
      leftOut: string[];
    };
    expect(leftOut).toEqual(["$.user.password", '$.meetings[0].join_url (its URL\'s query parameter "tk")']);
    expect(kept.user).toEqual({ email: "a@example.test", password: "REDACTED" });
    expect(kept.meetings[0]).toEqual({ id: 1, join_url: "https://zoom.us/w/1?tk=REDACTED" });
    expect(kept.meetings[1]).toBe(value.meetings[1]);
    expect(kept.settings).toBe(value.settings);
    expect(value).toEqual(answer());
  });

  it("by value copies only the objects and lists on the way to one, a key's among them", () => {
    const value = { ...answer(), "sk-KNOWN-123": { note: "keyed by it" }, quote: "Invalid key sk-KNOWN-123" };
    const { value: kept, masked } = answerWithoutKnownCredentials(
      JSON.stringify(value),
      value,
      masker(["sk-KNOWN-123"]),
    ) as { value: Record<string, unknown>; masked: string[] };
    expect(masked).toEqual(["$ (a key)", "$.quote"]);
    expect(Object.keys(kept)).toEqual(["user", "meetings", "settings", "***", "quote"]);
    expect(kept["***"]).toBe(value["sk-KNOWN-123"]);
    expect(kept["quote"]).toBe("Invalid key ***");
    expect(kept["user"]).toBe(value.user);
    expect(kept["settings"]).toBe(value.settings);
    expect(answerWithoutKnownCredentials("{}", value.settings, masker(["sk-KNOWN-123"])).value).toBe(value.settings);
  });
});
