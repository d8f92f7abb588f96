import type { PropsWithChildren } from 'react';
import { connectSessionToApiClient } from '@/features/auth';
import './app.css';

// Every request carries the session token; a 401 ends the session and reopens the login page.
connectSessionToApiClient();

export default function App({ children }: PropsWithChildren) {
  return children;
}
