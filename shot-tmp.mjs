import { chromium } from 'playwright-core';
const url = process.argv[2] || 'file:///work/main/dist/index.html';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const [w, h, name] of [[375, 667, 'phone'], [1366, 768, 'laptop']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.getElementById('secret').value !== '');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/shots/${name}.png` });
  const r = await page.evaluate(() => { const b = (id) => { const e = document.getElementById(id); const r = e.getBoundingClientRect(); return [Math.round(r.top), Math.round(r.bottom)]; }; return { secret: b('secret'), copy: b('copy'), h: document.documentElement.scrollHeight }; });
  console.log(name, JSON.stringify(r));
  await ctx.close();
}
await browser.close();
