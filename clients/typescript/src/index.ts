// The Palisade client: openapi-fetch over the types generated from the server's openapi.json.
import createClient, { type Client } from "openapi-fetch";
import type { components, paths } from "./schema.js";

export type { components, paths };
export type Problem = components["schemas"]["Problem"];
export type PalisadeClient = Client<paths>;

/** A client for `baseUrl`; `credential` is an access token or a `pal_` API key. */
export function palisade(baseUrl: string, credential?: string): PalisadeClient {
  const headers: Record<string, string> = {};
  if (credential !== undefined) headers.Authorization = `Bearer ${credential}`;
  return createClient<paths>({ baseUrl, headers });
}
