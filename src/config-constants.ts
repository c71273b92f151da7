// The config's fixed words: where it is found and the versions a target may name. Apart from
// config.ts (which re-exports them), so that the command line's help can say them without loading
// the config's reader and its validation.

export const CONFIG_FILE = "postman-codegen.config.json";
export const PACKAGE_KEY = "postman-codegen";

export const DEFAULT_PACKAGE_VERSION = "0.1.0";

/** The `version` that bumps the previous output's version by the verdict (src/diff/changelog.ts). */
export const AUTO_VERSION = "auto";

/**
 * Whether a target's `version` is raised by the verdict: "auto", or none at all. A target that names
 * no version, from a config as from the command line, would otherwise keep 0.1.0 through breaking
 * changes and take a version given once back down to it; the output's manifest is what the next
 * version is raised from. A version written out fixes it.
 */
export function raisesVersion(version: string | undefined): version is typeof AUTO_VERSION | undefined {
  return version === undefined || version === AUTO_VERSION;
}
