import { create } from 'zustand';
import { signInLocal, type SessionUser } from '../api/authApi';
import { toApiError, type ApiError } from '../api/apiError';
import { gql } from '../api/client';
import { MeDocument } from '../graphql/generated';

const STORAGE_KEY = 'cs360.session';

export interface Session {
  token: string;
  user: SessionUser;
}

interface SessionState {
  session: Session | null;
  signingInAs: string | null;
  error: ApiError | null;
  /** Set when the backend refused the token, so sign-in can say why the agent is back there. */
  expired: boolean;
  signIn(agentId: string): Promise<void>;
  signOut(): void;
  expire(): void;
  /**
   * Checks a session restored from storage against the backend (a restarted backend may not
   * know its token); a refusal lands on sign-in through the client's UNAUTHENTICATED hook.
   */
  verify(): Promise<void>;
}

function load(): Session | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.token === 'string' && s.user && typeof s.user.id === 'string' ? (s as Session) : null;
  } catch {
    return null;
  }
}

function save(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage can be unavailable (privacy settings); the session then lasts as long as the page.
  }
}

export const useSession = create<SessionState>()((set, get) => ({
  session: load(),
  signingInAs: null,
  error: null,
  expired: false,
  async signIn(agentId) {
    set({ signingInAs: agentId, error: null });
    try {
      const { token, user } = await signInLocal(agentId);
      const session = { token, user };
      save(session);
      set({ session, signingInAs: null, expired: false });
    } catch (err) {
      set({ signingInAs: null, error: toApiError(err) });
    }
  },
  signOut() {
    save(null);
    set({ session: null, expired: false, error: null });
  },
  async verify() {
    const current = get().session;
    if (!current) return;
    try {
      const { me } = await gql(MeDocument, {});
      if (get().session?.token === current.token) {
        const session = { token: current.token, user: me };
        save(session);
        set({ session });
      }
    } catch {
      // UNAUTHENTICATED already signed the agent out; other failures show where data is needed.
    }
  },
  expire() {
    if (!get().session) return;
    save(null);
    set({ session: null, expired: true });
  },
}));

export const sessionToken = (): string | null => useSession.getState().session?.token ?? null;
