// The query page's SPARQL editor: the textarea people type in, with its words coloured by kind,
// line numbers, the prefixes a query uses but does not declare (one click declares them, from
// the prefixes the example queries declare), and the server's syntax errors marked at their
// line. Without JavaScript the textarea is a plain one and the form still posts.
"use strict";

const KEYWORDS = new Set((
  "a add all as asc ask base bind by clear construct copy create data default delete desc " +
  "describe distinct drop exists filter from graph group having in insert into limit load " +
  "minus move named not offset optional order prefix reduced select service silent to union " +
  "using values where with true false"
).split(" "));

const FUNCTIONS = new Set((
  "str lang langmatches datatype bound iri uri bnode rand abs ceil floor round concat strlen " +
  "ucase lcase encode_for_uri contains strstarts strends strbefore strafter year month day " +
  "hours minutes seconds timezone tz now uuid struuid md5 sha1 sha256 sha384 sha512 coalesce " +
  "if strlang strdt sameterm isiri isuri isblank isliteral isnumeric regex substr replace " +
  "count sum min max avg sample group_concat separator"
).split(" "));

// Each kind of token, tried in this order at each place of the text.
const TOKENS = [
  ["comment", /#[^\n]*/y],
  ["iri", /<[^<>"{}|^`\\\s]*>/y],
  ["string", /"""[\s\S]*?"""|'''[\s\S]*?'''|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/y],
  ["variable", /[?$][\p{L}\p{N}_]+/uy],
  ["langtag", /@[a-zA-Z]+(?:-[a-zA-Z0-9]+)*/y],
  ["pname", /(?:[\p{L}][\p{L}\p{N}_.-]*)?:(?:[\p{L}\p{N}_:%-]|\.(?=[\p{L}\p{N}_:%-]))*/uy],
  ["number", /[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+)/y],
  ["word", /[\p{L}_][\p{L}\p{N}_]*/uy],
  ["space", /\s+/y],
  ["other", /[\s\S]/y],
];

/** The tokens of a query: [kind, text, offset]. */
export function tokens(text) {
  const out = [];
  let at = 0;
  while (at < text.length) {
    for (const [kind, re] of TOKENS) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m || m[0].length === 0) continue;
      let k = kind;
      if (kind === "word") {
        const lower = m[0].toLowerCase();
        k = KEYWORDS.has(lower) ? "keyword" : FUNCTIONS.has(lower) ? "function" : "word";
      }
      out.push([k, m[0], at]);
      at += m[0].length;
      break;
    }
  }
  return out;
}

/** The line (from 1) of an offset. */
function lineOf(text, offset) {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The prefixes a query declares, and those it uses without declaring, each with its first line. */
export function prefixes(text) {
  const declared = new Map();
  const used = new Map();
  const list = tokens(text).filter(([k]) => k !== "space" && k !== "comment");
  for (let i = 0; i < list.length; i++) {
    const [kind, value, at] = list[i];
    if (kind === "keyword" && value.toLowerCase() === "prefix" && list[i + 1] && list[i + 2]) {
      const name = list[i + 1][1];
      if (name.endsWith(":") && list[i + 2][0] === "iri") {
        declared.set(name.slice(0, -1), list[i + 2][1].slice(1, -1));
        i += 2;
        continue;
      }
    }
    if (kind === "pname") {
      const name = value.slice(0, value.indexOf(":"));
      if (!used.has(name)) used.set(name, lineOf(text, at));
    }
  }
  const missing = [...used].filter(([name]) => !declared.has(name));
  return { declared, missing };
}

function escapeHtml(s) {
  return s.replace(/[&<>]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[c]);
}

/**
 * Makes `textarea` an editor. `known` maps prefix names to IRIs (from the example queries);
 * `lint` is the element where undeclared prefixes and errors are listed.
 */
export function enhance(textarea, known, lint) {
  const box = document.createElement("div");
  box.className = "editor";
  const gutter = document.createElement("pre");
  gutter.className = "gutter";
  gutter.setAttribute("aria-hidden", "true");
  const area = document.createElement("div");
  area.className = "area";
  const shown = document.createElement("pre");
  shown.className = "shown";
  shown.setAttribute("aria-hidden", "true");
  const band = document.createElement("div");
  band.className = "error-band";
  band.hidden = true;
  textarea.replaceWith(box);
  area.append(band, shown, textarea);
  box.append(gutter, area);
  box.classList.add("enhanced");
  let errorLine = 0;

  function paint() {
    const text = textarea.value;
    let html = "";
    for (const [kind, value] of tokens(text)) {
      html += kind === "space" || kind === "other" || kind === "word"
        ? escapeHtml(value)
        : `<span class="tok-${kind}">${escapeHtml(value)}</span>`;
    }
    // A last empty line keeps its height, as the textarea's does.
    shown.innerHTML = html + "\n";
    const lines = text.split("\n").length;
    let numbers = "";
    for (let n = 1; n <= lines; n++) {
      numbers += n === errorLine ? `<span class="error-line">${n}</span>\n` : `${n}\n`;
    }
    gutter.innerHTML = numbers;
    placeBand();
    check();
  }

  function placeBand() {
    band.hidden = errorLine === 0;
    if (!errorLine) return;
    const style = getComputedStyle(textarea);
    const height = parseFloat(style.lineHeight) || 1.4 * parseFloat(style.fontSize);
    band.style.top = `${parseFloat(style.paddingTop) + (errorLine - 1) * height - textarea.scrollTop}px`;
    band.style.height = `${height}px`;
  }

  function check() {
    const { missing } = prefixes(textarea.value);
    lint.replaceChildren();
    for (const [name, line] of missing) {
      const li = document.createElement("li");
      li.className = "missing-prefix";
      li.append(`line ${line}: prefix ${name}: is not declared`);
      if (known.has(name)) {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = `Declare ${name}:`;
        button.addEventListener("click", () => declare([name]));
        li.append(" ", button);
      }
      lint.append(li);
    }
    const declarable = missing.map(([n]) => n).filter((n) => known.has(n));
    if (declarable.length > 1) {
      const li = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = "Declare them all";
      button.addEventListener("click", () => declare(declarable));
      li.append(button);
      lint.append(li);
    }
  }

  /** PREFIX lines for `names` put before the query, after those it has. */
  function declare(names) {
    const lines = names.map((n) => `PREFIX ${n}: <${known.get(n)}>`).join("\n") + "\n";
    const text = textarea.value;
    const m = /^(?:\s*(?:#[^\n]*|PREFIX\s+[^\n]*|BASE\s+[^\n]*)\n)*/i.exec(text);
    const at = m ? m[0].length : 0;
    textarea.value = text.slice(0, at) + lines + text.slice(at);
    errorLine = 0;
    paint();
  }

  textarea.addEventListener("input", () => { errorLine = 0; paint(); });
  textarea.addEventListener("scroll", () => {
    shown.scrollTop = textarea.scrollTop;
    shown.scrollLeft = textarea.scrollLeft;
    gutter.scrollTop = textarea.scrollTop;
    placeBand();
  });
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Tab" && !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      const { selectionStart: s, selectionEnd: t } = textarea;
      textarea.setRangeText("  ", s, t, "end");
      paint();
    }
  });
  paint();
  return {
    /** The editor's text was set from outside. */
    refresh() { errorLine = 0; paint(); },
    /**
     * Marks the line of a server's syntax error (`error at 3:15: expected ...`); returns the
     * line, or 0 when the message names none.
     */
    markError(message) {
      const m = /at (\d+):(\d+)/.exec(message);
      errorLine = m ? Number(m[1]) : 0;
      paint();
      if (errorLine) {
        const li = document.createElement("li");
        li.className = "syntax-error";
        li.textContent = `line ${m[1]}, column ${m[2]}: syntax error`;
        lint.prepend(li);
      }
      return errorLine;
    },
  };
}
