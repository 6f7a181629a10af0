import type { User } from './user';

/** What a signed-in browser keeps: the bearer token, when it lapses, and who it is. */
export interface Session {
  readonly token: string;
  /** ISO instant; absent when the engine did not say. */
  readonly expiresAt?: string;
  readonly user: User;
}

/**
 * Keeps one app's session in localStorage under its own key (`prapa.portal.session`,
 * `prapa.mobile.session`, …), so a resident signed in on /m/ is not signed in on the portal.
 */
export class SessionStore {
  private readonly key: string;

  constructor(
    appId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null,
  ) {
    this.key = `prapa.${appId}.session`;
  }

  /** The stored session, or null when there is none, it is unreadable or it has lapsed. */
  load(now: Date): Session | null {
    const raw = this.storage?.getItem(this.key);
    if (!raw) return null;
    try {
      const session = JSON.parse(raw) as Partial<Session>;
      if (typeof session.token !== 'string' || !session.user) return this.clearAndNull();
      if (session.expiresAt && Date.parse(session.expiresAt) <= now.getTime()) {
        return this.clearAndNull();
      }
      return session as Session;
    } catch {
      return this.clearAndNull();
    }
  }

  save(session: Session): void {
    this.storage?.setItem(this.key, JSON.stringify(session));
  }

  clear(): void {
    this.storage?.removeItem(this.key);
  }

  private clearAndNull(): null {
    this.clear();
    return null;
  }
}
