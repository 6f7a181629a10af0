/**
 * Signing in and managing who may sign in. Passwords are Argon2id hashes; a token
 * names the user, the tenant and the user's token version.
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { Sequelize } from 'sequelize';
import { RESIDENT_ROLE, STAFF_ROLES, type Role, type StaffRole } from '../../domain/index.js';
import { ConflictError, UnauthorizedError, UserError } from '../../http/errors.js';
import { asSystem, asTenant, type Actor } from '../../http/request-context.js';
import type { AuditLog } from '../audit/audit.service.js';
import { Tenant } from '../tenancy/tenant.model.js';
import { decoyHash, hashPassword, verifyPassword } from './password.js';
import type { Tokens } from './token.js';
import { User } from './user.model.js';

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  phone: string | null;
  tenant: { id: number; code: string; name: string; nameEn: string | null; logoUrl: string | null };
}

export interface NewUser {
  username: string;
  displayName: string;
  kind: 'staff' | 'resident';
  roles: Role[];
  /** A plain password, or (demo seeding, imports) a hash made earlier. */
  password: string | { hash: string };
  phone?: string | null;
}

const BAD_LOGIN = {
  th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง',
  en: 'Wrong user name or password.',
};

export class AuthService {
  constructor(
    private readonly sequelize: Sequelize,
    private readonly audit: AuditLog,
    private readonly tokens: Tokens,
    private readonly log: Logger,
  ) {
    audit.registerEntity('user', {
      model: User,
      snapshot: (u: User) => ({
        id: u.id,
        tenantId: u.tenantId,
        username: u.username,
        displayName: u.displayName,
        kind: u.kind,
        roles: u.roles,
        phone: u.phone ?? null,
        active: Boolean(u.active),
        tokenVersion: u.tokenVersion,
        // never the hash itself in the log; a fingerprint shows it changed
        password: createHash('sha256').update(u.passwordHash).digest('hex').slice(0, 16),
      }),
    });
  }

  async login(
    username: string,
    password: string,
  ): Promise<{ token: string; expiresAt: Date; user: UserDto }> {
    username = normaliseUsername(username);
    const user = await asSystem(() => User.findOne({ where: { username } }));
    const ok = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await decoyHash(), password);
    if (!user || !ok || !user.active) {
      this.log.warn(
        { username, reason: !user ? 'unknown_user' : !ok ? 'wrong_password' : 'inactive' },
        'sign-in refused',
      );
      throw new UnauthorizedError('invalid_credentials', BAD_LOGIN);
    }
    const actor: Actor = {
      id: user.id,
      username: user.username,
      roles: user.roles,
      kind: user.kind,
    };
    await asTenant(
      user.tenantId,
      () =>
        this.sequelize.transaction(async (transaction) => {
          await User.update({ lastLoginAt: new Date() }, { where: { id: user.id }, transaction });
          await this.audit.record(transaction, {
            action: 'auth.login',
            entityType: 'session',
            entityId: user.id,
          });
        }),
      actor,
    );
    const { token, expiresAt } = await this.tokens.issue({
      userId: user.id,
      tenantId: user.tenantId,
      tokenVersion: user.tokenVersion,
    });
    return { token, expiresAt, user: await this.toDto(user) };
  }

  /** The signed-in user behind a token, or null when the token no longer holds. */
  async resolveToken(token: string): Promise<User | null> {
    const claims = await this.tokens.verify(token);
    if (!claims) return null;
    const user = await asTenant(claims.tenantId, () => User.findByPk(claims.userId));
    if (!user || !user.active || user.tokenVersion !== claims.tokenVersion) return null;
    return user;
  }

  async me(userId: number): Promise<UserDto> {
    const user = await User.findByPk(userId);
    if (!user) throw new UnauthorizedError();
    return this.toDto(user);
  }

  async listUsers(): Promise<UserDto[]> {
    const users = await User.findAll({
      order: [
        ['kind', 'DESC'],
        ['username', 'ASC'],
      ],
    });
    return Promise.all(users.map((u) => this.toDto(u)));
  }

  /** Creates a user of the current tenant. */
  async createUser(input: NewUser): Promise<UserDto> {
    validateRoles(input.kind, input.roles);
    const clash = await asSystem(() => User.findOne({ where: { username: input.username } }));
    if (clash) {
      throw new ConflictError(
        'username_taken',
        { th: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว', en: 'That user name is taken.' },
        [{ path: 'username', message: { th: 'ชื่อผู้ใช้นี้มีผู้ใช้แล้ว', en: 'That user name is taken.' } }],
      );
    }
    const passwordHash =
      typeof input.password === 'string' ? await hashPassword(input.password) : input.password.hash;
    const user = await this.sequelize.transaction(async (transaction) => {
      const u = await User.create(
        {
          username: input.username,
          displayName: input.displayName,
          kind: input.kind,
          roles: input.roles,
          passwordHash,
          phone: input.phone ?? null,
        },
        { transaction },
      );
      await this.audit.recordChange(transaction, 'user.create', 'user', u.id, null, u, u.tenantId);
      return u;
    });
    return this.toDto(user);
  }

  private async toDto(user: User): Promise<UserDto> {
    const tenant = await Tenant.findByPk(user.tenantId);
    if (!tenant) throw new Error(`user ${user.id} has no tenant`);
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      kind: user.kind,
      roles: user.roles,
      phone: user.phone ?? null,
      tenant: {
        id: tenant.id,
        code: tenant.code,
        name: tenant.name,
        nameEn: tenant.nameEn,
        logoUrl: tenant.logoUrl ?? null,
      },
    };
  }
}

/**
 * User names are stored in lower case (see the NewUser schema); sign-in matches them
 * whatever the case and surrounding spaces, the same on SQLite (case-sensitive) and
 * MySQL/MariaDB (case-insensitive collation).
 */
export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

function validateRoles(kind: 'staff' | 'resident', roles: Role[]): void {
  const wrong =
    kind === 'resident'
      ? roles.some((r) => r !== RESIDENT_ROLE)
      : roles.length === 0 || roles.some((r) => !STAFF_ROLES.includes(r as StaffRole));
  if (wrong) {
    throw new UserError('invalid_roles', { th: 'บทบาทไม่ถูกต้อง', en: 'Invalid roles.' }, [
      {
        path: 'roles',
        message: {
          th:
            kind === 'resident'
              ? 'ผู้ใช้น้ำมีบทบาท resident เท่านั้น'
              : 'เจ้าหน้าที่ต้องมีบทบาทเจ้าหน้าที่อย่างน้อยหนึ่งบทบาท',
          en:
            kind === 'resident'
              ? 'A resident has only the resident role.'
              : 'Staff need at least one staff role.',
        },
      },
    ]);
  }
}
