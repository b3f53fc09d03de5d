import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getApi } from './api';
import { App } from './App';
import { i18n } from './i18n';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
try {
  const api = getApi();
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <App api={api} />
      </I18nextProvider>
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <main className="app-loading">
      <p role="alert">{error instanceof Error ? error.message : String(error)}</p>
    </main>,
  );
}
