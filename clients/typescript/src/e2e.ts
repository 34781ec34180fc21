// End to end against a live server, through the generated client only:
// sign-up → login → workspace → collection → record → API key → read the record with the key.
// Usage: node dist/e2e.js <base URL>   (or PALISADE_URL)
import assert from "node:assert/strict";
import { palisade, type Problem } from "./index.js";

const baseUrl = process.argv[2] ?? process.env.PALISADE_URL;
if (!baseUrl) throw new Error("usage: e2e.js <base URL>");

const suffix = Date.now().toString(36);
const email = `e2e-${suffix}@example.com`;
const password = `correct horse battery staple ${suffix}`;
const slug = `e2e-${suffix}`;

function ok<T>(step: string, result: { data?: T; error?: unknown; response: Response }): T {
  assert.ok(result.response.ok, `${step}: ${result.response.status} ${JSON.stringify(result.error)}`);
  assert.ok(result.data !== undefined, `${step}: no body`);
  return result.data;
}

const anonymous = palisade(baseUrl);
const account = ok("sign-up", await anonymous.POST("/v1/auth/signup", { body: { email, password, name: "E2E" } }));
assert.equal(account.email, email);

const tokens = ok("login", await anonymous.POST("/v1/auth/login", { body: { email, password } }));
assert.ok("access_token" in tokens, "bearer mode returns tokens");
const user = palisade(baseUrl, tokens.access_token);

const me = ok("me", await user.GET("/v1/me"));
assert.equal(me.id, account.id);

const workspace = ok("workspace", await user.POST("/v1/workspaces", { body: { slug, name: "E2E workspace" } }));
assert.equal(workspace.role, "owner");
const ws = { params: { path: { ws: slug } } };

const schema = { type: "object", required: ["title"], properties: { title: { type: "string" } } };
ok("collection", await user.POST("/v1/workspaces/{ws}/collections", { ...ws, body: { name: "notes", schema } }));
const note = { params: { path: { ws: slug, name: "notes" } } };

const refused = await user.POST("/v1/workspaces/{ws}/collections/{name}/records", { ...note, body: { body: 1 } });
assert.equal(refused.response.status, 422);
assert.equal((refused.error as Problem).code, "schema_violation");

const record = ok("record", await user.POST("/v1/workspaces/{ws}/collections/{name}/records", { ...note, body: { title: "hello" } }));
assert.equal(record.version, 1);

const key = ok("api key", await user.POST("/v1/workspaces/{ws}/api-keys", { ...ws, body: { name: "reader", scopes: ["records:read"] } }));
assert.match(key.secret, /^pal_/);

const withKey = palisade(baseUrl, key.secret);
const read = ok("read with key", await withKey.GET("/v1/workspaces/{ws}/collections/{name}/records/{id}", {
  params: { path: { ws: slug, name: "notes", id: record.id } },
}));
assert.deepEqual(read.data, { title: "hello" });

const write = await withKey.POST("/v1/workspaces/{ws}/collections/{name}/records", { ...note, body: { title: "no" } });
assert.equal(write.response.status, 403, "a read-only key cannot write");
assert.equal((write.error as Problem).code, "permission_denied");

console.log(`typescript e2e: 1 passed, 0 failed (${baseUrl})`);
