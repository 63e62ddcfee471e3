/** The decision sidebar's page: the Sidebar component, rendered into the page's one root. */
import './lib/language';
import { render } from 'preact';
import { Sidebar } from './app/Sidebar';

render(<Sidebar />, document.getElementById('root')!);
