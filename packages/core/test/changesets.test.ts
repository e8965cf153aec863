import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const dir = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", ".changeset");

// `changeset version` reads the YAML front matter of each file; a formatter once turned it into a
// Markdown heading, which made the release step fail. Every pending changeset must keep it.
describe("pending changesets", () => {
  const files = readdirSync(dir).filter((f) => f.endsWith(".md") && f !== "README.md");

  it.each(files)("%s has front matter that names @pobratym/core and a bump", (file) => {
    const text = readFileSync(join(dir, file), "utf8");
    const match = /^---\n((?:"[^"\n]+": (?:major|minor|patch)\n)+)---\n\n?\S/.exec(text);
    expect(match, `${file} must start with ---, "package": bump lines, ---`).not.toBeNull();
    expect(match?.[1]).toMatch(/^"@pobratym\/core": (major|minor|patch)$/m);
  });
});
