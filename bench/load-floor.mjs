// The least any generator built on this project's packages can take: Node starts, loads the
// packages the design fixes (postman-collection, ts-morph with its TypeScript, handlebars,
// prettier with its TypeScript and markdown printers), and has each do a token amount of work.
// Compared with orval's whole run, it shows how much of a time target is left for the work itself.
import Handlebars from "handlebars";
import sdk from "postman-collection";
import * as prettier from "prettier";
import { Project } from "ts-morph";

new sdk.Collection({ info: { name: "floor" }, item: [{ name: "one", request: "https://example.com/" }] }).toJSON();
const project = new Project({ useInMemoryFileSystem: true });
project.createSourceFile("floor.ts", { statements: ["export const floor = 1;"] }).getFullText();
Handlebars.compile("{{name}}", { noEscape: true })({ name: "floor" });
await prettier.format("export const floor = 1", { parser: "typescript" });
await prettier.format("# floor", { parser: "markdown" });
