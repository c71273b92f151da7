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
 * Whether the auth sets the Authorization header on every request it sends. Digest's first request
 * goes unsigned, to be challenged; a `custom` scheme's hook may write anything.
 */
export function writesAuthorization(auth: AuthModel): boolean {
  switch (auth.type) {
    case "basic":
    case "bearer":
      return true;
    case "apikey":
      return auth.in === "header" && auth.name.toLowerCase() === "authorization";
    default:
      return signsAuthorizationHeader(auth);
  }
}
