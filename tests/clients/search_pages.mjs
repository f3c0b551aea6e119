// Opens the search page of a running `unakn serve` in headless Chromium as a visitor would: types
// words into the box, narrows by a facet, opens a hit and lands on its paragraph; then an
// Arabic resolution's page, right to left. Prints what each shows as JSON; keeps screenshots.
//
// usage: node search_pages.mjs URL WORDS ARABIC_PATH SCREENSHOT_DIR
//        (NODE_PATH names where playwright-core is)
import { launch } from "./browser.mjs";

const [url, words, arabicPath, shots] = process.argv.slice(2);
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}/search`);
  await page.getByLabel("Words").fill(words);
  await page.getByRole("button", { name: "Search" }).click();
  await page.waitForLoadState("load");
  const found = {
    url: page.url(),
    summary: await page.locator(".summary").textContent(),
    groups: await page.locator("article").count(),
    marks: await page.locator("article mark").count(),
  };
  await page.screenshot({ path: `${shots}/search.png`, fullPage: false });
  // Narrow by the first session offered.
  await page.locator("aside h2:text('Session') + ul a").first().click();
  await page.waitForLoadState("load");
  const narrowed = {
    url: page.url(),
    summary: await page.locator(".summary").textContent(),
  };
  // Open the first hit: its paragraph, on its resolution's page.
  const hit = page.locator("article li a.where").first();
  const href = await hit.getAttribute("href");
  await hit.click();
  await page.waitForLoadState("load");
  const id = decodeURIComponent(new URL(page.url()).hash.slice(1));
  const target = page.locator(`[id="${id}"]`);
  const opened = {
    href,
    id,
    present: (await target.count()) === 1,
    inView: (await target.count()) === 1 && (await target.evaluate((e) => {
      const r = e.getBoundingClientRect();
      return r.top >= 0 && r.top < window.innerHeight;
    })),
  };
  // An Arabic resolution: the page and its blocks right to left, paragraphs set from the right.
  await page.goto(`${url}${arabicPath}`);
  const arabic = await page.evaluate(() => {
    const main = document.querySelector("main").getBoundingClientRect();
    const para = [...document.querySelectorAll("main p")].find((p) => p.textContent.length > 80);
    const box = para.getBoundingClientRect();
    const bdi = document.querySelector("main bdi");
    return {
      lang: document.documentElement.lang,
      dir: getComputedStyle(document.documentElement).direction,
      paragraphDir: getComputedStyle(para).direction,
      // Right to left: a paragraph starts at the right edge of the page's column.
      rightGap: Math.round(main.right - box.right),
      bdi: bdi ? bdi.textContent : null,
      searchLabel: document.querySelector("form[role=search] label")?.textContent ?? null,
    };
  });
  await page.screenshot({ path: `${shots}/arabic.png`, fullPage: false });
  console.log(JSON.stringify({ found, narrowed, opened, arabic, errors }));
} finally {
  await browser.close();
}
