/**
 * What readings need to know about an account, from the registry (wired in main.ts), and
 * whether billing has used a reading already. Readings never read those tables themselves.
 */
export interface ReadingMeter {
  id: number;
  digits: number;
  initialReading: number;
  /** The meter this one replaced, with its final reading, if any. */
  replaced: { id: number; finalReading: number | null } | null;
}

export interface ReadingAccount {
  id: number;
  number: string;
  waterworksId: number;
  villageId: number | null;
  customerName: string;
  status: string;
  meter: ReadingMeter | null;
}

/** An account as a reading sheet lists it (the registry's billing view of it). */
export interface RouteAccount {
  accountId: number;
  number: string;
  waterUserName: string;
  villageId: number | null;
  moo: number | null;
  houseNo: string | null;
  routeOrder: number;
  meter: {
    id: number;
    serial: string;
    size: string;
    digits: number;
    initialReading: number;
    replacedMeter?: { id: number; finalReading: number };
  } | null;
}

export interface ReadingPorts {
  account(accountId: number): Promise<ReadingAccount | null>;
  /** A route's active accounts (a village, or the whole waterworks) in walking order. */
  routeAccounts(q: { waterworksId: number; villageId?: number }): Promise<RouteAccount[]>;
  /** These accounts of the tenant, in one look-up (unknown ids are left out). */
  accountsByIds(ids: readonly number[]): Promise<RouteAccount[]>;
  /** Which of these readings an invoice was issued from. */
  billedReadings(readingIds: number[]): Promise<Set<number>>;
}
