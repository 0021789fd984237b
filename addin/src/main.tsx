/// <reference types="office-js" />
import { createRoot } from 'react-dom/client';
import { AddinApp } from './AddinApp.js';
import { officeHost } from './office-host.js';

// Office.js (Microsoft's CDN in Outlook; the sandbox's stand-in locally) says when the item is ready.
await Office.onReady();
createRoot(document.getElementById('root')!).render(<AddinApp host={officeHost(Office)} />);
document.body.dataset.ready = 'true';
