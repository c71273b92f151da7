import { describe, expect, it } from "vitest";
import { parseParamDescription, parsePlaceholder } from "../../src/model/conventions.js";

describe("parseParamDescription", () => {
  it("reads the seed's formdata field: required, enum, and the prose between", () => {
    const parsed = parseParamDescription(
      "(Required) The action types:<br>`activate` - Activate a deactivated user.<br>`deactivate` - Deactivate a user. (This can only be one of activate,deactivate)",
    );
    expect(parsed).toEqual({
      required: true,
      enum: ["activate", "deactivate"],
      description: "The action types:\n`activate` - Activate a deactivated user.\n`deactivate` - Deactivate a user.",
    });
  });

  it("reads the seed's path variable: required without enum", () => {
    expect(
      parseParamDescription(
        "(Required) The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.",
      ),
    ).toEqual({
      required: true,
      description:
        "The user ID or email address of the user. For user-level apps, pass the `me` value for this parameter.",
    });
  });

  it("handles an empty description between the prefix and the suffix (two spaces)", () => {
    expect(parseParamDescription("(Required)  (This can only be one of a,b,c)")).toEqual({
      required: true,
      enum: ["a", "b", "c"],
    });
  });

  it("reads a description that is the one word required or optional as the mark it is", () => {
    // Twitter Ads' query parameters: the help showed the word under the flag, the types made it optional.
    expect(parseParamDescription("required")).toEqual({ required: true });
    expect(parseParamDescription("Required.")).toEqual({ required: true });
    expect(parseParamDescription("optional")).toEqual({ required: false });
    // A sentence is text.
    expect(parseParamDescription("required when type is a")).toEqual({
      required: false,
      description: "required when type is a",
    });
  });

  it("reads an enum without the required prefix, as convertV2 writes on parameters", () => {
    expect(parseParamDescription("Sort order (This can only be one of asc,desc)")).toEqual({
      required: false,
      enum: ["asc", "desc"],
      description: "Sort order",
    });
  });

  it("reads a bare (Required) and leaves other text alone", () => {
    expect(parseParamDescription("(Required)")).toEqual({ required: true });
    expect(parseParamDescription("Not (Required) here")).toEqual({
      required: false,
      description: "Not (Required) here",
    });
    expect(parseParamDescription(undefined)).toEqual({ required: false });
  });

  it("only takes the suffix at the very end", () => {
    expect(parseParamDescription("Use (This can only be one of a,b) later on")).toEqual({
      required: false,
      description: "Use (This can only be one of a,b) later on",
    });
  });
});

describe("parsePlaceholder", () => {
  it("turns importer placeholders into type hints", () => {
    expect(parsePlaceholder("<integer>")).toEqual({ typeHint: "integer" });
    expect(parsePlaceholder("<dateTime>")).toEqual({ typeHint: "dateTime" });
  });

  it("keeps real values as examples", () => {
    expect(parsePlaceholder("deactivate")).toEqual({ example: "deactivate" });
    expect(parsePlaceholder("<b>bold</b>")).toEqual({ example: "<b>bold</b>" });
    expect(parsePlaceholder("")).toEqual({ example: "" });
    expect(parsePlaceholder(undefined)).toEqual({});
  });
});
