/**
 * Bank file layouts: the built-in Bank of Thailand cross-bank layouts (bank-file/layouts)
 * and the ones a tenant adds as data — a bank that moves a field is met with a new layout
 * through the API, not with code. A tenant's layout of the same code wins.
 */
import type { Sequelize } from 'sequelize';
import { QueryTypes } from 'sequelize';
import { tenantScope } from '../../db/sql.js';
import { builtInLayouts, layoutFor, parseBankLayout, type BankLayout } from './bank-file/index.js';

export class BankLayouts {
  constructor(private readonly sequelize: Sequelize) {}

  async list(): Promise<(BankLayout & { builtIn: boolean })[]> {
    const own = await this.own();
    const codes = new Set(own.map((l) => l.code.toUpperCase()));
    return [
      ...builtInLayouts()
        .filter((l) => !codes.has(l.code.toUpperCase()))
        .map((l) => ({ ...l, builtIn: true })),
      ...own.map((l) => ({ ...l, builtIn: false })),
    ];
  }

  /** By layout code (KBANK) or bank code (004), case-insensitive. */
  async find(code: string): Promise<BankLayout | undefined> {
    const c = code.trim().toUpperCase();
    const own = (await this.own()).find((l) => l.code.toUpperCase() === c || l.bankCode === c);
    return own ?? layoutFor(code);
  }

  /** Adds or replaces a tenant's layout (validated: 422 with the paths at fault). */
  async save(input: unknown): Promise<BankLayout> {
    const layout = parseBankLayout(input);
    const tenantId = tenantScope('bank_layouts');
    const now = new Date();
    await this.sequelize.transaction(async (tx) => {
      await this.sequelize.query('DELETE FROM bank_layouts WHERE tenant_id = ? AND code = ?', {
        replacements: [tenantId, layout.code],
        transaction: tx,
      });
      await this.sequelize.query(
        'INSERT INTO bank_layouts (tenant_id, code, layout_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
        {
          replacements: [tenantId, layout.code, JSON.stringify(layout), now, now],
          transaction: tx,
        },
      );
    });
    return layout;
  }

  private async own(): Promise<BankLayout[]> {
    const rows = await this.sequelize.query<{ layout_json: string }>(
      'SELECT layout_json FROM bank_layouts WHERE tenant_id = ? ORDER BY code',
      { replacements: [tenantScope('bank_layouts')], type: QueryTypes.SELECT },
    );
    return rows.map((r) => parseBankLayout(JSON.parse(r.layout_json)));
  }
}
