/** `npm run bench`: every benchmark, printed as tables and ratios measured in this one run. */
import { main as benchGenerate } from "./generate.ts";

await benchGenerate();
try {
  const validators = await import("./validators.ts");
  await validators.main();
} catch (error) {
  console.log(`validator bench unavailable: ${error instanceof Error ? error.message : String(error)}`);
}
