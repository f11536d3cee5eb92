// Headless Chromium for the explorer's tests and bench:ui: the system's browser (Debian's
// chromium package), driven by puppeteer-core, which never downloads one.
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launchBrowser(): Promise<{ browser: Browser; downloads: string }> {
  if (!existsSync(CHROMIUM)) throw new Error(`no browser at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=zh-CN"],
  });
  const downloads = mkdtempSync(join(tmpdir(), "kg-downloads-"));
  const session = await browser.target().createCDPSession();
  await session.send("Browser.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
  return { browser, downloads };
}

/**
 * Waits until the explorer marks the view of the current address as drawn: after a click or a
 * new address, the previous view's mark stays until the app has handled the change.
 */
export async function waitForView(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.ready === "1" && document.body.dataset.view === location.hash, { timeout });
}

/**
 * How the browser drew the CJK text of an element: its screenshot's ink (pixels unlike the
 * background) and whether distinct characters drawn in its font give distinct glyphs (without a
 * CJK font they all come out as the same empty box, or nothing).
 */
export async function cjkRendering(page: Page, selector: string): Promise<{ text: string; inkPixels: number; distinctGlyphs: number; characters: number }> {
  const element = await page.$(selector);
  if (!element) throw new Error(`no element ${selector}`);
  const shot = Buffer.from(await element.screenshot({ encoding: "binary" })).toString("base64");
  return page.evaluate(
    async (png, selector) => {
      const target = document.querySelector(selector) as HTMLElement;
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
      ctx.drawImage(image, 0, 0);
      const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      const [r0, g0, b0] = [pixels[0]!, pixels[1]!, pixels[2]!];
      let inkPixels = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (Math.abs(pixels[i]! - r0) + Math.abs(pixels[i + 1]! - g0) + Math.abs(pixels[i + 2]! - b0) > 150) inkPixels++;
      }
      const characters = [...new Set([...(target.innerText ?? "")].filter((c) => /\p{Script=Han}/u.test(c)))].slice(0, 6);
      const glyphs = new Set<string>();
      const style = getComputedStyle(target);
      for (const c of characters) {
        const glyph = document.createElement("canvas");
        glyph.width = glyph.height = 48;
        const g = glyph.getContext("2d", { willReadFrequently: true })!;
        g.font = `32px ${style.fontFamily}`;
        g.fillText(c, 4, 38);
        const data = g.getImageData(0, 0, 48, 48).data;
        let signature = "";
        for (let i = 3; i < data.length; i += 4 * 7) signature += data[i]! > 128 ? "1" : "0";
        if (signature.includes("1")) glyphs.add(signature);
      }
      return { text: target.innerText, inkPixels, distinctGlyphs: glyphs.size, characters: characters.length };
    },
    shot,
    selector,
  );
}
