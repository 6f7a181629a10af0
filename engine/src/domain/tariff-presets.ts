/** Tariffs shipped as data (DOMAIN.md §1): PWA, MWA and two typical village tariffs. */
import type { Tariff } from './tariff.js';

export const TARIFF_PRESETS: readonly Tariff[] = [];
