import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DashboardApp } from '../../components/dashboard-app';
import { openDatabase } from '../../utils/store/db';
import { pageCommandSender } from '../../utils/messaging/page-commands';
import '../../components/side-panel.css';
import { applyTheme } from '../../utils/ui/theme';

const db = openDatabase();
const sendCommand = pageCommandSender(db);

applyTheme(document);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DashboardApp db={db} sendCommand={sendCommand} browserLanguages={navigator.languages} />
  </StrictMode>,
);
