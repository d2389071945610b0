import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PrintApp } from '../../components/print-sheets';
import { openDatabase } from '../../utils/store/db';
import '../../components/print-sheets.css';
import { applyTheme } from '../../utils/ui/theme';

applyTheme(document);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PrintApp db={openDatabase()} search={location.search} browserLanguages={navigator.languages} />
  </StrictMode>,
);
