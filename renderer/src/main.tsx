import './app/start-styles';
import './app/global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { prepareFirstScreen } from './app/Gate';

/**
 * The longest the first render waits for the first screen's answers and code (Gate.tsx):
 * past it the page renders anyway, "Opening the console…" until they come, so a slow or
 * failed load is never a blank page. A failure is the Gate's to show, in words.
 */
const FIRST_SCREEN_WAIT_MS = 400;

const root = createRoot(document.getElementById('root')!);
const render = () =>
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
void Promise.race([Promise.resolve().then(prepareFirstScreen).catch(() => undefined), new Promise((done) => setTimeout(done, FIRST_SCREEN_WAIT_MS))]).then(render, render);
