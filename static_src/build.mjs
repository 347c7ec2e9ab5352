// Builds static_compiled/ from static_src/: Sass to CSS, plus GOV.UK Frontend's JavaScript and
// assets. No bundler: the browser loads ES modules directly, and nothing built is committed.
import { compile } from "sass";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "static_compiled");
const govuk = join(root, "node_modules", "govuk-frontend", "dist", "govuk");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "css"), { recursive: true });
mkdirSync(join(out, "js"), { recursive: true });

for (const name of ["main", "print"]) {
  const result = compile(join(root, "static_src", "scss", `${name}.scss`), {
    loadPaths: [join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  });
  writeFileSync(join(out, "css", `${name}.css`), result.css);
}

cpSync(join(govuk, "govuk-frontend.min.js"), join(out, "js", "govuk-frontend.min.js"));
cpSync(join(govuk, "assets"), join(out, "govuk", "assets"), { recursive: true });
cpSync(join(root, "static_src", "js"), join(out, "js"), { recursive: true });
cpSync(join(root, "static_src", "images"), join(out, "images"), { recursive: true });
console.log("Built static_compiled/");
