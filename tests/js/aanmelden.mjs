// Runs the pure parts of the intake form (overrides/assets/javascripts/aanmelden-*.js) under node for
// tests/test_intake_js.py: reads one JSON request on stdin, writes one JSON answer on stdout.
//   {yaml: [{data, order, header}]}            -> {yaml: [text]}
//   {slug: [name]}                             -> {slug: [id]}
//   {links: [opts]}                            -> {links: [{github, email, ...}]}
//   {fouten: {schema, cases: [data]}}          -> {fouten: [[{pad, bericht, paden}]]}   (with @cfworker/json-schema)
//   {extra: {limits, cases: [data]}}           -> {extra: [[{pad, bericht}]]}
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const require = createRequire(import.meta.url);
const Y = require(path.join(ROOT, "overrides/assets/javascripts/aanmelden-yaml.js"));
const F = require(path.join(ROOT, "overrides/assets/javascripts/aanmelden-fouten.js"));
const { Validator } = await import(path.join(ROOT, "node_modules/@cfworker/json-schema/dist/esm/index.js"));

const request = JSON.parse(readFileSync(0, "utf8"));
const answer = {};
if (request.yaml) answer.yaml = request.yaml.map((c) => Y.toYaml(c.data, c.order, c.header));
if (request.slug) answer.slug = request.slug.map((name) => Y.slug(name));
if (request.links) answer.links = request.links.map((opts) => Y.links(opts));
if (request.mail) answer.mail = request.mail.map((opts) => Y.mailText(opts));
if (request.fouten) {
  const check = new Validator(request.fouten.schema, "7", false);
  answer.fouten = request.fouten.cases.map((data) => F.fromSchema(check.validate(data).errors, request.fouten.schema, data));
}
if (request.extra) answer.extra = request.extra.cases.map((data) => F.extra(data, request.extra.limits));
process.stdout.write(JSON.stringify(answer));
