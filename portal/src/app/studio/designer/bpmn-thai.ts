/**
 * Thai for the bpmn-js palette, context pad and replace menu (its `translate` service,
 * replaced as bpmn-js documents). Strings not listed here stay in English.
 */
const TH: Readonly<Record<string, string>> = {
  'Activate hand tool': 'เลื่อนแผนผัง',
  'Activate lasso tool': 'เลือกหลายรายการ',
  'Activate create/remove space tool': 'เพิ่มหรือลดช่องว่าง',
  'Activate global connect tool': 'ลากเส้นเชื่อม',
  'Create start event': 'เพิ่มจุดเริ่มต้น',
  'Create intermediate/boundary event': 'เพิ่มเหตุการณ์ระหว่างทาง',
  'Create end event': 'เพิ่มจุดสิ้นสุด',
  'Create gateway': 'เพิ่มทางแยก',
  'Create task': 'เพิ่มขั้นตอนงาน',
  'Create expanded sub-process': 'เพิ่มกระบวนการย่อย',
  'Create data object reference': 'เพิ่มเอกสารข้อมูล',
  'Create data store reference': 'เพิ่มแหล่งเก็บข้อมูล',
  'Create group': 'เพิ่มกลุ่ม',
  'Create pool/participant': 'เพิ่มผู้เกี่ยวข้อง (pool)',
  'Append end event': 'ต่อด้วยจุดสิ้นสุด',
  'Append gateway': 'ต่อด้วยทางแยก',
  'Append task': 'ต่อด้วยขั้นตอนงาน',
  'Append intermediate/boundary event': 'ต่อด้วยเหตุการณ์',
  'Append message intermediate catch event': 'ต่อด้วยการรอข้อความ',
  'Append timer intermediate catch event': 'ต่อด้วยการรอเวลา',
  'Append receive task': 'ต่อด้วยงานรอรับ',
  'Add text annotation': 'เพิ่มหมายเหตุ',
  'Change element': 'เปลี่ยนชนิด',
  'Connect to other element': 'เชื่อมไปยังองค์ประกอบอื่น',
  'Connect using association': 'เชื่อมด้วยเส้นอ้างอิง',
  Delete: 'ลบ',
  Task: 'งานทั่วไป',
  'User task': 'งานของเจ้าหน้าที่ (user task)',
  'Service task': 'งานอัตโนมัติ (service task)',
  'Send task': 'งานส่งข้อความ',
  'Receive task': 'งานรอรับ',
  'Manual task': 'งานทำมือ',
  'Business rule task': 'งานกฎธุรกิจ',
  'Script task': 'งานสคริปต์ (ไม่อนุญาต)',
  'Call activity': 'เรียกกระบวนการอื่น',
  'Sequence flow': 'เส้นลำดับ',
  'Default flow': 'ทางปกติ (default)',
  'Conditional flow': 'ทางตามเงื่อนไข',
  'Exclusive gateway': 'ทางแยกเลือกทางเดียว',
  'Parallel gateway': 'ทางแยกขนาน',
  'Inclusive gateway': 'ทางแยกหลายทาง',
  'Event-based gateway': 'ทางแยกตามเหตุการณ์',
  'Start event': 'จุดเริ่มต้น',
  'End event': 'จุดสิ้นสุด',
};

function translate(template: string, replacements?: Readonly<Record<string, string>>): string {
  const text = TH[template] ?? template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements?.[key] ?? `{${key}}`);
}

/** A bpmn-js module: `additionalModules: [BPMN_THAI]`. */
export const BPMN_THAI = { translate: ['value', translate] };
