/**
 * The demo อบต. and its neighbour, as data. Fictional organisations and people with
 * realistic Thai names and addresses; tax IDs carry valid check digits.
 */
import type { StaffRole } from '../../domain/index.js';

export const MAIN_TENANT = {
  code: 'nongbua',
  name: 'องค์การบริหารส่วนตำบลหนองบัวทอง',
  nameEn: 'Nong Bua Thong Subdistrict Administrative Organization',
  taxId: '0994000165501',
  address: 'เลขที่ 99 หมู่ที่ 3 ตำบลหนองบัวทอง อำเภอเมืองขอนแก่น จังหวัดขอนแก่น 40000',
  phone: '043-123-456',
  logoUrl: null,
  promptpayBillerSuffix: '01',
};

export const MAIN_WATERWORKS = [
  {
    code: 'WW1',
    name: 'ประปาหมู่บ้าน หมู่ 3 บ้านโนนสวรรค์',
    address: 'หมู่ที่ 3 ตำบลหนองบัวทอง',
    latitude: 16.4419,
    longitude: 102.8359,
  },
  {
    code: 'WW2',
    name: 'ประปาหมู่บ้าน หมู่ 5 บ้านโคกสูงเหนือ',
    address: 'หมู่ที่ 5 ตำบลหนองบัวทอง',
    latitude: 16.4602,
    longitude: 102.8511,
  },
];

/** หมู่ 1–3 drink from WW1, หมู่ 4–6 from WW2. */
export const MAIN_VILLAGES = [
  { moo: 1, name: 'บ้านหนองบัว', works: 'WW1' },
  { moo: 2, name: 'บ้านหนองบัวใต้', works: 'WW1' },
  { moo: 3, name: 'บ้านโนนสวรรค์', works: 'WW1' },
  { moo: 4, name: 'บ้านโคกสูง', works: 'WW2' },
  { moo: 5, name: 'บ้านโคกสูงเหนือ', works: 'WW2' },
  { moo: 6, name: 'บ้านดอนยาง', works: 'WW2' },
];

export const MAIN_STAFF: {
  username: string;
  displayName: string;
  roles: StaffRole[];
  phone: string;
}[] = [
  { username: 'admin', displayName: 'สมชาย ใจดี', roles: ['admin'], phone: '081-000-0001' },
  { username: 'clerk', displayName: 'สุดารัตน์ แก้วมณี', roles: ['clerk'], phone: '081-000-0002' },
  { username: 'cashier', displayName: 'วิไลวรรณ ศรีสุข', roles: ['cashier'], phone: '081-000-0003' },
  { username: 'finance', displayName: 'ประเสริฐ ทองคำ', roles: ['finance'], phone: '081-000-0004' },
  { username: 'reader', displayName: 'บุญมี ดีงาม', roles: ['meter_reader'], phone: '081-000-0005' },
  {
    username: 'technician',
    displayName: 'สมศักดิ์ ช่างคิด',
    roles: ['technician'],
    phone: '081-000-0006',
  },
  {
    username: 'chief',
    displayName: 'วีระ พงษ์ศักดิ์',
    roles: ['chief_administrator'],
    phone: '081-000-0007',
  },
  { username: 'mayor', displayName: 'สมหมาย รักถิ่น', roles: ['mayor'], phone: '081-000-0008' },
];

export const MAIN_RESIDENTS = [
  { username: 'resident1', displayName: 'มาลี ศรีสวัสดิ์', phone: '089-111-1001' },
  { username: 'resident2', displayName: 'ประยูร บุญเรือง', phone: '089-111-1002' },
];

export const SECOND_TENANT = {
  code: 'thachang',
  name: 'เทศบาลตำบลท่าช้าง',
  nameEn: 'Tha Chang Subdistrict Municipality',
  taxId: '0994000451237',
  address: 'เลขที่ 1 หมู่ที่ 1 ตำบลท่าช้าง อำเภอบางระจัน จังหวัดสิงห์บุรี 16130',
  phone: '036-000-111',
  logoUrl: null,
  promptpayBillerSuffix: '02',
};

export const SECOND_WATERWORKS = [
  {
    code: 'TC1',
    name: 'ประปาเทศบาลตำบลท่าช้าง',
    address: 'หมู่ที่ 1 ตำบลท่าช้าง',
    latitude: 15.0006,
    longitude: 100.3236,
  },
];

export const SECOND_VILLAGES = [
  { moo: 1, name: 'บ้านท่าช้าง', works: 'TC1' },
  { moo: 2, name: 'บ้านท่าข้าม', works: 'TC1' },
];

export const SECOND_STAFF: {
  username: string;
  displayName: string;
  roles: StaffRole[];
  phone: string;
}[] = [
  { username: 'admin_b', displayName: 'อนุชา ทองดี', roles: ['admin'], phone: '082-000-0001' },
  { username: 'clerk_b', displayName: 'กาญจนา มีสุข', roles: ['clerk'], phone: '082-000-0002' },
  { username: 'cashier_b', displayName: 'ธนพล แสงทอง', roles: ['cashier'], phone: '082-000-0003' },
];
