// openapi.json → TypeScript types (openapi-typescript). Usage: node generate-types.mjs OUT.ts
// JsonValue (any JSON value without U+0000, recursive through arrays) becomes `unknown`:
// TypeScript cannot alias a union that holds an array of itself through indexed access
// types (TS2502). The server still checks the rule; the document still states it.
import { writeFileSync } from "node:fs";
import ts from "typescript";
import openapiTS, { astToString } from "openapi-typescript";

const out = process.argv[2];
if (!out) throw new Error("usage: node generate-types.mjs OUT.ts");
const unknown = ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword);
const ast = await openapiTS(new URL("./openapi.json", import.meta.url), {
  transform(_schema, metadata) {
    return metadata.path === "#/components/schemas/JsonValue" ? unknown : undefined;
  },
});
writeFileSync(out, astToString(ast));
