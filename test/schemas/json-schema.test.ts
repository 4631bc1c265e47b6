import { readFile } from "node:fs/promises";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { formatJsonSchema, renderJsonSchemas, schemaComment } from "../../infra/docs/json-schema";
import { readFolder } from "../../infra/model/source";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FILES = renderJsonSchemas();

function compile(folder: "contacts" | "policies") {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats.default(ajv);
  return ajv.compile(FILES.find((f) => f.folder === folder)!.schema);
}

describe("renderJsonSchemas", () => {
  it.each(FILES.map((f) => [f.path, f] as const))(
    "%s must equal the committed file when the zod schemas have not changed since `npm run schemas`",
    async (file, { schema }) => {
      const committed = await readFile(path.join(ROOT, file), "utf8");
      expect(committed, `${file} is stale: run npm run schemas and commit the result`).toBe(
        formatJsonSchema(schema),
      );
    },
  );

  it("the schemas must use draft 2020-12 when zod emits its default draft", () => {
    for (const file of FILES) {
      expect(file.schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });

  it("a field must carry its zod description when the schema describes it", () => {
    const contacts = FILES.find((f) => f.folder === "contacts")!.schema as any;
    const role = contacts.properties.people.items.properties.role;
    expect(role.description).toBe(
      "PagerDuty account role. Default: user. Owner cannot be set through the API.",
    );
  });

  it("a person must be valid without role or contact methods when those fields have defaults", () => {
    const validate = compile("contacts");
    const person = {
      id: "alice",
      name: "Alice",
      email: "alice@example.com",
      time_zone: "Europe/Paris",
    };
    expect(validate({ people: [person] }), JSON.stringify(validate.errors)).toBe(true);
  });

  it("a person must be invalid when it has a key the schema does not know", () => {
    const validate = compile("contacts");
    const person = {
      id: "alice",
      name: "Alice",
      email: "alice@example.com",
      time_zone: "Europe/Paris",
      phone: "+33 1 23 45 67 89",
    };
    expect(validate({ people: [person] })).toBe(false);
    expect(validate.errors?.[0]?.keyword).toBe("additionalProperties");
  });

  it("a layer must accept a turn length as text or seconds when both are durations", () => {
    const validate = compile("contacts");
    const rotation = (turn: string | number) => ({
      rotations: [
        {
          id: "primary",
          name: "Primary",
          time_zone: "America/New_York",
          covers: "always",
          layers: [{ id: "weekly", start: "2026-01-05T09:00", rotation_turn_length: turn, members: ["alice"] }],
        },
      ],
    });
    expect(validate(rotation("1w"))).toBe(true);
    expect(validate(rotation(604800))).toBe(true);
    expect(validate(rotation(true as unknown as number))).toBe(false);
  });
});

describe.each(["contacts", "policies"] as const)("the YAML files of %s/", (folder) => {
  it("every file must name its folder's schema on the first line when an editor opens it", async () => {
    const { sources } = await readFolder(ROOT, folder);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) {
      const text = await readFile(path.join(ROOT, source.file), "utf8");
      expect(text.split("\n")[0], source.file).toBe(schemaComment(folder));
    }
  });

  it("every file must validate against its folder's schema when the data is committed", async () => {
    const { sources, problems } = await readFolder(ROOT, folder);
    expect(problems).toEqual([]);
    const validate = compile(folder);
    for (const source of sources) {
      expect(validate(source.data), `${source.file}: ${JSON.stringify(validate.errors)}`).toBe(
        true,
      );
    }
  });
});
