import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PresenterApp } from '../../components/presenter-view';
import { openDatabase } from '../../utils/store/db';
import '../../components/presenter.css';
import { applyTheme } from '../../utils/ui/theme';

applyTheme(document);
// on video: the theme's dark variant, whatever the background chosen
document.documentElement.classList.add('theme-dark');
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PresenterApp db={openDatabase()} search={location.search} browserLanguages={navigator.languages} />
  </StrictMode>,
);
