/*
 * De Wegwijzer van de Kop: what is wrong in the intake form (/aanmelden/), in Dutch.
 *
 * Pure functions, no page needed (tests/js/aanmelden.test.js runs them under node):
 *
 *   WegwijzerFouten.fromSchema(errors, schema, data) -> [{pad, bericht, paden?}]
 *       errors: the output of the JSON Schema validator (@cfworker/json-schema: keyword,
 *       keywordLocation, instanceLocation). Only the innermost errors count. The message is the
 *       schema's own Dutch one where it has one (patternErrorMessage, errorMessage: the same
 *       messages VS Code shows); else a short Dutch sentence per kind of rule. bericht is null
 *       for "this is empty" (the form then uses the field's own sentence, data-leeg), and for
 *       "fill in one of these" (paden: the fields; the form names them).
 *   WegwijzerFouten.extra(data, limits) -> [{pad, bericht}]
 *       what `wegwijzer validate` checks and JSON Schema cannot say (core/guard.py and the model):
 *       control characters, very long texts, lines and words, and an end time after the start time.
 *       limits: the numbers of core/guard.py and the names of control characters (tekens), from the build.
 */
(function () {
  "use strict";

  var PARENTS = ["properties", "items", "$ref", "allOf", "anyOf", "oneOf", "if", "then", "else", "additionalProperties"];

  function segments(pointer) {
    var text = decodeURI(String(pointer).replace(/^#/, ""));
    if (!text) return [];
    return text.replace(/^\//, "").split("/").map(function (s) { return s.replace(/~1/g, "/").replace(/~0/g, "~"); });
  }

  function path(segs) {
    return segs.length ? "/" + segs.map(function (s) { return String(s).replace(/~/g, "~0").replace(/\//g, "~1"); }).join("/") : "";
  }

  // The schema node at a keyword location, following "$ref" segments the way the validator did.
  function resolve(schema, segs) {
    var node = schema;
    for (var i = 0; i < segs.length && node != null; i++) {
      node = segs[i] === "$ref" ? resolve(schema, segments(node.$ref)) : node[segs[i]];
    }
    return node;
  }

  function at(data, segs) {
    var node = data;
    for (var i = 0; i < segs.length && node != null; i++) node = node[segs[i]];
    return node;
  }

  // The innermost errors. An "if" error is the parent of the errors under its "then" or "else".
  function leaves(errors) {
    return errors.filter(function (e) {
      var under = [e.keywordLocation + "/"];
      if (e.keyword === "if") {
        var base = e.keywordLocation.replace(/\/if$/, "");
        under = [base + "/then/", base + "/else/"];
      }
      var parent = PARENTS.indexOf(e.keyword) >= 0 && errors.some(function (f) {
        return f !== e && under.some(function (u) { return f.keywordLocation.indexOf(u) === 0; });
      });
      return !parent;
    });
  }

  function message(keyword, node, value) {
    if (typeof node.errorMessage === "string") return node.errorMessage;
    switch (keyword) {
      case "pattern": return node.patternErrorMessage || "Dit klopt niet. Kijk of je het goed hebt geschreven.";
      case "enum": case "const": return "Kies een van de mogelijkheden.";
      case "minItems": return node.minItems === 1 ? "Kies er minstens één." : "Kies er minstens " + node.minItems + ".";
      case "maxItems": return "Dit zijn er te veel. Hoogstens " + node.maxItems + ".";
      case "maxLength":
        return "Dit is te lang: " + Array.from(String(value)).length + " tekens. Hoogstens " + node.maxLength + " tekens mag.";
      case "minLength": return null;
      case "minimum": case "exclusiveMinimum": return "Dit getal is te klein. Het moet minstens " + (node.minimum ?? node.exclusiveMinimum) + " zijn.";
      case "maximum": case "exclusiveMaximum": return "Dit getal is te groot. Het mag hoogstens " + (node.maximum ?? node.exclusiveMaximum) + " zijn.";
      case "type": return /number|integer/.test(String(node.type)) ? "Schrijf hier een getal." : "Dit klopt niet.";
      case "oneOf": return "Kies één van de twee, niet allebei.";
      case "not": return "Deze combinatie kan niet. Kijk of je iets dubbel hebt ingevuld.";
      case "false": return "Dit veld kent de Wegwijzer niet.";
      default: return "Dit klopt niet.";
    }
  }

  function fromSchema(errors, schema, data) {
    var out = [];
    var groups = {}; // "fill in one of these": anyOf location -> the fields
    leaves(errors).forEach(function (e) {
      var segs = segments(e.keywordLocation);
      var keyword = segs[segs.length - 1];
      var node = resolve(schema, segs.slice(0, -1)) || {};
      var inst = segments(e.instanceLocation);
      if (e.keyword === "false") keyword = "false";
      if (keyword === "type" && node.type === "null" && typeof node.errorMessage !== "string") return; // "or empty"
      if (keyword === "required") {
        var value = at(data, inst) || {};
        var missing = (node.required || []).filter(function (name) { return value[name] === undefined; });
        var any = e.keywordLocation.match(/^(.*\/anyOf)\/\d+\/required$/);
        missing.forEach(function (name) {
          var pad = path(inst.concat([name]));
          if (any) {
            var g = groups[any[1]] || (groups[any[1]] = {pad: pad, bericht: null, paden: []});
            if (g.paden.indexOf(pad) < 0) g.paden.push(pad);
          } else {
            out.push({pad: pad, bericht: null});
          }
        });
        return;
      }
      out.push({pad: path(inst), bericht: message(keyword, node, at(data, inst))});
    });
    Object.keys(groups).forEach(function (k) {
      var g = groups[k];
      out.push(g.paden.length > 1 ? g : {pad: g.pad, bericht: null});
    });
    var seen = {};
    return out.filter(function (f) {
      var id = f.pad + "\u0000" + f.bericht;
      if (seen[id]) return false;
      seen[id] = true;
      return true;
    });
  }

  // core.guard: C0 and C1 controls except newline, the line and paragraph separators, bidi controls.
  // eslint-disable-next-line no-control-regex -- these are the characters it looks for
  var CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  function code(ch) {
    var n = ch.charCodeAt(0);
    return n < 0x100 ? "\\x" + ("0" + n.toString(16)).slice(-2) : "\\u" + ("000" + n.toString(16)).slice(-4);
  }

  function textProblem(value, limits) {
    var m = CONTROL.exec(value);
    if (m) {
      var what = (limits.tekens || {})[m[0]] || "een onzichtbaar stuurteken (" + code(m[0]) + ")";
      return "Er staat " + what + " in de tekst (teken " + (m.index + 1) + "). Haal het weg. " +
        "Heb je de tekst geplakt? Typ dat stukje dan opnieuw.";
    }
    if (value.length > limits.max_tekst) {
      return "De tekst is te lang: " + value.length + " tekens. Maak hem korter dan " + (limits.max_tekst + 1) + " tekens.";
    }
    var lines = value.split("\n");
    for (var i = 0; i < lines.length; i++) {
      if (lines[i].length > limits.max_regel) {
        return "Regel " + (i + 1) + " van de tekst is te lang (" + lines[i].length + " tekens). " +
          "Zet er een lege regel tussen: een alinea is hoogstens " + limits.max_regel + " tekens.";
      }
    }
    var word = new RegExp("\\p{L}{" + (limits.max_woord + 1) + ",}", "u").exec(value);
    if (word) {
      return "Het woord '" + word[0].slice(0, 27) + "...' is te lang (" + word[0].length + " letters). " +
        "Een woord heeft hoogstens " + limits.max_woord + " letters. Zet spaties of streepjes tussen de delen.";
    }
    return null;
  }

  function walk(value, segs, visit) {
    if (typeof value === "string") visit(value, segs);
    else if (Array.isArray(value)) value.forEach(function (v, i) { walk(v, segs.concat([i]), visit); });
    else if (value && typeof value === "object") Object.keys(value).forEach(function (k) { walk(value[k], segs.concat([k]), visit); });
  }

  function extra(data, limits) {
    var out = [];
    walk(data, [], function (value, segs) {
      var problem = textProblem(value, limits);
      if (problem) out.push({pad: path(segs), bericht: problem});
    });
    ["schema", "inloop", "openingstijden"].forEach(function (name) {
      (Array.isArray(data[name]) ? data[name] : []).forEach(function (item, i) {
        if (item && item.van && item.tot && item.tot <= item.van) {
          out.push({
            pad: path([name, i, "tot"]),
            bericht: "De eindtijd (" + item.tot + ") ligt niet na de begintijd (" + item.van + "). Zet 'tot' later dan 'van'.",
          });
        }
      });
    });
    return out;
  }

  var F = {fromSchema: fromSchema, extra: extra, segments: segments, path: path};
  if (typeof window !== "undefined") { window.WegwijzerFouten = F; }
  if (typeof module === "object" && module.exports) { module.exports = F; }  // node: the tests in tests/js/
})();
