// `--store` URLs: "sqlite:PATH" (or a bare path) and "postgres://…" / "postgresql://…".

import type { Store } from "./store";
import { SqliteStore } from "./sqlite-store";

export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PgStore } = await import("./pg-store");
    return PgStore.connect(url);
  }
  const file = url.startsWith("sqlite:") ? url.slice("sqlite:".length) : url;
  if (file === "") throw new Error("vmflow: --store sqlite:PATH needs a path");
  return new SqliteStore(file);
}
