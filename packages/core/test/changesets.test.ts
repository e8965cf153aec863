import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const dir = join(repo, ".changeset");

/** The packages published to npm; the apps are private and ignored by changesets. */
const PUBLISHED = ["@pobratym/core", "@pobratym/reference-data"];

/** Workspace packages under packages/ that are published (not private), by name. */
const published = readdirSync(join(repo, "packages"))
  .map((name) => join(repo, "packages", name))
  .filter((path) => existsSync(join(path, "package.json")))
  .map((path) => ({ path, pkg: JSON.parse(readFileSync(join(path, "package.json"), "utf8")) }))
  .filter(({ pkg }) => pkg.private !== true);

/** A changeset's front matter: `"package": bump` lines between `---` fences. */
const FRONT_MATTER = /^---\n((?:"[^"\n]+": (?:major|minor|patch)\n)+)---\n\n?\S/;

// `changeset version` reads the YAML front matter of each file; a formatter once turned it into a
// Markdown heading, which made the release step fail. Every pending changeset must keep it.
describe("pending changesets", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md");

  it("the front-matter rule accepts each published package and rejects a heading", () => {
    for (const name of PUBLISHED)
      expect(`---\n"${name}": minor\n---\n\nText.\n`).toMatch(FRONT_MATTER);
    expect('## "@pobratym/core": minor\n\nText.\n').not.toMatch(FRONT_MATTER);
  });

  it.each(files)("%s has front matter that names published packages and a bump", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const match = FRONT_MATTER.exec(text);
    expect(match, `${file} must start with ---, "package": bump lines, ---`).not.toBeNull();
    const names = [...(match?.[1] ?? "").matchAll(/^"([^"]+)": /gm)].map((m) => m[1]);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(PUBLISHED, `${file} names ${name}`).toContain(name);
  });
});

describe("published packages", () => {
  it("are the ones the changeset check knows", () => {
    expect(published.length).toBeGreaterThan(0);
    for (const { pkg } of published) expect(PUBLISHED).toContain(pkg.name);
  });

  it.each(published.map(({ path, pkg }) => [pkg.name as string, path]))(
    "%s has a changelog whose newest entry is its version",
    (_name, path) => {
      const pkg = JSON.parse(readFileSync(join(path, "package.json"), "utf8"));
      const changelog = readFileSync(join(path, "CHANGELOG.md"), "utf8");
      expect(/^## (\S+)$/m.exec(changelog)?.[1]).toBe(pkg.version);
    },
  );
});
