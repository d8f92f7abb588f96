import type { PropsWithChildren } from 'react';
import { connectSessionToApiClient } from '@/features/auth';
import { startOutbox } from '@/lib/outbox';
import './app.css';

// Every request carries the session token; a 401 ends the session and reopens the login page.
connectSessionToApiClient();
// Writes made offline are sent when the network returns, when the app comes back, and on a timer.
startOutbox();

export default function App({ children }: PropsWithChildren) {
  return children;
}
