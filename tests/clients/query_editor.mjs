// Opens the query page of a running `unakn serve` in headless Chromium and uses its editor as a
// person would: the example query coloured, a prefix used but not declared flagged and declared
// with one click, a query with a syntax error marked at its line, then a good query run.
// Prints what each step shows as JSON.
//
// usage: node query_editor.mjs URL   (NODE_PATH names where playwright-core is)
import { launch } from "./browser.mjs";

const [url] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector(".editor.enhanced");
  const coloured = {
    keywords: await page.locator(".shown .tok-keyword").count(),
    variables: await page.locator(".shown .tok-variable").count(),
    lines: (await page.locator(".gutter").textContent()).trim().split("\n").length,
  };
  const editor = page.locator("#query");
  // `eli:` used, not declared.
  await editor.fill("SELECT ?work ?title WHERE {\n  ?work eli:title ?title .\n} LIMIT 3");
  const missing = await page.locator("#lint .missing-prefix").allTextContents();
  await page.getByRole("button", { name: "Declare eli:" }).click();
  const declared = {
    text: await editor.inputValue(),
    missingAfter: await page.locator("#lint .missing-prefix").count(),
  };
  // A syntax error on the third line: a string left open.
  await editor.fill("PREFIX eli: <http://data.europa.eu/eli/ontology#>\nSELECT ?work WHERE {\n  ?work eli:title \"open .\n}");
  await page.getByRole("button", { name: "Run query" }).click();
  await page.waitForSelector("#lint .syntax-error", { timeout: 20000 });
  const failed = {
    message: await page.locator("#lint .syntax-error").textContent(),
    gutterMark: await page.locator(".gutter .error-line").textContent(),
    band: await page.locator(".error-band").isVisible(),
  };
  // Typing clears the mark; the declared query runs.
  await editor.fill(declared.text);
  await page.getByRole("button", { name: "Run query" }).click();
  await page.waitForSelector("#result-table, #error:not(:empty)", { timeout: 20000 });
  const ran = {
    rows: (await page.locator("#result-table tr").count()) - 1,
    error: await page.locator("#error").textContent(),
    band: await page.locator(".error-band").isVisible(),
  };
  console.log(JSON.stringify({ coloured, missing, declared, failed, ran, errors }));
} finally {
  await browser.close();
}
