import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoPage } from '../../components/demo-page';
import { mountDemoChat } from '../../utils/demo/demo-chat';
import { startDemoReader } from '../../utils/demo/demo-reader';
import { sendBatchToBackground } from '../../utils/chat-reader/send-batch';
import '../../components/welcome.css';
import { applyTheme } from '../../utils/ui/theme';

applyTheme(document);
const chat = document.getElementById('demo-chat')!;
void mountDemoChat(chat).then((fixture) =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <DemoPage browserLanguages={navigator.languages} chat={chat} fixture={fixture} startReader={() => startDemoReader(document, sendBatchToBackground)} />
    </StrictMode>,
  ),
);
