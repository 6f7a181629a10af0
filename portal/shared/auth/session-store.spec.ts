import { SessionStore, type Session } from './session-store';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const session: Session = {
  token: 't0k3n',
  expiresAt: '2026-11-28T10:00:00.000Z',
  user: {
    id: 1,
    username: 'admin',
    displayName: 'ผู้ดูแล',
    kind: 'staff',
    roles: ['admin'],
    tenant: { id: 1, code: 'demo', name: 'อบต.ตัวอย่าง', nameEn: null, logoUrl: null },
  },
};

describe('SessionStore', () => {
  it('should keep each app’s session under its own key', () => {
    // given
    const storage = new MemoryStorage();
    // when
    new SessionStore('portal', storage).save(session);
    // then
    expect(new SessionStore('portal', storage).load(new Date('2026-11-28T09:00:00Z'))).toEqual(
      session,
    );
    expect(new SessionStore('mobile', storage).load(new Date('2026-11-28T09:00:00Z'))).toBeNull();
  });

  it('should forget a session whose token has lapsed', () => {
    // given
    const storage = new MemoryStorage();
    const store = new SessionStore('portal', storage);
    store.save(session);
    // when
    const loaded = store.load(new Date('2026-11-28T10:00:01Z'));
    // then
    expect(loaded).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('should forget a session it cannot read', () => {
    // given
    const storage = new MemoryStorage();
    storage.setItem('prapa.portal.session', '{not json');
    // when / then
    expect(new SessionStore('portal', storage).load(new Date())).toBeNull();
    expect(storage.items.size).toBe(0);
  });

  it('should work without any storage (private mode, tests)', () => {
    const store = new SessionStore('portal', null);
    store.save(session);
    expect(store.load(new Date())).toBeNull();
  });
});
