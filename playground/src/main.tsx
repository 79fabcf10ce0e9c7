import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.js';
import { configureAuth } from './auth-session.js';
import { readPlaygroundConfig } from './playground-config.js';
import './playground.css';

const root = createRoot(document.getElementById('root')!);
try {
  const config = readPlaygroundConfig(import.meta.env);
  configureAuth(config);
  root.render(
    <StrictMode>
      <App config={config} />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <div className="app">
      <h1>Chatbot playground</h1>
      <p role="alert">{(error as Error).message}</p>
    </div>,
  );
}
