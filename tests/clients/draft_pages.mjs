// Opens the pages of a running `unakn serve` in headless Chromium: a resolution's page with its
// draft's link and the changes from the draft (a redline), the draft's page it links to, and a
// recorded vote's States linking to a State's page. Prints what each shows as JSON.
//
// usage: node draft_pages.mjs URL   (NODE_PATH names where playwright-core is)
import { launch } from "./browser.mjs";

const [url] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/akn/un/statement/deliberation/unga/80-120`);
  const ins = page.locator(".changes ins").first();
  const redline = {
    lineage: await page.locator(".lineage").textContent(),
    heading: await page.locator(".changes h2").textContent(),
    deleted: await page.locator(".changes del").count(),
    inserted: await page.locator(".changes ins").count(),
    insertedParagraphs: await page.locator(".changes .para.inserted").count(),
    insVisible: await ins.isVisible(),
    insBackground: await ins.evaluate((e) => getComputedStyle(e).backgroundColor),
    delDecoration: await page.locator(".changes del").first()
      .evaluate((e) => getComputedStyle(e).textDecorationLine),
  };
  await page.locator(".lineage a").click();
  await page.waitForLoadState("load");
  const draft = {
    url: page.url(),
    h1: await page.locator("h1").textContent(),
    lineage: await page.locator(".lineage").textContent(),
    tabling: await page.locator(".tabling").first().textContent(),
  };
  await page.goto(`${url}/akn/un/statement/deliberation/unga/78-10`);
  const vote = {
    counts: await page.locator(".vote .counts").textContent(),
    groups: await page.locator(".vote h3").allTextContents(),
  };
  await page.locator('.vote a[href="/state/FRA"]').click();
  await page.waitForLoadState("load");
  const state = {
    h1: await page.locator("h1").textContent(),
    groups: await page.locator("h2").allTextContents(),
    first: await page.locator("li a").first().textContent(),
  };
  // For people: what a State's page looks like (SCREENSHOTS names the folder).
  if (process.env.SCREENSHOTS) {
    await page.screenshot({ path: `${process.env.SCREENSHOTS}/state.png`, fullPage: false });
  }
  console.log(JSON.stringify({ redline, draft, vote, state, errors }));
} finally {
  await browser.close();
}
