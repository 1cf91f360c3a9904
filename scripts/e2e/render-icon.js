#!/usr/bin/env node
// Renders images/icon.png (128×128, the Marketplace size) from the SVG below with Debian's
// Chromium, so the icon can be changed and redrawn here. Usage: node scripts/e2e/render-icon.js
const path = require('node:path');
const { chromium } = require('playwright-core');

// An isometric cube (Usercube) whose faces carry a small chain of job steps.
const SVG = `
<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#1f4e8c"/><stop offset="1" stop-color="#0f2a4d"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="22" fill="url(#bg)"/>
  <polygon points="64,18 104,41 64,64 24,41" fill="#7cc4ff"/>
  <polygon points="24,41 64,64 64,110 24,87" fill="#3d8fd8"/>
  <polygon points="104,41 64,64 64,110 104,87" fill="#2a6db3"/>
  <g stroke="#ffffff" stroke-width="4" stroke-linecap="round" fill="#ffffff">
    <line x1="35" y1="60" x2="53" y2="70"/>
    <line x1="53" y1="70" x2="53" y2="88"/>
    <circle cx="35" cy="60" r="5"/><circle cx="53" cy="70" r="5"/><circle cx="53" cy="90" r="5"/>
  </g>
  <g fill="none" stroke="#ffffff" stroke-width="5" stroke-linecap="round" stroke-linejoin="round">
    <polyline points="80,66 72,77 80,88"/><polyline points="90,60 98,71 90,82"/>
  </g>
</svg>`;

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: 128, height: 128 }, deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:transparent">${SVG}</body></html>`);
  const out = path.resolve(__dirname, '../../images/icon.png');
  await page.locator('svg').screenshot({ path: out, omitBackground: true });
  await browser.close();
  console.log(`wrote ${out}`);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
