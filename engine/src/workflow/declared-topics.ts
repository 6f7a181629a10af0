/**
 * The service-task topics the shipped processes use. Declaring a topic lets a diagram
 * that names it deploy; a module registers the implementation (steps 3/11 Billing,
 * 4/11 Payments, 6/11 Debt, 8/11 Resident app). Until then a step with that topic
 * waits as an incident that an administrator can retry once it exists.
 */
import type { HandlerRegistry } from './handlers.js';

export const SHIPPED_TOPICS: Record<string, { th: string; en: string }> = {
  'applications.notifyApplicant': {
    th: 'แจ้งผลคำขอแก่ผู้ยื่นคำขอ',
    en: 'Tell the applicant the outcome',
  },
  'accounts.createFromApplication': {
    th: 'สร้างผู้ใช้น้ำและบัญชีจากคำขอ',
    en: 'Create the water user and account from the application',
  },
  'billing.createInstallationInvoice': {
    th: 'ออกใบแจ้งหนี้ค่าติดตั้ง',
    en: 'Issue the installation-fee invoice',
  },
  'accounts.activate': { th: 'เปิดใช้งานบัญชีผู้ใช้น้ำ', en: 'Activate the water account' },
  'debt.sendReminder': { th: 'ส่งการแจ้งเตือนค้างชำระ', en: 'Send a payment reminder' },
  'debt.issueDunningLetter': { th: 'ออกหนังสือทวงถาม', en: 'Issue the dunning letter' },
  'debt.issueDisconnectionNotice': {
    th: 'ออกหนังสือแจ้งงดจ่ายน้ำ',
    en: 'Issue the disconnection notice',
  },
  'billing.createReconnectionFee': { th: 'ออกใบแจ้งหนี้ค่าต่อน้ำกลับ', en: 'Issue the reconnection fee' },
  'accounts.markDisconnected': { th: 'บันทึกการงดจ่ายน้ำ', en: 'Record the disconnection' },
  'accounts.markReconnected': { th: 'บันทึกการต่อน้ำกลับ', en: 'Record the reconnection' },
  'complaints.notifyReporter': { th: 'แจ้งผู้ร้องเรียน', en: 'Tell the reporter' },
  'complaints.notifyOfficials': { th: 'แจ้งเจ้าหน้าที่ผู้รับผิดชอบ', en: 'Tell the officials in charge' },
};

export function declareShippedTopics(registry: HandlerRegistry): void {
  for (const [topic, description] of Object.entries(SHIPPED_TOPICS))
    registry.declare(topic, description);
}
