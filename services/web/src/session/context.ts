import { createContext, useContext } from 'react';
import type { Me, RegisterBody } from '../api/types.ts';

export interface Session {
  /** undefined while the first GET /api/user/me runs; null when nobody is signed in. */
  me: Me | null | undefined;
  /** The user signed out here (not a session that ran out): the guards send them to /login, not back. */
  signedOut: boolean;
  login(email: string, password: string): Promise<Me>;
  /** Opens an account (POST /api/auth/register, which signs it in) and reads it. */
  register(body: RegisterBody): Promise<Me>;
  logout(): Promise<void>;
  /** Re-reads the user (balance after an order). */
  refresh(): Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
