// The generator's own package root: templates/ and the sources copied into emitted packages
// (src/runtime, src/testkit) are read from here, whether it runs from src/ (tsx) or dist/.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The directory of the generator's code: src/ (tsx, tests) or dist/. Files kept beside the code are
 * found from here, not from each module's own place, so that a module bundled into dist/'s top
 * (the no-op path: build/bundle-fast-path.ts) finds them as the module itself does.
 */
export const CODE_DIR = dirname(fileURLToPath(import.meta.url));

export const PACKAGE_ROOT = join(CODE_DIR, "..");

/** The Handlebars templates of the emitted package: rendered from here, and hashed into the generator's fingerprint. */
export const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates");

/**
 * A file the build writes into dist/ for the generator's own use (the prebuilt runtime, the
 * precompiled templates, the fingerprint), read from there whether this runs from dist/ or from the
 * sources (tests, tsx).
 */
export function builtFile(name: string): string {
  return join(PACKAGE_ROOT, "dist", name);
}
