/**
 * npm run schemas [-- --dir <root>] [--log-level <level>]
 * Writes schemas/contacts.schema.json and schemas/policies.schema.json from the zod schemas, for
 * editors to validate the YAML while people type. A test fails when the committed files are stale.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { EXIT, runCommand } from "../infra/cli/command";
import { formatJsonSchema, renderJsonSchemas } from "../infra/docs/json-schema";

await runCommand(
  {
    name: "schemas",
    usage: "npm run schemas -- [--dir <root>] [--log-level error|warn|info|debug]",
    options: {},
    formats: ["text"],
  },
  async ({ dir, log }) => {
    const root = path.resolve(dir);
    for (const file of renderJsonSchemas()) {
      const target = path.join(root, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, formatJsonSchema(file.schema));
      log.info(`wrote ${file.path}`);
    }
    return EXIT.ok;
  },
);
