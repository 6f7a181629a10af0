/**
 * How the studio sets up Form.io: Bootstrap Icons, the ACE editor from this site (/ace/), no
 * resource or premium groups (they call Form.io's hosted API), and the builder's own words in
 * Thai. Imported only by the lazily loaded form designer.
 */
import { Formio } from '@formio/js';

/** Form.io's own words (sidebar, edit dialog) that staff see most, in Thai. */
const BUILDER_THAI: Record<string, string> = {
  Basic: 'ช่องพื้นฐาน',
  Advanced: 'ช่องขั้นสูง',
  Layout: 'การจัดวาง',
  Data: 'ข้อมูล',
  'Text Field': 'ข้อความสั้น',
  'Text Area': 'ข้อความยาว',
  Number: 'ตัวเลข',
  Password: 'รหัสผ่าน',
  Checkbox: 'ช่องทำเครื่องหมาย',
  'Select Boxes': 'เลือกได้หลายข้อ',
  Select: 'รายการให้เลือก',
  Radio: 'เลือกหนึ่งข้อ',
  Button: 'ปุ่ม',
  Email: 'อีเมล',
  'Phone Number': 'เบอร์โทรศัพท์',
  'Date / Time': 'วันที่ / เวลา',
  Day: 'วันเดือนปี',
  Time: 'เวลา',
  Currency: 'จำนวนเงิน',
  Address: 'ที่อยู่',
  Url: 'ลิงก์',
  Tags: 'ป้ายกำกับ',
  Signature: 'ลายมือชื่อ',
  Survey: 'แบบสำรวจ',
  'HTML Element': 'HTML',
  Content: 'ข้อความอธิบาย',
  Columns: 'คอลัมน์',
  'Field Set': 'กลุ่มช่อง',
  Panel: 'แผง',
  Table: 'ตาราง',
  Tabs: 'แท็บ',
  Well: 'กรอบ',
  Hidden: 'ค่าซ่อน',
  Container: 'กลุ่มข้อมูล',
  'Data Map': 'คู่ค่า',
  'Data Grid': 'ตารางข้อมูล',
  'Edit Grid': 'ตารางแก้ไขได้',
  'Search field(s)': 'ค้นหาช่องข้อมูล',
  'Drag and Drop a form component': 'ลากช่องข้อมูลจากด้านซ้ายมาวางที่นี่',
  Save: 'บันทึก',
  Cancel: 'ยกเลิก',
  Remove: 'ลบ',
  Preview: 'ตัวอย่าง',
  Help: 'วิธีใช้',
  Display: 'การแสดงผล',
  Validation: 'การตรวจสอบ',
  Conditional: 'เงื่อนไข',
  Logic: 'ตรรกะ',
  Label: 'ชื่อช่อง',
  Placeholder: 'ข้อความตัวอย่าง',
  Description: 'คำอธิบาย',
  Tooltip: 'คำแนะนำ',
  Required: 'ต้องกรอก',
  Disabled: 'ปิดการแก้ไข',
  Edit: 'แก้ไข',
  Copy: 'คัดลอก',
  Paste: 'วาง',
  Move: 'ย้าย',
  'Edit JSON': 'แก้ไข JSON',
  'Property Name': 'ชื่อคีย์ข้อมูล',
  Submit: 'ส่ง',
  required: '{{field}} ต้องกรอก',
  hidePreview: 'ซ่อนตัวอย่าง',
  showPreview: 'แสดงตัวอย่าง',
  'Label Position': 'ตำแหน่งชื่อช่อง',
  Rows: 'จำนวนบรรทัด',
  Prefix: 'ข้อความนำหน้า',
  Suffix: 'ข้อความต่อท้าย',
};

let configured = false;

/** Points Form.io's CDN at this site once: ACE is served from /ace/. */
export function configureFormio(): void {
  if (configured) return;
  configured = true;
  Formio.cdn.setBaseUrl(location.origin);
}

/** The FormioAppConfig the designer page provides (never in the root injector). */
export const FORMIO_APP_CONFIG = { apiUrl: '', appUrl: '', icons: 'bi' };

/** The builder's options in the reader's language. */
export function builderOptions(lang: 'th' | 'en'): Record<string, unknown> {
  return {
    icons: 'bi',
    noDefaultSubmitButton: true,
    language: lang,
    i18n: { th: BUILDER_THAI },
    builder: {
      premium: false,
      resource: false,
      advanced: { components: { signature: false, survey: false, url: false, tags: false } },
    },
  };
}

/** The preview's options: Bootstrap Icons, the reader's language, nothing sent anywhere. */
export function previewOptions(lang: 'th' | 'en'): Record<string, unknown> {
  return { language: lang, i18n: { th: BUILDER_THAI }, noAlerts: false };
}
