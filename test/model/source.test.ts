import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadOrg } from "../../infra/model/load";
import { parseSource, readFolder } from "../../infra/model/source";
import { REPO_ROOT } from "../support/tree";

/** Every YAML file of the shipped data and the fixture trees. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

const FILES = [
  ...yamlFiles(path.join(REPO_ROOT, "contacts")),
  ...yamlFiles(path.join(REPO_ROOT, "policies")),
  ...yamlFiles(path.join(REPO_ROOT, "test/fixtures")),
].filter((file) => !file.includes("broken-yaml"));

// Data is read with js-yaml for speed and positions with the `yaml` library; both must agree on
// what the data says, or a position would point at a value the checks never saw.
describe("parseSource", () => {
  it.each(FILES.map((f) => [path.relative(REPO_ROOT, f), f]))(
    "must read %s as the YAML 1.2 core schema reads it",
    (_name, file) => {
      const text = readFileSync(file, "utf8");
      const { source, problems } = parseSource("x.yaml", text);
      expect(problems).toEqual([]);
      expect(source!.data).toEqual(parse(text, { schema: "core" }));
    },
  );

  it("must keep date-times and clock times as strings", () => {
    const { source } = parseSource("x.yaml", "start: 2026-01-05T09:00\nat: 06:00\nn: 012\n");
    // YAML 1.2 core: no timestamps, no sexagesimal numbers; 012 is the decimal 12.
    expect(source!.data).toEqual({ start: "2026-01-05T09:00", at: "06:00", n: 12 });
  });

  it("must report a duplicate key at the second key", () => {
    const { problems } = parseSource("x.yaml", "a: 1\nb: 2\na: 3\n");
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([["YAML_DUPLICATE_KEY", 3, 1]]);
  });

  it("must locate a node of a file that parsed without problems", () => {
    const { source } = parseSource("x.yaml", "people:\n  - id: a\n  - id: b\n    name: B\n");
    expect(source!.locate(["people", 1, "name"])).toEqual({ line: 4, col: 11 });
    // A missing child is shown at its nearest parent: the second item's map.
    expect(source!.locate(["people", 1, "email"])).toEqual({ line: 3, col: 5 });
  });
});

describe("readFolder", () => {
  it("must read files in subfolders and with upper-case extensions, sorted by path, and skip hidden ones", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pd-read-"));
    mkdirSync(path.join(root, "contacts/eu"), { recursive: true });
    writeFileSync(path.join(root, "contacts/eu/People.YAML"), "people: []\n");
    writeFileSync(path.join(root, "contacts/teams.yml"), "teams: []\n");
    writeFileSync(path.join(root, "contacts/notes.txt"), "not data\n");
    writeFileSync(path.join(root, "contacts/.people-copy.yaml"), "people: []\n");
    const { sources } = await readFolder(root, "contacts");
    expect(sources.map((s) => s.file)).toEqual(["contacts/eu/People.YAML", "contacts/teams.yml"]);
  });
});

describe("unknown fields", () => {
  it("must be shown at the unknown key, not at its value on the next line", async () => {
    const root = mkdtempSync(path.join(tmpdir(), "pd-key-"));
    mkdirSync(path.join(root, "contacts"));
    mkdirSync(path.join(root, "policies"));
    // Line 1 "people:", line 2 the item, line 5 the unknown key "colour", its value on line 6.
    writeFileSync(
      path.join(root, "contacts/people.yaml"),
      "people:\n  - id: a\n    name: A\n    email: a@example.com\n    colour:\n      red: 1\n    time_zone: UTC\n",
    );
    const { problems } = await loadOrg(root);
    expect(problems.map((p) => [p.code, p.line, p.col])).toEqual([["FIELD_UNKNOWN", 5, 5]]);
  });
});
