import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WelcomePage } from '../../components/welcome-page';
import '../../components/welcome.css';
import { applyTheme } from '../../utils/ui/theme';

applyTheme(document);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <WelcomePage browserLanguages={navigator.languages} />
  </StrictMode>,
);
