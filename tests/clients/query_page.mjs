// Opens the query page of a running `unakn serve` in headless Chromium, clicks an example query
// of the catalogue, waits for the results table and prints what it shows as JSON; then follows
// the first IRI of the results and reports the page it lands on.
//
// usage: node query_page.mjs URL BUTTON_INDEX   (NODE_PATH names where playwright-core is)
import { launch } from "./browser.mjs";

const [url, index = "0"] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  const buttons = page.locator("#catalogue button");
  const count = await buttons.count();
  const button = buttons.nth(Number(index));
  const title = await button.textContent();
  await button.click();
  await page.waitForSelector("#result-table, #error:not(:empty)", { timeout: 20000 });
  const error = await page.locator("#error").textContent();
  const headers = await page.locator("#result-table th").allTextContents();
  const rows = await page.locator("#result-table tr").count();
  const firstRow = await page.locator("#result-table tr:nth-child(2) td").allTextContents();
  const status = await page.locator("#status").textContent();
  let followed = null;
  // The first link that stays on this server, written from its root (others lead to outside
  // vocabularies).
  const link = page.locator(`#result-table a[href^="/"]`).first();
  if (await link.count()) {
    await link.click();
    await page.waitForLoadState("load");
    followed = {
      url: page.url(),
      title: await page.title(),
      h1: await page.locator("h1").first().textContent(),
      citedBy: await page.locator(".cited-by h2").count(),
    };
  }
  console.log(JSON.stringify({ buttons: count, title, error, headers, rows: rows - 1, firstRow, status, followed, errors }));
} finally {
  await browser.close();
}
