import { render } from 'preact';
import '@/components/theme.css';
import './archive.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
