/** generator/cli/hash.ts: content hashes for the cache, short names for cache files. */
import { describe, expect, it } from "vitest";
import { contentHash, nameHash } from "../../generator/cli/hash.ts";

describe("hashes", () => {
  it("content hashes are SHA-512, truncated to 32 hex digits, of bytes or text alike", () => {
    // sha512("abc") begins ddaf35a193617aba cc417349ae204131.
    expect(contentHash("abc")).toBe("ddaf35a193617abacc417349ae204131");
    expect(contentHash(new TextEncoder().encode("abc"))).toBe(contentHash("abc"));
  });

  it("file-name hashes are 14 hex digits, stable, and tell folder pairs apart", () => {
    expect(nameHash("/p/spec\0/p/generated")).toBe(nameHash("/p/spec\0/p/generated"));
    expect(nameHash("")).toMatch(/^[0-9a-f]{14}$/);
    const pairs = ["/p/spec\0/p/generated", "/p/generated\0/p/spec", "/p/spec\0/p/generated2", "/p/spec2\0/p/generated", "/q/spec\0/p/generated"];
    const names = pairs.map(nameHash);
    for (const name of names) expect(name).toMatch(/^[0-9a-f]{14}$/);
    expect(new Set(names).size).toBe(pairs.length);
  });
});
