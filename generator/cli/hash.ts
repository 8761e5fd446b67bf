/**
 * Hashing for the CLI's cache and stamp. node:crypto is loaded on first use
 * (through `require`, which skips the ESM facade): an up-to-date run,
 * which compares stats and stored hashes only, never needs it.
 */
import { createRequire } from "node:module";

type Crypto = typeof import("node:crypto");
let loaded: Crypto | undefined;
const crypto = (): Crypto => (loaded ??= createRequire(import.meta.url)("node:crypto") as Crypto);

export function newHash(algorithm: "sha256" | "sha512"): import("node:crypto").Hash {
  return crypto().createHash(algorithm);
}

/** A fresh random id. */
export function newId(): string {
  return crypto().randomUUID();
}

/** A content fingerprint (not a security boundary): SHA-512 is the fastest of Node's SHA-2 hashes on 64-bit machines. */
export function contentHash(content: string | Uint8Array): string {
  return newHash("sha512").update(content).digest("hex").slice(0, 32);
}

/**
 * A short name for a string, for file names (which spec and output folder a
 * cache belongs to), not for content: cyrb53, 53 bits, pure JavaScript. Two
 * folder pairs sharing a name would only share a cache whose entries are
 * keyed by content anyway.
 */
export function nameHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, "0");
}
