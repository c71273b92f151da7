// How the Postman API wraps what it hands out: `GET /collections/{uid}` answers
// `{ "collection": {…} }` and `GET /environments/{uid}` `{ "environment": {…} }`. One definition for
// `pull` (postman-api/client.ts), which stores the object inside, and for the loader, which reads a
// collection a team saved with curl as pull would have stored it.
import { isObject } from "./json.js";

/** The object the API's answer wraps, or undefined when `body` is no such answer. */
export function apiAnswerResource(
  body: unknown,
  kind: "collection" | "environment",
): Record<string, unknown> | undefined {
  if (!isObject(body)) return undefined;
  const resource = body[kind];
  return isObject(resource) ? resource : undefined;
}
