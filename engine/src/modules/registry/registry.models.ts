/** The registry's models, initialised once by the composition root. */
import type { Sequelize } from 'sequelize';
import { AccountNumberSeries } from './account-number-series.model.js';
import { AccountResident } from './account-resident.model.js';
import { AccountSearchTerm } from './account-search-term.model.js';
import { Account } from './account.model.js';
import { Meter } from './meter.model.js';
import { RegistrySetting } from './registry-setting.model.js';
import { WaterUser } from './water-user.model.js';

export function initRegistryModels(sequelize: Sequelize): void {
  for (const model of [
    WaterUser,
    Account,
    Meter,
    AccountResident,
    AccountSearchTerm,
    RegistrySetting,
    AccountNumberSeries,
  ])
    model.initModel(sequelize);
}
