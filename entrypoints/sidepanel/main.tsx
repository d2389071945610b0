import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { SidePanelApp } from '../../components/side-panel-app';
import { openDatabase } from '../../utils/store/db';
import { pageCommandSender } from '../../utils/messaging/page-commands';
import '../../components/side-panel.css';
import type { TeamPanelDeps } from '../../components/team-panel';
import { TEAM_PORT } from '../../utils/team/team-status';
import type { TeamReply } from '../../utils/team/team-commands';
import { applyTheme } from '../../utils/ui/theme';

const db = openDatabase();
const sendCommand = pageCommandSender(db);

const team: TeamPanelDeps = {
  connect: () => browser.runtime.connect({ name: TEAM_PORT }),
  requestPermission: (pattern) => browser.permissions.request({ origins: [pattern] }),
  send: async (command) => (await browser.runtime.sendMessage(command)) as TeamReply,
};

applyTheme(document);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidePanelApp db={db} sendCommand={sendCommand} browserLanguages={navigator.languages} team={team} />
  </StrictMode>,
);
