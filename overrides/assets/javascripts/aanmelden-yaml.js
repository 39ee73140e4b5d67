/*
 * De Wegwijzer van de Kop: the entry file of the intake form (/aanmelden/), as text.
 *
 * Pure functions, no page needed (tests/js/aanmelden.test.js runs them under node):
 *
 *   WegwijzerYaml.toYaml(data, order, header)  -> the YAML of one entry
 *   WegwijzerYaml.slug(name)                   -> an id, as core.vocab.slug makes it
 *   WegwijzerYaml.mailText(opts)               -> the e-mail body, with the entry between two marker lines
 *   WegwijzerYaml.links(opts)                  -> {github, email, mailTooLong, githubTooLong}
 *
 * Every text is written as a double-quoted YAML string with escapes, so no value can become a key,
 * a list, a comment, an anchor, a tag, a number or true/false. Control characters are written as
 * escapes (the model then refuses them with a clear message instead of reading something else).
 * Lines stay at most WIDTH characters: long texts continue on the next line with an escaped
 * line break, so a mail program that wraps long lines cannot break the file.
 */
(function () {
  "use strict";

  var WIDTH = 76;
  var INDENT = "  ";

  // One character of a double-quoted YAML string. Everything outside printable text is escaped:
  // C0 and C1 controls, DEL, the line and paragraph separators, bidi controls, the byte order mark.
  function unit(ch) {
    if (ch === "\\") return "\\\\";
    if (ch === "\"") return "\\\"";
    if (ch === "\n") return "\\n";
    if (ch === "\t") return "\\t";
    var code = ch.charCodeAt(0);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) {
      return "\\x" + (code < 16 ? "0" : "") + code.toString(16);
    }
    if (code === 0x2028 || code === 0x2029 || code === 0xfeff || (code >= 0x202a && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069) || (code >= 0xd800 && code <= 0xdfff && !pair(ch))) {
      return "\\u" + ("000" + code.toString(16)).slice(-4);
    }
    return ch;
  }

  function pair(ch) { return ch.length === 2; }

  // The characters of a string, with surrogate pairs kept together (Array.from splits by code point).
  function chars(text) { return Array.from(text); }

  /*
   * A double-quoted string that starts after `prefix` (e.g. 'naam: ') and continues on lines
   * indented by `indent`. Breaks after a "\n" escape or after a space when it can; a space at
   * the start of a continuation line is written as "\ " (YAML drops leading white space there).
   */
  function quote(text, prefix, indent) {
    var units = chars(String(text)).map(unit);
    var lines = [];
    var line = prefix + "\"";
    var nice = -1; // a position in `line` (after a space or a "\n") where a break reads well
    for (var i = 0; i < units.length; i++) {
      var u = units[i];
      var least = lines.length ? indent.length : prefix.length + 1; // every line keeps one unit at least
      if (line.length + u.length > WIDTH - 1 && line.length > least) {
        var cut = nice > least ? nice : line.length;
        var rest = line.slice(cut);
        lines.push(line.slice(0, cut) + "\\");
        line = indent + (rest.charAt(0) === " " ? "\\ " + rest.slice(1) : rest);
        nice = -1;
      }
      if (line === indent && lines.length && u === " ") u = "\\ ";
      line += u;
      if (u === "\\n" || u === " ") nice = line.length;
    }
    lines.push(line + "\"");
    return lines;
  }

  // A number as YAML reads it back as that number (never "1e-7", which the strict reader keeps as text).
  function number(value) {
    if (!isFinite(value)) throw new Error("geen getal");
    var text = String(value);
    return /e/i.test(text) ? value.toFixed(12).replace(/0+$/, "").replace(/\.$/, ".0") : text;
  }

  function scalar(value, prefix, indent) {
    if (typeof value === "boolean") return [prefix + (value ? "true" : "false")];
    if (typeof value === "number") return [prefix + number(value)];
    return quote(value, prefix, indent);
  }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function ordered(obj, order) {
    var keys = Object.keys(obj);
    var first = (order || []).filter(function (k) { return keys.indexOf(k) >= 0; });
    return first.concat(keys.filter(function (k) { return first.indexOf(k) < 0; }));
  }

  // A key as it is written: the model's field names are plain words; anything else is quoted.
  function key(name) {
    return /^[a-z][a-z0-9_]*$/.test(name) ? name : quote(name, "", "")[0];
  }

  function block(obj, indent, order) {
    var out = [];
    ordered(obj, order).forEach(function (name) {
      var value = obj[name];
      if (value === undefined || value === null) return;
      var prefix = indent + key(name) + ":";
      if (Array.isArray(value)) {
        if (!value.length) return;
        if (value.every(function (v) { return !isObject(v); })) {
          out = out.concat(flowList(value, prefix + " ", indent + INDENT));
        } else {
          out.push(prefix);
          value.forEach(function (item) {
            var lines = block(item, indent + INDENT + INDENT);
            lines[0] = indent + INDENT + "- " + lines[0].slice(indent.length + 2 * INDENT.length);
            out = out.concat(lines);
          });
        }
      } else if (isObject(value)) {
        out.push(prefix);
        out = out.concat(block(value, indent + INDENT));
      } else {
        out = out.concat(scalar(value, prefix + " ", indent + INDENT));
      }
    });
    return out;
  }

  // [a, b, c] on one line when it fits; else one item per line.
  function flowList(values, prefix, indent) {
    var parts = values.map(function (v) { return scalar(v, "", indent + INDENT); });
    var simple = parts.every(function (p) { return p.length === 1; });
    var line = prefix + "[" + parts.map(function (p) { return p[0]; }).join(", ") + "]";
    if (simple && line.length <= WIDTH) return [line];
    var out = [prefix.replace(/ $/, "")];
    values.forEach(function (v) {
      out = out.concat(scalar(v, indent + "- ", indent + INDENT));
    });
    return out;
  }

  function toYaml(data, order, header) {
    var lines = (header || []).map(function (h) { return "# " + h; });
    return lines.concat(block(data, "", order)).join("\n") + "\n";
  }

  // core.vocab.slug: NFKD, drop what is not ASCII, lower case, runs of other characters -> "-", at most 60.
  function slug(text, limit) {
    var max = limit || 60;
    // eslint-disable-next-line no-control-regex -- "not ASCII": everything above \x7f
    var s = String(text).normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase();
    s = s.replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
    return s.slice(0, max).replace(/^-+|-+$/g, "");
  }

  /*
   * opts: {yaml, path ("activities/x.yaml"), change (bool), name, who, email, begin, end (marker
   * templates from the build: "{what}" and "{path}" are filled in)}
   */
  function mailText(opts) {
    var what = opts.change ? "wijziging" : "nieuw";
    var begin = opts.begin.replace("{what}", what).replace("{path}", opts.path);
    var intro = opts.change
      ? "Ik geef een wijziging door voor: " + opts.name + "."
      : "Ik meld iets nieuws aan voor De Wegwijzer: " + opts.name + ".";
    var lines = [
      "Hallo redactie,",
      "",
      intro,
      "De gegevens staan hieronder, tussen de twee regels met 'wegwijzer'.",
      "Lees ze in met: wegwijzer inbox <dit bericht>",
      "",
      begin,
      opts.yaml.replace(/\n$/, ""),
      opts.end,
      "",
      "Groet,",
      opts.who,
    ];
    if (opts.email) lines.push(opts.email);
    return lines.join("\n") + "\n";
  }

  /*
   * opts: {repo, branch, path, yaml, change, email, subject, body, githubMax, mailMax}
   * GitHub: a new file is prefilled (filename and value); a change opens the file's edit page
   * (GitHub cannot prefill that), so the person pastes the copied text there.
   */
  function links(opts) {
    var out = {github: "", email: "", githubTooLong: false, mailTooLong: false};
    if (opts.repo) {
      if (opts.change) {
        out.github = opts.repo + "/edit/" + encodeURIComponent(opts.branch) + "/" + opts.path;
      } else {
        out.github = opts.repo + "/new/" + encodeURIComponent(opts.branch) + "?filename=" +
          encodeURIComponent(opts.path) + "&value=" + encodeURIComponent(opts.yaml);
        if (out.github.length > opts.githubMax) {
          out.githubTooLong = true;
          out.github = opts.repo + "/new/" + encodeURIComponent(opts.branch) + "?filename=" + encodeURIComponent(opts.path);
        }
      }
    }
    if (opts.email) {
      var base = "mailto:" + encodeURIComponent(opts.email).replace(/%40/g, "@") + "?subject=" + encodeURIComponent(opts.subject);
      out.email = base + "&body=" + encodeURIComponent(opts.body);
      if (out.email.length > opts.mailMax) {
        out.mailTooLong = true;
        out.email = base + "&body=" + encodeURIComponent(opts.pasteHere || "");
      }
    }
    return out;
  }

  var Y = {toYaml: toYaml, quote: quote, slug: slug, mailText: mailText, links: links, WIDTH: WIDTH};
  if (typeof window !== "undefined") { window.WegwijzerYaml = Y; }
  if (typeof module === "object" && module.exports) { module.exports = Y; }  // node: the tests in tests/js/
})();
