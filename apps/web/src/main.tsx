import '@utrecht/component-library-css/dist/index.css';
import '@utrecht/design-tokens/dist/index.css';
import './theme.css';
import { startFirstVisit } from './start/first-visit';

// The answers a page opens with are asked for first, then the portal's code is run (app.tsx): the
// server works on them while the browser evaluates React and the rest.
startFirstVisit(window.location.pathname);
void import('./app');
