// Which auths write the Authorization header: the emitted tests expect the item's own header to be
// replaced by a signature (emit/expectations.ts), and a URL's user info is sent only where nothing
// writes it (load/auth.ts, as postman-request does).
import type { AuthModel } from "./types.js";

/** Whether the auth writes a signature of its own into the Authorization header. */
export function signsAuthorizationHeader(auth: AuthModel): boolean {
  switch (auth.type) {
    case "hawk":
    case "edgegrid":
      return true;
    case "oauth1":
      return auth.addParamsToHeader === true;
    case "awsv4":
      return !auth.addAuthDataToQuery;
    case "jwt":
      return auth.addTokenTo !== "queryParam";
    case "oauth2":
      return auth.addTokenTo !== "queryParams";
    default:
      return false;
  }
}

/**
 * Whether the auth sets the Authorization header, or may (`custom`: the caller's hook signs), or
 * does not: none, an API key under another name, a signature in the query or the body.
 */
export function writesAuthorization(auth: AuthModel): boolean | "maybe" {
  switch (auth.type) {
    case "basic":
    case "bearer":
    case "digest":
      return true;
    case "apikey":
      return auth.in === "header" && auth.name.toLowerCase() === "authorization";
    case "custom":
      return "maybe";
    default:
      return signsAuthorizationHeader(auth);
  }
}
