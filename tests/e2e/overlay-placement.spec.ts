import { test, expect, type Page } from '@playwright/test';
import { launchExtensionBrowser, type ExtensionBrowser, type FixtureHandler } from '../../scripts/lib/extension-browser';
import type { FixtureRow } from '../../scripts/lib/fixture-pages';
import { allFixtures } from './helpers';
import { closedOverlay, type Box } from './closed-overlay';

// Where Chốt's badges and ticker sit on the three sites' chat pages (fixtures laid out as the sites are:
// the newest rows at the bottom of the list, the list kept scrolled to them), at a narrow and a common chat
// width: a badge never covers a comment's text (nor its author's name), and the ticker's own default
// place is clear of the newest rows.

let browser: ExtensionBrowser | undefined;
test.afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const LONG = 'chốt 3kg vải thiều loại một nhé shop, giao về 12 ngõ 34 Lê Lợi Hà Đông Hà Nội, chiều mai em ở nhà cả buổi';
const CHAT: FixtureRow[] = [
  { author: 'Trần Văn Hùng', text: 'vải năm nay đẹp quá' },
  { author: 'Nguyễn Thị Lan', text: 'chốt 5kg' },
  { author: 'Phạm Mai', text: 'shop ơi ship ra Đà Nẵng mất mấy ngày vậy, nhà em ở gần chợ Hàn' },
  { author: 'Lê Minh', text: 'lấy 2 tạ' },
  { author: 'Đỗ Hà', text: 'ngọt không shop' },
  { author: 'Nguyễn Thị Thu Hương Lục Ngạn Bắc Giang', text: 'chốt 10 ký' },
  { author: 'Bùi Tuấn', text: 'hôm qua mua 5kg ăn ngon lắm' },
  { author: 'Hoàng Anh', text: LONG },
  { author: 'Vũ Thảo', text: 'giá bao nhiêu 1kg vậy shop' },
  { author: 'Đặng Quang', text: 'lấy 7kg' },
  { author: 'Phan Linh', text: 'để em hỏi chồng đã' },
  { author: 'Trịnh Khánh', text: 'chốt 1 tạ cho công ty em, giao về kho ở khu công nghiệp Quang Châu, Việt Yên, Bắc Giang' },
  { author: 'Mai Phương', text: 'vải đẹp' },
  { author: 'Cao Sơn', text: 'chốt 4kg' },
  { author: 'Lý Nga', text: 'có giao Sài Gòn không shop' },
  { author: 'Nguyễn Văn Thành Đạt', text: 'lấy 6 ký vải thiều sớm, gửi xe khách về bến Giáp Bát giúp em nhé' },
  { author: 'Tạ Hiền', text: 'đẹp quá' },
  { author: 'Kiều Oanh', text: 'chốt 2kg' },
  { author: 'Đinh Thị Phương Thảo Hải Dương', text: 'chốt 8kg vải loại to, em lấy làm quà biếu, gói cẩn thận giúp em nha shop ơi' },
  { author: 'Âu Dương', text: LONG.replace('3kg', '9kg') },
];
const ORDER_TEXTS = new Set(CHAT.filter((row) => /^(chốt|lấy)/.test(row.text)).map((row) => row.text));

const rowsFor = (prefix: string) => CHAT.map((row, index) => ({ ...row, id: `${prefix}${1000 + index}` }));

/** Each site's chat page, its rows, their text and author, and the list they are in (the tests' own selectors). */
const SITES = {
  youtube: {
    url: (width: number) => `https://www.youtube.com/live_chat?is_popout=1&v=placeYT${width}`,
    row: 'yt-live-chat-text-message-renderer',
    text: '#message',
    author: '#author-name',
    list: '#item-scroller',
    // the popout is the chat alone: the window's width is the chat's
    viewport: (width: number) => ({ width, height: 720 }),
    chatWidthStyle: () => '',
  },
  tiktok: {
    url: () => 'https://www.tiktok.com/@vuonvai/live',
    row: '[data-e2e="chat-message"]',
    text: '.live-shared-ui-chat-list-chat-message-comment',
    author: '[data-e2e="message-owner-name"]',
    list: '.live-shared-ui-chat-list-scrolling-list',
    viewport: () => ({ width: 1100, height: 720 }),
    chatWidthStyle: (width: number) => `.live-room-right { width: ${width}px !important; }`,
  },
  facebook: {
    url: () => 'https://www.facebook.com/vuonvai/videos/1234567890',
    row: '[role="article"]',
    text: 'span[dir="auto"]:has(div[dir="auto"])',
    author: 'a[role="link"] span[dir="auto"]',
    list: '.xchotlist',
    viewport: () => ({ width: 1100, height: 720 }),
    chatWidthStyle: (width: number) => `.x1rail { width: ${width}px !important; }`,
  },
} as const;
type Site = keyof typeof SITES;

/** The site's page with its chat column at `width` px (the rail's width as a narrower or wider window gives it). */
function withChatWidth(fixtures: FixtureHandler, style: string): FixtureHandler {
  return (url) => {
    const served = fixtures(url);
    if (!served || !style || served.contentType !== 'text/html') return served;
    return { ...served, body: served.body.replace('</head>', `<style>${style}</style></head>`) };
  };
}

interface RowSeen {
  box: Box;
  text: string;
  /** The boxes of the comment's words (each text node's line boxes, emoji pictures) and of the author's name. */
  words: Box[];
  author: Box[];
}

/** The rows as laid out on the page: boxes read in the page (they are the page's own elements). */
function readRows(page: Page, site: Site): Promise<{ list: Box; rows: RowSeen[] }> {
  const { row, text, author, list } = SITES[site];
  return page.evaluate(
    ([rowSelector, textSelector, authorSelector, listSelector]) => {
      const plain = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
      const range = document.createRange();
      const boxesOf = (node: Element | null) => {
        if (!node) return [];
        const boxes: { x: number; y: number; width: number; height: number }[] = [];
        const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        for (let each = walker.nextNode(); each; each = walker.nextNode()) {
          if (!each.nodeValue?.trim()) continue;
          range.selectNodeContents(each);
          for (const r of range.getClientRects()) if (r.width > 0 && r.height > 0) boxes.push(plain(r));
        }
        for (const picture of node.querySelectorAll('img')) boxes.push(plain(picture.getBoundingClientRect()));
        return boxes;
      };
      return {
        list: plain(document.querySelector(listSelector)!.getBoundingClientRect()),
        rows: [...document.querySelectorAll(rowSelector)].map((node) => {
          const textNode = node.querySelector(textSelector);
          return {
            box: plain(node.getBoundingClientRect()),
            text: textNode?.textContent ?? '',
            words: boxesOf(textNode),
            author: boxesOf(node.querySelector(authorSelector)),
          };
        }),
      };
    },
    [row, text, author, list] as const,
  );
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;
const inside = (inner: Box, outer: Box) => inner.y >= outer.y - 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
const show = (box: Box) => `${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}×${Math.round(box.height)}`;

const BADGES = '[data-testid="chot-badge"]';
const TICKER = '[data-testid="chot-ticker"]';

for (const site of Object.keys(SITES) as Site[]) {
  for (const width of [320, 400]) {
    test(`${site} chat at ${width} px: badges never cover a comment's text or author, the ticker is clear of the newest rows`, async ({}, testInfo) => {
      const spec = SITES[site];
      const fixtures = withChatWidth(allFixtures({ [site]: () => rowsFor(site === 'facebook' ? 'fb-place-' : 'Yplace') }), spec.chatWidthStyle(width));
      browser = await launchExtensionBrowser({ headless: true, fixtures });
      const chat = await browser.context.newPage();
      await chat.setViewportSize(spec.viewport(width));
      await chat.goto(spec.url(width));
      const overlay = closedOverlay(chat);
      await expect.poll(() => overlay.attribute(TICKER, 'data-orders'), { timeout: 20_000 }).toBe(String(ORDER_TEXTS.size));

      /** Everything wrong with the badges' places now (empty when all is well). */
      const badgeProblems = async () => {
        const { list, rows } = await readRows(chat, site);
        const badges = await overlay.evaluate(
          (root, s) =>
            [...root!.querySelectorAll<HTMLElement>(s)]
              .filter((node) => node.checkVisibility())
              .map((node) => {
                const { x, y, width: w, height: h } = node.getBoundingClientRect();
                return { x, y, width: w, height: h };
              }),
          BADGES,
        );
        const problems: string[] = [];
        for (const badge of badges) {
          for (const row of rows) {
            if (row.words.some((word) => overlaps(badge, word))) problems.push(`badge ${show(badge)} covers the text of "${row.text.slice(0, 30)}"`);
            if (row.author.some((name) => overlaps(badge, name))) problems.push(`badge ${show(badge)} covers the author of "${row.text.slice(0, 30)}"`);
          }
          const middle = badge.y + badge.height / 2;
          const own = rows.find((row) => middle >= row.box.y && middle <= row.box.y + row.box.height);
          if (!own || !ORDER_TEXTS.has(own.text)) problems.push(`badge ${show(badge)} is on no order row`);
          if (badge.x < list.x - 0.5 || badge.x + badge.width > list.x + list.width + 0.5)
            problems.push(`badge ${show(badge)} leaves the chat column ${show(list)}`);
        }
        for (const row of rows) {
          if (!ORDER_TEXTS.has(row.text) || !inside(row.box, list)) continue;
          const mine = badges.filter((badge) => inside({ ...badge, y: badge.y + badge.height / 2, height: 0 }, row.box));
          if (mine.length !== 1) problems.push(`the order row "${row.text.slice(0, 30)}" in view has ${mine.length} badges`);
        }
        return problems;
      };
      await expect.poll(badgeProblems, { timeout: 15_000 }).toEqual([]);

      // the newest rows are the last ones, at the bottom of the list, and in view
      const { list, rows } = await readRows(chat, site);
      const newest = rows.slice(-3);
      for (const row of newest) expect(inside(row.box, list), `newest row "${row.text.slice(0, 30)}" in view`).toBe(true);
      expect(newest.at(-1)!.box.y + newest.at(-1)!.box.height).toBeGreaterThan(list.y + list.height * 0.75);
      const ticker = (await overlay.box(TICKER))!;
      expect(ticker).not.toBeNull();
      for (const row of newest)
        expect(overlaps(ticker, row.box), `the ticker ${show(ticker)} covers the newest row "${row.text.slice(0, 30)}" at ${show(row.box)}`).toBe(false);
      // and it is on the screen, over the chat column
      const viewport = spec.viewport(width);
      expect(ticker.x).toBeGreaterThanOrEqual(0);
      expect(ticker.x + ticker.width).toBeLessThanOrEqual(viewport.width);
      expect(ticker.y + ticker.height).toBeLessThanOrEqual(viewport.height);
      expect(ticker.x + ticker.width).toBeGreaterThan(list.x);
      await chat.screenshot({ path: testInfo.outputPath(`${site}-${width}.png`) });

      // a new comment, then an order: the list scrolls, the badges follow and still cover nothing
      await chat.evaluate((row) => (window as unknown as { chatFixture: { add(rows: unknown): void } }).chatFixture.add([row]), {
        id: site === 'facebook' ? 'fb-place-new' : 'Yplacenew',
        author: 'Nguyễn Thị Lan',
        text: 'vải đẹp',
      });
      await expect.poll(badgeProblems, { timeout: 15_000 }).toEqual([]);
      expect(browser.blockedRequests).toEqual([]);
    });
  }
}
