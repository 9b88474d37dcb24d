import { render } from 'preact';
import '@/components/theme.css';
import { App } from './App';
import { browserPorts } from '@/components/browser-ports';
import { Ports } from '@/components/ports';

// The shared components (the sync settings among them) reach the browser only through these ports (components/ports.ts).
render(
  <Ports.Provider value={browserPorts()}>
    <App />
  </Ports.Provider>,
  document.getElementById('app')!,
);
