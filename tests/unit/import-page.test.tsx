// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createBackgroundRouter } from '../../utils/messaging/background-router';
import { HealthRegistry } from '../../utils/messaging/health-registry';
import { CatalogCache } from '../../utils/store/catalog-cache';
import { OnAirWatchers } from '../../utils/on-air/on-air-watchers';
import { DashboardApp } from '../../components/dashboard-app';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import { freshDatabase } from './test-db';
import { countChatMessages } from '../../utils/store/chat-log';

afterEach(cleanup);

/** The orders page on a background that can be made to stop (as a stopped service worker does). */
async function page(language: 'vi' | 'en' = 'vi') {
  const db = freshDatabase();
  const route = createBackgroundRouter({
    db,
    health: new HealthRegistry(),
    extensionId: 'x',
    extensionOrigin: 'chrome-extension://x/',
    catalog: new CatalogCache(db),
    watchers: new OnAirWatchers(),
  });
  const background = { stopOnStep: 0, steps: 0 };
  const sendCommand = async (command: PanelCommand) => {
    if (command.type === 'import-chat' && (background.steps += 1) === background.stopOnStep)
      throw new Error('Could not establish connection. Receiving end does not exist.');
    return route(command, { id: 'x', url: 'chrome-extension://x/dashboard.html' }) as Promise<CommandReply>;
  };
  render(<DashboardApp db={db} sendCommand={sendCommand} browserLanguages={[language]} initialRect={{ width: 1200, height: 640 }} />);
  await screen.findByTestId('chat-log-import');
  return { db, background };
}

const pick = async (text: string, name = 'live.txt') =>
  act(async () => {
    fireEvent.change(screen.getByTestId('import-chat-log'), { target: { files: [new File([text], name, { type: 'text/plain' })] } });
  });
const notices = () => screen.getAllByTestId('import-result').map((notice) => notice.textContent);

describe('chat-log import in the orders page', () => {
  it('names the line and the reason of a refusal, in Vietnamese and in English', async () => {
    const { db } = await page('vi');
    await pick('20:15:01 Hùng: đẹp quá\n20:15:1x Lan: chốt 1 kg\n');
    await waitFor(() =>
      expect(notices()).toEqual(['Không nhập gì cả: dòng 2 của tệp có thời gian không đọc được hoặc không hợp lý ("20:15:1x Lan: chốt 1 kg").']),
    );
    cleanup();
    await page('en');
    await pick('time,author,message\n20:15:01,Hùng,"đẹp quá\n');
    await waitFor(() => expect(notices()).toEqual(['Nothing was imported: line 2 of the file has a quote that is never closed (Quoted field unterminated).']));
    expect(await countChatMessages(db)).toBe(0);
  });

  it('says exactly what was stored when the background stops, and finishes the same file chosen again', async () => {
    const { db, background } = await page('vi');
    const log = Array.from({ length: 3000 }, (_, i) => `Khách ${i % 300}: ${i % 2 ? 'chốt 2kg' : 'đẹp quá'}`).join('\n');
    background.stopOnStep = 3;
    await pick(log, 'dai.txt');
    // the plain sentence first; what the browser said is the detail, folded away under it
    await waitFor(
      () =>
        expect(notices()).toEqual([
          'Nhập bị gián đoạn: 1.000/3.000 tin nhắn đã được lưu. Chọn lại đúng tệp này để nhập nốt, không bị trùng.Chi tiết kỹ thuậtCould not establish connection. Receiving end does not exist.',
        ]),
      { timeout: 20_000 },
    );
    expect(screen.getByTestId('import-result').querySelector('.failure-sentence')?.textContent).toBe(
      'Nhập bị gián đoạn: 1.000/3.000 tin nhắn đã được lưu. Chọn lại đúng tệp này để nhập nốt, không bị trùng.',
    );
    expect(await countChatMessages(db)).toBe(1000);
    await pick(log, 'dai.txt');
    await waitFor(
      () =>
        expect(notices()).toEqual([
          'Đã nhập “dai.txt”: 3.000 tin nhắn (3.000 mới, 0 đã có), 1.500 đơn.',
          'Tiếp tục lần nhập dở: 1.000/3.000 tin nhắn đã được lưu từ lần trước.',
        ]),
      { timeout: 20_000 },
    );
    expect(await countChatMessages(db)).toBe(3000);
    expect(await db.orders.count()).toBe(1500);
  }, 40_000);
});
