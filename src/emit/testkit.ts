// src/testkit is copied into each package's test/ folder, where the runtime it imports sits at
// ../src/runtime rather than ../runtime: its runtime imports are re-pointed on the way (the
// testkit imports from nothing else of the generator's).
export function testkitText(text: string): string {
  return text.replace(/(from\s+")\.\.\/runtime\//g, "$1../src/runtime/");
}
