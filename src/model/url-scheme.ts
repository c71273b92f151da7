// URL schemes at the start of collection text: one definition for the loader, the model, the
// emitter, the diff and the Postman API source, which all import src/model/.

/**
 * A URL scheme as RFC 3986 (3.1) writes it: a letter, then letters, digits, `+`, `-` and `.`. For
 * patterns with the `i` flag (without `u`, so `[a-z]` takes the ASCII letters alone). The runtime
 * (runtime/edgegrid.ts, runtime/oauth2.ts, runtime/credential-names.ts) is copied into every
 * package, which holds no generator module, so it keeps its own copies.
 */
export const SCHEME_SOURCE = String.raw`[a-z][a-z\d+.-]*`;

/**
 * A scheme and the `//` of an authority (`https://`, `ftp://`, `HTTP://`): what starts a URL
 * with a host, which a word of prose, a host or a key may hold. Not a scheme alone (`mailto:`,
 * `urn:`, `javascript:`): that is `LEADING_SCHEME`.
 */
export const SCHEME_AND_SLASHES_SOURCE = String.raw`${SCHEME_SOURCE}:\/\/`;

const STARTS_WITH_SCHEME_AND_SLASHES = new RegExp(`^${SCHEME_AND_SLASHES_SOURCE}`, "i");

/** Whether a text starts with a scheme and `//` (`https://api.example.com`, `{{x}}` does not). */
export function startsWithSchemeAndSlashes(text: string): boolean {
  return STARTS_WITH_SCHEME_AND_SLASHES.test(text);
}

/**
 * A scheme and its colon at the start, the scheme group 1, with or without `//` after it: where a
 * browser would follow a link (`javascript:alert(1)`, `mailto:a@b.c`, `https://…`).
 */
export const LEADING_SCHEME = new RegExp(`^(${SCHEME_SOURCE}):`, "i");
