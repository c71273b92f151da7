// `npm pack` and `npm publish` (the prepack and postpack scripts): the package.json in the tarball
// without the `prepare` script, and the project's own back in place after. `prepare` builds a git
// install (npm clones, installs the devDependencies and runs it); a tarball carries dist/ built,
// yet npm lists its `prepare` among the install scripts allowScripts has not reviewed, and warned
// at every install of the tarball. The build is prepack's own (package.json), run before this: a
// manifest without `prepare` is not built by the pack that reads it.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

const MANIFEST = "package.json";
/** The project's package.json, byte for byte, while the tarball's is in its place. */
const PROJECT_MANIFEST = ".package.json.unpacked";

// A pack that failed before its postpack left the project's aside: it comes back first, whichever
// script runs, so the tarball's is never taken for the project's.
if (existsSync(PROJECT_MANIFEST)) renameSync(PROJECT_MANIFEST, MANIFEST);
if (process.argv[2] !== "--restore") {
  const text = readFileSync(MANIFEST, "utf8");
  const manifest = JSON.parse(text) as { scripts?: Record<string, string> };
  delete manifest.scripts?.prepare;
  writeFileSync(PROJECT_MANIFEST, text);
  writeFileSync(MANIFEST, `${JSON.stringify(manifest, null, 2)}\n`);
}
