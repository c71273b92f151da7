// The least any generator built on this project's packages can take: Node starts, loads the
// packages a cold generation loads (postman-collection, ajv, handlebars, prettier's document
// printer, yargs), and has each do a token amount of work. TypeScript (ts-morph) and prettier's
// parsers load only for `--typecheck`, a prettier config beyond width and indentation, or an API
// diff whose types changed, so they are not part of it. Compared with orval's whole run, it shows
// how much of a time target is left for the work itself.
import { Ajv } from "ajv";
import Handlebars from "handlebars";
import sdk from "postman-collection";
import { builders, printer } from "prettier/doc";
import yargs from "yargs";

new sdk.Collection({ info: { name: "floor" }, item: [{ name: "one", request: "https://example.com/" }] }).toJSON();
new Ajv({ allErrors: true }).compile({ type: "object", properties: { name: { type: "string" } } })({ name: "floor" });
Handlebars.compile("{{name}}", { noEscape: true })({ name: "floor" });
printer.printDocToString(builders.group(["export const floor = ", "1;"]), {
  printWidth: 120,
  tabWidth: 2,
  useTabs: false,
});
await yargs(["generate"]).command("generate", "floor").parseAsync();
