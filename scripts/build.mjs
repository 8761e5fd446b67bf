// Build the generator's CLI into dist/ (plain JS, no loader at run time) and
// ship the runtime module beside it. Run by `npm run build` and on `npm ci`.
//
// The CLI is bundled: Node's ESM loader pays per module, and remark alone is
// ~100 small modules (~150 ms to load, per parse worker too). It is a few
// CommonJS files, loaded with a V8 code cache (see below). ts-morph stays
// external: printer.ts requires it only to print.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
// esbuild does not type-check: the TypeScript 7 compiler does (no output).
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", `${root}/tsconfig.json`], { stdio: "inherit" });
// What the cache and the up-to-date stamp know this build by: its sources and
// the exact dependency versions it bundles (cli/cache.ts adds ts-morph's).
function buildHash() {
  const hash = createHash("sha256").update(readFileSync(join(root, "package-lock.json")));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(relative(root, path)).update(readFileSync(path));
    }
  };
  walk(join(root, "generator"));
  return hash.digest("hex").slice(0, 32);
}

const common = {
  absWorkingDir: root,
  outdir: "dist",
  bundle: true,
  platform: "node",
  target: "node20",
  packages: "bundle",
  external: ["ts-morph"],
  sourcemap: true,
  logLevel: "warning",
};
// The CLI in CommonJS files, each bundled whole, so that they load through
// the V8 code cache (generator/code-cache.ts): bin.cjs (the command),
// main.cjs (arguments, config,
// the up-to-date check, writing), work.cjs (parser, resolver, emitter: main
// loads it only when a run has work to do), and the parse worker. The
// sources are ESM: `import.meta.url` becomes the file's own URL.
const keepWorkApart = {
  name: "keep-work-apart",
  setup(b) {
    // main.ts imports work.ts only when run from sources; built, it loads work.cjs.
    b.onResolve({ filter: /\/work\.ts$/ }, (args) => (args.importer.endsWith("main.ts") ? { path: args.path, external: true } : undefined));
  },
};
await build({
  ...common,
  entryPoints: { "cli/bin": "generator/cli/bin.ts", "cli/main": "generator/cli/main.ts", "cli/work": "generator/cli/work.ts", "cli/parse-worker": "generator/cli/parse-worker.ts" },
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  define: { __MD_MODEL_CODEGEN_BUILD__: JSON.stringify(buildHash()), "import.meta.url": "__importMetaUrl" },
  banner: { js: 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [keepWorkApart],
});
cpSync(`${root}/generator/runtime`, `${root}/dist/runtime`, { recursive: true });
