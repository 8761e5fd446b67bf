// Compile the generator to dist/ (plain JS, no loader at run time) and ship
// the runtime module beside it. Run by `npm run build` and on `npm ci`.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
rmSync(`${root}/dist`, { recursive: true, force: true });
execFileSync(process.execPath, [`${root}/node_modules/typescript/bin/tsc`, "-p", `${root}/tsconfig.build.json`], { stdio: "inherit" });
cpSync(`${root}/generator/runtime`, `${root}/dist/runtime`, { recursive: true });
