// Bundled by scripts/bench.ts and run in Chromium: the orders table with 50,000 orders, timed as the
// assistant meets it (first render, a search typed key by key, clearing it, a sort), each flushed synchronously so the time is React's
// and the table's work, then one frame for the browser to lay it out.
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { OrdersTable } from '../../components/orders-table';
import { I18nProvider } from '../../components/i18n';
import type { OrderRecord } from '../../utils/store/records';
import '../../components/side-panel.css';

function orders(count: number): OrderRecord[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `youtube:bench-${i}`,
    streamId: 'youtube:bench',
    messageId: `youtube:bench-${i}`,
    platform: 'youtube',
    authorName: i % 17 === 0 ? 'Hợp tác xã Lục Ngạn' : `Người mua ${i % 3000}`,
    authorKey: `name:${i % 3000}`,
    text: `chốt ${(i % 40) + 1}kg`,
    items: [{ product: 'V1', quantity: (i % 40) + 1, unit: 'kg', kg: (i % 40) + 1 }],
    totalKg: (i % 40) + 1,
    phone: i % 5 === 0 ? `09${String(10_000_000 + i).padStart(8, '0')}` : null,
    confidence: 0.9,
    reasons: [],
    status: i % 3 === 0 ? 'confirmed' : 'pending',
    observedAt: 1_780_000_000_000 + i,
    updatedAt: 0,
  }));
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

async function run(count: number) {
  const data = orders(count);
  const root = createRoot(document.getElementById('root')!);
  let started = performance.now();
  flushSync(() =>
    root.render(
      <I18nProvider language="vi">
        <OrdersTable orders={data} run={async () => ({ ok: true })} />
      </I18nProvider>,
    ),
  );
  await frame();
  const firstRender = performance.now() - started;
  const input = document.querySelector<HTMLInputElement>('[data-testid="table-search"]')!;
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  /** The time from a change of the search box until the next frame, as one key press is felt. */
  const type = async (value: string) => {
    const began = performance.now();
    flushSync(() => {
      setValue.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await frame();
    return performance.now() - began;
  };
  // The assistant types the words one key at a time, the first a moment after the table appeared (as a
  // hand reaches the box; the browser collects the first render's garbage then): every key press is a
  // search over all the orders.
  await new Promise((resolve) => setTimeout(resolve, 500));
  const words = 'hợp tác';
  const keys: number[] = [];
  for (let end = 1; end <= words.length; end += 1) keys.push(await type(words.slice(0, end)));
  const shownAfterFilter = Number(document.querySelector('[data-testid="table-count"]')!.getAttribute('data-shown'));
  const clear = await type('');
  started = performance.now();
  flushSync(() => document.querySelector<HTMLButtonElement>('[data-testid="sort-kg"]')!.click());
  await frame();
  const sort = performance.now() - started;
  const rowsDrawn = document.querySelectorAll('[data-testid="table-row"]').length;
  return { count, firstRender, keys, clear, sort, shownAfterFilter, rowsDrawn };
}

(window as unknown as { chotTableBench: unknown }).chotTableBench = { run };
