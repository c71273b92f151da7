// Reads the type expressions the emitter writes as text (type-expressions.ts: keywords,
// references with arguments, string and number literals, unions, intersections, arrays, object
// type literals, indexed access, `keyof`/`readonly`) into the tree the TypeScript printer lays out.
// Anything else is a generator bug and throws.
import { ID_CONTINUE, ID_START } from "../../model/identifier-chars.js";
import type { TypeMember, TypeNode } from "./typescript.js";
import { memoized } from "../../memo.js";

const TOKEN = new RegExp(
  String.raw`\s*(?:("(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([$_${ID_START}][$${ID_CONTINUE}]*)|([{}[\]<>()|&;:,?.]))`,
  "uy",
);

interface Token {
  kind: "string" | "number" | "name" | "punct";
  text: string;
}

export function parseType(text: string): TypeNode {
  return parsed(text);
}

const parsed = memoized((text) => new Parser(text).parseAll());

class Parser {
  private readonly tokens: Token[] = [];
  private index = 0;

  constructor(private readonly text: string) {
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length) {
      if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
      const start = TOKEN.lastIndex;
      const match = TOKEN.exec(text);
      if (!match) throw new Error(`cannot read the type ${JSON.stringify(text)} at ${start}`);
      const [, string, number, name, punct] = match;
      if (string !== undefined) this.tokens.push({ kind: "string", text: string });
      else if (number !== undefined) this.tokens.push({ kind: "number", text: number });
      else if (name !== undefined) this.tokens.push({ kind: "name", text: name });
      else this.tokens.push({ kind: "punct", text: punct! });
    }
  }

  parseAll(): TypeNode {
    const type = this.union();
    if (this.index !== this.tokens.length) this.fail();
    return type;
  }

  private fail(): never {
    throw new Error(`cannot read the type ${JSON.stringify(this.text)} at token ${this.index}`);
  }

  private peek(text?: string): boolean {
    const token = this.tokens[this.index];
    return (
      token !== undefined &&
      (text === undefined || (token.kind === "punct" || token.kind === "name" ? token.text === text : false))
    );
  }

  private take(text: string): void {
    if (!this.peek(text)) this.fail();
    this.index++;
  }

  private union(): TypeNode {
    if (this.peek("|")) this.index++;
    const types = [this.intersection()];
    while (this.peek("|")) {
      this.index++;
      types.push(this.intersection());
    }
    return types.length === 1
      ? types[0]!
      : { kind: "union", types: types.flatMap((t) => (t.kind === "union" ? t.types : [t])) };
  }

  private intersection(): TypeNode {
    const types = [this.postfix()];
    while (this.peek("&")) {
      this.index++;
      types.push(this.postfix());
    }
    return types.length === 1 ? types[0]! : { kind: "intersection", types };
  }

  private postfix(): TypeNode {
    let type = this.primary();
    while (this.peek("[")) {
      this.index++;
      if (this.peek("]")) {
        this.index++;
        type = { kind: "array", element: type };
      } else {
        const index = this.union();
        this.take("]");
        type = { kind: "indexed", object: type, index };
      }
    }
    return type;
  }

  private primary(): TypeNode {
    const token = this.tokens[this.index];
    if (!token) this.fail();
    if (token.kind === "string" || token.kind === "number") {
      this.index++;
      return { kind: "literal", raw: token.text };
    }
    if (token.kind === "name") {
      this.index++;
      if (token.text === "keyof" || token.text === "readonly")
        return { kind: "operator", operator: token.text, type: this.postfix() };
      if (token.text === "true" || token.text === "false") return { kind: "literal", raw: token.text };
      let name = token.text;
      while (this.peek(".")) {
        this.index++;
        const next = this.tokens[this.index++];
        if (next?.kind !== "name") this.fail();
        name += `.${next.text}`;
      }
      if (!this.peek("<")) return { kind: "name", name };
      this.index++;
      const args = [this.union()];
      while (this.peek(",")) {
        this.index++;
        args.push(this.union());
      }
      this.take(">");
      return { kind: "name", name, args };
    }
    if (token.text === "{") {
      this.index++;
      const members: TypeMember[] = [];
      while (!this.peek("}")) {
        members.push(this.member());
        if (this.peek(";") || this.peek(",")) this.index++;
        else if (!this.peek("}")) this.fail();
      }
      this.index++;
      return { kind: "object", members };
    }
    if (token.text === "(") {
      this.index++;
      const type = this.union();
      this.take(")");
      return type;
    }
    this.fail();
  }

  private member(): TypeMember {
    let readonly = false;
    const next = this.tokens[this.index + 1];
    if (this.peek("readonly") && next && next.text !== ":" && next.text !== "?") {
      readonly = true;
      this.index++;
    }
    if (this.peek("[")) {
      this.index++;
      const parameter = this.tokens[this.index++];
      if (parameter?.kind !== "name") this.fail();
      this.take(":");
      const keyType = this.union();
      this.take("]");
      this.take(":");
      return { kind: "index", parameter: parameter.text, keyType, type: this.union() };
    }
    const key = this.tokens[this.index++];
    if (!key || key.kind === "punct") this.fail();
    const optional = this.peek("?");
    if (optional) this.index++;
    this.take(":");
    const type = this.union();
    const name = key.kind === "string" ? (JSON.parse(key.text) as string) : key.text;
    return {
      kind: "property",
      key: name,
      ...(key.kind === "number" ? { numeric: true } : {}),
      ...(optional ? { optional } : {}),
      ...(readonly ? { readonly } : {}),
      type,
    };
  }
}
