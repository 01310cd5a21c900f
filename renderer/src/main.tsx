import './app/start-styles';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prepareFirstScreen } from './app/Gate';

const root = createRoot(document.getElementById('root')!);
void prepareFirstScreen().then(() =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
