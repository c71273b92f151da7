import { expect, it } from "vitest";
import { memoized } from "../src/memo.js";

it("computes each text's answer once, and keeps no more than 10,000 of them", () => {
  const asked: string[] = [];
  const upper = memoized((text) => (asked.push(text), text.toUpperCase()));
  expect([upper("a"), upper("b"), upper("a")]).toEqual(["A", "B", "A"]);
  expect(asked).toEqual(["a", "b"]);
  // An answer that is falsy is kept too.
  const empty = memoized((text) => (asked.push(text), ""));
  expect([empty("x"), empty("x")]).toEqual(["", ""]);
  expect(asked).toEqual(["a", "b", "x"]);
  for (let i = 0; i < 10_000; i++) upper(`t${i}`);
  asked.length = 0;
  // Full: the table was emptied to keep the last one, so "a" is computed again.
  upper("a");
  expect(asked).toEqual(["a"]);
});
