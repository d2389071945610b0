import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { browser } from 'wxt/browser';
import { DashboardApp } from '../../components/dashboard-app';
import { openDatabase } from '../../utils/store/db';
import type { CommandReply, PanelCommand } from '../../utils/messaging/commands';
import '../../components/side-panel.css';
import { applyTheme } from '../../utils/ui/theme';

const sendCommand = async (command: PanelCommand): Promise<CommandReply> => (await browser.runtime.sendMessage(command)) as CommandReply;

applyTheme(document);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp db={openDatabase()} sendCommand={sendCommand} browserLanguages={navigator.languages} />
  </StrictMode>,
);
