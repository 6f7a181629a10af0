/** Staff roles of a Thai local government's waterworks (DOMAIN.md §6). */
export const STAFF_ROLES = [
  'admin',
  'clerk',
  'cashier',
  'finance',
  'meter_reader',
  'technician',
  'chief_administrator',
  'mayor',
] as const;

export type StaffRole = (typeof STAFF_ROLES)[number];

/** Residents sign in to the mobile app; they hold no staff role. */
export const RESIDENT_ROLE = 'resident' as const;

export type Role = StaffRole | typeof RESIDENT_ROLE;

/** Role names as the UI shows them. */
export const ROLE_LABELS: Record<Role, { th: string; en: string }> = {
  admin: { th: 'ผู้ดูแลระบบ', en: 'Administrator' },
  clerk: { th: 'เจ้าหน้าที่ธุรการ', en: 'Clerk' },
  cashier: { th: 'เจ้าหน้าที่การเงิน (รับชำระ)', en: 'Cashier' },
  finance: { th: 'เจ้าหน้าที่การเงินและบัญชี', en: 'Finance' },
  meter_reader: { th: 'พนักงานจดมาตร', en: 'Meter reader' },
  technician: { th: 'ช่างประปา', en: 'Technician' },
  chief_administrator: { th: 'ปลัด อบต.', en: 'Chief administrator' },
  mayor: { th: 'นายก อบต.', en: 'Mayor' },
  resident: { th: 'ผู้ใช้น้ำ', en: 'Resident' },
};
