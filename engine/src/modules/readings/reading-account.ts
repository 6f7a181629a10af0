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

export interface ReadingPorts {
  account(accountId: number): Promise<ReadingAccount | null>;
  /** Which of these readings an invoice was issued from. */
  billedReadings(readingIds: number[]): Promise<Set<number>>;
}
