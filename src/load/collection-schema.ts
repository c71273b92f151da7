// The structure of a Postman collection (v2.0.0 and v2.1.0), as a JSON Schema (draft-07), for
// validating a file before the SDK reads it: every problem is reported at once, with its path.
// Written for this project after the format's documentation (schema.getpostman.com); where the
// official schema is strict, so is this one, except that it tolerates what real exports contain and
// the generator handles (extra properties, items without a request, which are reported and left out).

const stringOrNull = { type: ["string", "null"] };

/**
 * A list's "none" as exports and hand-written collections give it: null or an empty string. The SDK
 * and newman read either as an empty list, and so does every reader here (each takes a list only).
 */
const orNone = (list: object) => ({ anyOf: [list, { type: "null" }, { const: "" }] });

const description = {
  anyOf: [
    { type: "string" },
    { type: "null" },
    // openapi-to-postman (Postman's own converter) writes `{ content: null, type: null }` for an
    // operation without one; the SDK reads it as none, and so does descriptionText.
    { type: "object", properties: { content: stringOrNull, type: stringOrNull } },
  ],
};

export const COLLECTION_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  definitions: {
    description,
    variable: {
      type: "object",
      properties: {
        key: { type: "string" },
        id: { type: "string" },
        type: { type: "string" },
        name: { type: "string" },
        disabled: { type: "boolean" },
        system: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    variableList: { type: "array", items: { $ref: "#/definitions/variable" } },
    // An item's or the collection's variables (a URL's are refused as "none": newman sends no request).
    variables: orNone({ $ref: "#/definitions/variableList" }),
    header: {
      type: "object",
      required: ["key"],
      properties: {
        key: { type: "string" },
        value: stringOrNull,
        disabled: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    responseHeader: {
      type: "object",
      properties: {
        key: stringOrNull,
        value: { type: ["string", "number", "boolean", "null"] },
        disabled: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    headerList: {
      anyOf: [{ type: "array", items: { $ref: "#/definitions/header" } }, { type: "string" }, { type: "null" }],
    },
    queryParam: {
      type: "object",
      properties: {
        key: stringOrNull,
        value: stringOrNull,
        disabled: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    url: {
      anyOf: [
        { type: "string" },
        {
          type: "object",
          properties: {
            raw: { type: "string" },
            protocol: { type: "string" },
            host: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
            path: {
              anyOf: [
                { type: "string" },
                {
                  type: "array",
                  items: {
                    anyOf: [
                      { type: "string" },
                      { type: "object", properties: { type: { type: "string" }, value: { type: "string" } } },
                    ],
                  },
                },
              ],
            },
            port: { type: "string" },
            query: { type: "array", items: { $ref: "#/definitions/queryParam" } },
            hash: { type: "string" },
            variable: { $ref: "#/definitions/variableList" },
          },
        },
      ],
    },
    auth: {
      anyOf: [
        { type: "null" },
        // `{}` inherits, as null does; an empty type is no auth (auth.ts), as newman sends them.
        {
          type: "object",
          properties: {
            type: {
              enum: [
                "",
                "apikey",
                "awsv4",
                "basic",
                "bearer",
                "digest",
                "edgegrid",
                "hawk",
                "noauth",
                "oauth1",
                "oauth2",
                "ntlm",
                "jwt",
                "asap",
                "akamai",
                "inherit",
              ],
            },
          },
          additionalProperties: {
            anyOf: [
              { type: "array", items: { type: "object", required: ["key"], properties: { key: { type: "string" } } } },
              { type: "object" },
              { type: "string" },
            ],
          },
        },
      ],
    },
    formParam: {
      type: "object",
      properties: {
        key: { type: "string" },
        value: stringOrNull,
        type: { enum: ["text", "file"] },
        src: { anyOf: [{ type: "string" }, { type: "null" }, { type: "array", items: { type: "string" } }] },
        contentType: { type: "string" },
        disabled: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    urlencodedParam: {
      type: "object",
      properties: {
        key: { type: "string" },
        value: stringOrNull,
        disabled: { type: "boolean" },
        description: { $ref: "#/definitions/description" },
      },
    },
    body: {
      anyOf: [
        { type: "null" },
        // The SDK reads a body given as text as a raw one, and "" as none (newman sends them so).
        { type: "string" },
        {
          type: "object",
          properties: {
            // Any text: the SDK reads an empty mode as no body (newman sends none), a mode in other
            // letters as that mode and an unknown one as raw (load/body.ts, bodyModeOf).
            mode: stringOrNull,
            raw: stringOrNull,
            // The SDK reads urlencoded text as a query string's fields (newman sends them), and an
            // empty formdata text as no fields; any other formdata text newman sends as nothing.
            urlencoded: {
              anyOf: [
                { type: "array", items: { $ref: "#/definitions/urlencodedParam" } },
                { type: "string" },
                { type: "null" },
              ],
            },
            formdata: orNone({ type: "array", items: { $ref: "#/definitions/formParam" } }),
            file: { type: "object", properties: { src: stringOrNull, content: { type: "string" } } },
            graphql: { type: "object", properties: { query: { type: "string" }, variables: stringOrNull } },
            options: { type: "object" },
            disabled: { type: "boolean" },
          },
        },
      ],
    },
    request: {
      anyOf: [
        { type: "string" },
        {
          type: "object",
          properties: {
            url: { $ref: "#/definitions/url" },
            auth: { $ref: "#/definitions/auth" },
            // No method, null or "", is GET: newman sends GET (the SDK's default, postman-request's for "").
            method: stringOrNull,
            description: { $ref: "#/definitions/description" },
            header: { $ref: "#/definitions/headerList" },
            body: { $ref: "#/definitions/body" },
          },
        },
      ],
    },
    response: {
      type: "object",
      properties: {
        name: { type: "string" },
        originalRequest: { $ref: "#/definitions/request" },
        code: { type: "integer" },
        status: { type: "string" },
        // A saved answer's headers are what a server sent, as tools recorded them: Postman's own
        // exports hold `{}` entries and numbers (`"content-length": 3364`), which the SDK reads
        // (the first as no header, the second as its text) and so does responses.ts.
        header: {
          anyOf: [
            { type: "array", items: { $ref: "#/definitions/responseHeader" } },
            { type: "string" },
            { type: "null" },
          ],
        },
        body: stringOrNull,
      },
    },
    event: {
      type: "object",
      required: ["listen"],
      properties: {
        listen: { type: "string" },
        disabled: { type: "boolean" },
        script: {
          type: "object",
          properties: {
            exec: { anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
            type: { type: "string" },
          },
        },
      },
    },
    eventList: orNone({ type: "array", items: { $ref: "#/definitions/event" } }),
    entry: {
      type: "object",
      properties: {
        name: { type: "string" },
        id: { type: "string" },
        description: { $ref: "#/definitions/description" },
        variable: { $ref: "#/definitions/variables" },
        event: { $ref: "#/definitions/eventList" },
        auth: { $ref: "#/definitions/auth" },
        protocolProfileBehavior: { type: "object" },
      },
      if: { required: ["item"] },
      then: { properties: { item: { type: "array", items: { $ref: "#/definitions/entry" } } } },
      else: {
        properties: {
          request: { anyOf: [{ type: "null" }, { $ref: "#/definitions/request" }] },
          response: orNone({ type: "array", items: { $ref: "#/definitions/response" } }),
        },
      },
    },
  },
  type: "object",
  required: ["info", "item"],
  properties: {
    info: {
      type: "object",
      // No schema is read as v2 when the shape is (read.ts), as the SDK and newman read it; no
      // name titles the package by the file's (collection.ts), as Postman's SDK reads it.
      properties: {
        name: { type: "string" },
        schema: { type: "string" },
        description: { $ref: "#/definitions/description" },
        _postman_id: { type: "string" },
      },
    },
    item: { type: "array", items: { $ref: "#/definitions/entry" } },
    auth: { $ref: "#/definitions/auth" },
    event: { $ref: "#/definitions/eventList" },
    variable: { $ref: "#/definitions/variables" },
  },
} as const;
