// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { SidePanelApp } from '../../components/side-panel-app';
import type { TeamPanelDeps } from '../../components/team-panel';
import type { TeamPortLike } from '../../components/use-team-status';
import type { TeamCommand, TeamReply } from '../../utils/team/team-commands';
import { updateStream } from '../../utils/store/broadcasts';
import { TEAM_OFF, type TeamPortMessage, type TeamStatus } from '../../utils/team/team-status';
import { freshDatabase, chatRow } from './test-db';
import { sidePanelCommands } from './test-router';
import { ingestChat } from '../../utils/store/ingest';
import { EMPTY_CATALOG, indexCatalog } from '../../utils/parser/index';

afterEach(cleanup);

const KEY = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';

/** The side panel with a fake background end of the team port: what it is told, what it says. */
async function panel(granted = true, reply: (command: TeamCommand) => TeamReply = () => ({ ok: true })) {
  const db = freshDatabase();
  const route = sidePanelCommands(db);
  await ingestChat(
    db,
    { platform: 'youtube', key: 'team0001' },
    [chatRow('m1', 'chốt 2kg'), { ...chatRow('m2', 'lấy 5 ký'), authorName: 'Hùng' }],
    indexCatalog(EMPTY_CATALOG),
  );
  const listeners: ((message: unknown) => void)[] = [];
  const said: TeamPortMessage[] = [];
  const sent: TeamCommand[] = [];
  const asked: string[] = [];
  const port: TeamPortLike = {
    postMessage: (message) => said.push(message),
    onMessage: { addListener: (listener) => listeners.push(listener) },
    disconnect: () => {},
  };
  const team: TeamPanelDeps = {
    connect: () => port,
    requestPermission: async (pattern) => (asked.push(pattern), granted),
    send: async (command) => (sent.push(command), reply(command)),
  };
  render(<SidePanelApp db={db} sendCommand={route} browserLanguages={['en']} healthEveryMs={60_000} team={team} />);
  const tell = (status: Partial<TeamStatus>) => act(() => listeners.forEach((listener) => listener({ ...TEAM_OFF, ...status })));
  return { db, said, sent, asked, tell, section: await screen.findByTestId('team-panel') };
}

const online: Partial<TeamStatus> = { state: 'online', desk: 'desk-me', url: 'wss://team.example.vn', name: 'Lan', role: 'host', key: KEY };

describe('team mode in the side panel', () => {
  it("asks for the server's address first, then turns team mode on; an assistant must enter a real key", async () => {
    const { sent, asked, section } = await panel();
    fireEvent.change(within(section).getByRole('textbox', { name: /Team server address/ }), { target: { value: 'wss://team.example.vn' } });
    fireEvent.change(within(section).getByRole('textbox', { name: /Display name/ }), { target: { value: 'Minh' } });
    fireEvent.change(within(section).getByRole('textbox', { name: /Team key/ }), { target: { value: 'short' } });
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Turn team mode on' })));
    expect(within(section).getByRole('alert').textContent).toContain('43-character');
    expect(asked).toEqual([]);
    fireEvent.change(within(section).getByRole('textbox', { name: /Team key/ }), { target: { value: KEY } });
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Turn team mode on' })));
    await waitFor(() => expect(sent).toEqual([{ type: 'team-enable', role: 'assistant', url: 'wss://team.example.vn', name: 'Minh', key: KEY }]));
    // asked as the https origin: what the browser's own site settings can grant too
    expect(asked).toEqual(['https://team.example.vn/*']);
  });

  it('sends nothing when the address is not allowed, and says so', async () => {
    const { sent, section } = await panel(false);
    fireEvent.click(within(section).getByLabelText(/I am the host/));
    fireEvent.change(within(section).getByRole('textbox', { name: /Team server address/ }), { target: { value: 'ws://192.168.1.10:1234' } });
    fireEvent.change(within(section).getByRole('textbox', { name: /Display name/ }), { target: { value: 'Lan' } });
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Turn team mode on' })));
    await waitFor(() => expect(within(section).getByRole('alert').textContent).toContain('may not connect to 192.168.1.10:1234'));
    expect(sent).toEqual([]);
  });

  it('says in words when the background could not turn team mode on, the reason folded away', async () => {
    const { sent, section } = await panel(true, () => ({ ok: false, error: 'the store is busy' }));
    fireEvent.click(within(section).getByLabelText(/I am the host/));
    fireEvent.change(within(section).getByRole('textbox', { name: /Team server address/ }), { target: { value: 'wss://team.example.vn' } });
    fireEvent.change(within(section).getByRole('textbox', { name: /Display name/ }), { target: { value: 'Lan' } });
    await act(async () => fireEvent.click(within(section).getByRole('button', { name: 'Turn team mode on' })));
    const notice = await within(section).findByRole('alert');
    expect(notice.querySelector('.failure-sentence')?.textContent).toBe('Team mode was not turned on. Try again; if it keeps failing, the details say why.');
    expect(notice.querySelector('.failure-detail code')?.textContent).toBe('the store is busy');
    expect(sent).toHaveLength(1);
  });

  it("shows the host's key as text and QR code, who looks at what, the counts, and the problems in words", async () => {
    const { tell, said, section } = await panel();
    await tell({
      ...online,
      members: [
        { desk: 'desk-me', name: 'Lan', orderId: null, reading: [] },
        { desk: 'desk-2', name: 'Minh', orderId: 'youtube:m1', reading: [{ streamId: 'tiktok:@vuon', platform: 'tiktok' }] },
        { desk: 'desk-3', name: 'Hoa', orderId: null, reading: [{ streamId: 'tiktok:@vuon', platform: 'tiktok' }] },
      ],
      decided: { Minh: 3, Lan: 1 },
    });
    expect((within(section).getByTestId('team-key') as HTMLInputElement).value).toBe(KEY);
    expect(await within(section).findByTestId('team-qr')).toBeTruthy();
    await waitFor(() => expect(within(section).getByTestId('team-members').textContent).toContain("Minh — looking at Lan's order — reading tiktok:@vuon"));
    expect(within(section).getByTestId('team-members').textContent).toContain('Lan (you)');
    expect(within(section).getByRole('alert').textContent).toContain('Minh, Hoa are all reading one TikTok stream');
    expect(within(section).getByTestId('team-decided').textContent).toBe('Decided: Lan 1 · Minh 3');
    // The queue passes over the order open on Minh's desk, and tells the background which one is open here.
    await waitFor(() => expect(said.at(-1)).toEqual({ broadcastId: 'youtube:team0001', orderId: 'youtube:m2' }));

    await tell({ ...online, state: 'offline', waiting: 12 });
    expect(within(section).getByTestId('team-state').textContent).toBe(
      'Offline — 12 changes waiting. Keep working: they are sent when the connection is back.',
    );
    await tell({ ...online, state: 'refused' });
    expect(within(section).getByTestId('team-state').textContent).toContain('refused the team key');
    await tell({ ...online, state: 'unreachable' });
    expect(within(section).getByTestId('team-state').textContent).toContain('Cannot reach the team server at team.example.vn');
  });

  it('offers the host to compact the shown broadcast once it has ended, and says what came of it', async () => {
    let answer: TeamReply = { ok: false, error: 'changes-waiting' };
    const { db, tell, sent, section } = await panel(true, () => answer);
    await tell(online);
    expect(within(section).queryByRole('button', { name: "Compact this ended broadcast's shared data" })).toBeNull();
    await act(async () => void (await updateStream(db, 'youtube:team0001', { ended: true })));
    const button = await within(section).findByRole('button', { name: "Compact this ended broadcast's shared data" });
    await act(async () => fireEvent.click(button));
    expect(sent.at(-1)).toEqual({ type: 'team-compact', broadcastId: 'youtube:team0001' });
    await waitFor(() =>
      expect(within(section).getByTestId('team-compact-result').textContent).toBe(
        'This desk has changes the server has not received yet. Try again once they are sent.',
      ),
    );
    expect(within(section).getByTestId('team-compact-result').getAttribute('role')).toBe('alert');
    answer = { ok: true, compacted: { generation: 2, before: 6_291_456, after: 4_718_592 } };
    await act(async () => fireEvent.click(button));
    await waitFor(() => expect(within(section).getByTestId('team-compact-result').textContent).toBe('Compacted: 6 MB → 4.5 MB (generation 2).'));
    // an assistant has no such button
    await tell({ ...online, role: 'assistant', key: null });
    expect(within(section).queryByTestId('team-compact')).toBeNull();
  });
});
