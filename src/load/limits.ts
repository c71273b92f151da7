// Bounds on what a collection may ask of the generator, each with a clear error naming where it
// is exceeded and the option that raises it (`limits` of a target in the config).

export interface Limits {
  /** Size of the collection file. */
  maxFileBytes: number;
  /** Requests in the collection (after include/exclude). */
  maxRequests: number;
  /** Folders within folders. */
  maxDepth: number;
  /** Characters in a method or namespace name made from a collection name. */
  maxIdentifierLength: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxRequests: 5_000,
  maxDepth: 64,
  maxIdentifierLength: 200,
};

export function raise(limit: keyof Limits): string {
  return `raise limits.${limit} of the target in the config if this is intended`;
}
