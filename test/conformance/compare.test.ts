// The comparison reports every way two requests differ: an allowed difference (a path that Postman
// cuts at a `?`) must not hide another (the query that cut gives newman), each judged on its own.
import { expect, it } from "vitest";
import { differences, type Meaning } from "./compare.js";

const request = (over: Partial<Meaning>): Meaning => ({
  method: "GET",
  path: "/files/a",
  query: [],
  headers: { "x-trace": "1", authorization: undefined },
  contentType: undefined,
  body: { bytes: "" },
  ...over,
});

it("lists every difference, in the order the report gives them", () => {
  const newman = request({ path: "/files/q1", query: [[".txt", null]], headers: { "x-trace": "1" } });
  const client = request({ path: "/files/q1%3F.txt", headers: { "x-trace": "2" }, body: { bytes: "eA==" } });
  expect(differences(newman, client).map((d) => d.aspect)).toEqual(["path", "query", "header:x-trace", "body"]);
  expect(differences(newman, newman)).toEqual([]);
});

it("an unverified signature is one difference among the others, not the only one", () => {
  const newman = request({ verified: true });
  const client = request({ verified: false, method: "POST" });
  expect(differences(newman, client)).toEqual([
    { aspect: "signature", newman: true, client: false },
    { aspect: "method", newman: "GET", client: "POST" },
  ]);
});
