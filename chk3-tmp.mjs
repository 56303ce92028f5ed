import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('file:///work/main/dist/index.html');
await page.waitForFunction(() => !document.getElementById('jwt-sign').disabled);
await page.check('input[name=mode][value=several]');
for (const v of ['', '9X', 'JWT_ACCESS_TOKEN_SECRET']) { await page.fill('#names li:nth-child(2) input', v); await page.press('#names li:nth-child(2) input', 'Enter'); console.log(JSON.stringify(v), '->', await page.textContent('#gen-error'), await page.getAttribute('#names li:nth-child(2) input', 'aria-invalid')); }
await page.locator('#howto').screenshot({ path: '/tmp/shots/howto.png' });
await browser.close();
