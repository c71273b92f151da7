// Collections for the benchmark. Of any size, for scaling: the Zoom collection's requests, repeated with
// new names (so every copy is a distinct operation) until there are `count` of them.
import { readFileSync } from "node:fs";

interface Item {
  name?: string;
  item?: Item[];
  request?: unknown;
}

export function scaledCollection(zoomFile: string, count: number): string {
  const zoom = JSON.parse(readFileSync(zoomFile, "utf8")) as { item: Item[] } & Record<string, unknown>;
  const requests: Item[] = [];
  const walk = (items: Item[]) =>
    items.forEach((item) => (item.item ? walk(item.item) : item.request ? requests.push(item) : undefined));
  walk(zoom.item);
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const copy = Math.floor(i / requests.length);
    const source = requests[i % requests.length]!;
    items.push({ ...source, name: copy === 0 ? source.name : `${source.name} copy ${copy}` });
  }
  return JSON.stringify({ ...zoom, item: items });
}

/** The collection with its first request renamed (`… edit <n>`): a small edit, as a user makes one. */
export function renamedRequest(zoomFile: string, n: number): string {
  const zoom = JSON.parse(readFileSync(zoomFile, "utf8")) as { item: Item[] } & Record<string, unknown>;
  let item = zoom.item[0]!;
  while (item.item) item = item.item[0]!;
  item.name = `${item.name} edit ${n}`;
  return JSON.stringify(zoom);
}
