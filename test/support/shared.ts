/**
 * Access to the real docs in ../shared (beside the project root). They are
 * read in place, never copied. Without them (a fresh clone elsewhere) the
 * corpus tests are skipped and say so in their titles.
 */
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SHARED = resolve(PROJECT_ROOT, "../shared");
export const HAS_SHARED = existsSync(join(SHARED, "corpora"));

export interface Corpus {
  name: string;
  specRoot: string;
}

/** The seven shared spec roots (formance keeps its models under docs/sdk/models). */
export const CORPORA: Corpus[] = [
  "authlete-ebd5607",
  "authlete-173bed4",
  "authlete-bc9fa09",
  "polar-7b70884",
  "plex-59ed98b",
  "apideck-6e1795e",
  "formance-afc7c62",
].map((name) => ({
  name,
  specRoot: join(SHARED, "corpora", name, name.startsWith("formance") ? "docs/sdk/models" : "docs/models"),
}));

export const AUTHLETE = CORPORA.filter((c) => c.name.startsWith("authlete"));

/** Suffix for describe titles: visible in the report when ../shared is missing. */
export const SKIP_NOTE = HAS_SHARED ? "" : " (skipped: ../shared/corpora not found)";
