// The DNS resolvers' host operations (Node's dns.resolve*, reverse, Resolver), under
// the `net` capability: each query runs on a fresh host Resolver given the guest
// resolver's servers (null: the host's own), timeout and tries, so the host process's
// default servers never change. Results are plain data; failures cross as records
// (`queryA ENOTFOUND example.invalid`, code, syscall, hostname). A query changes
// nothing, so a resume re-issues it.

import * as dns from "node:dns";
import { hostFailure } from "./net-facts";
import { defineOperations } from "./runtime-ops";

/** What a guest Resolver sends with each query. */
interface ResolverState {
  servers: string[] | null;
  timeout: number;
  tries: number;
}

/** The methods of dns.promises.Resolver a query may name. */
const METHODS = new Set([
  "resolve4",
  "resolve6",
  "resolveAny",
  "resolveCaa",
  "resolveCname",
  "resolveMx",
  "resolveNaptr",
  "resolveNs",
  "resolvePtr",
  "resolveSoa",
  "resolveSrv",
  "resolveTxt",
  "reverse",
]);

function hostResolver(s: ResolverState): dns.promises.Resolver {
  const r = new dns.promises.Resolver({ timeout: s.timeout, tries: s.tries });
  if (s.servers !== null) r.setServers(s.servers);
  return r;
}

type Query = (name: string, options?: { ttl: boolean }) => Promise<unknown>;

defineOperations("dns", {
  /** Runs one query: `method` of Resolver on `name` (with TTLs for resolve4/6 if asked). */
  resolve: {
    capability: "net",
    idempotent: true,
    run: async (_ctx, s: ResolverState, method: unknown, name: unknown, ttl: unknown) => {
      if (typeof method !== "string" || !METHODS.has(method) || typeof name !== "string")
        throw new TypeError("dns.resolve: bad query");
      const r = hostResolver(s);
      const query = (r as unknown as Record<string, Query>)[method].bind(r);
      try {
        return await (ttl === true ? query(name, { ttl: true }) : query(name));
      } catch (e) {
        throw hostFailure(e);
      }
    },
  },
  /** The servers a list names, normalized as Node shows them (null: the host's own). */
  servers: {
    capability: "net",
    run: (_ctx, list: unknown) => {
      if (list === null) return dns.getServers();
      const r = new dns.Resolver();
      try {
        r.setServers(list as string[]);
      } catch (e) {
        throw { message: (e as Error).message, code: (e as { code?: string }).code, coded: true };
      }
      return r.getServers();
    },
  },
});
