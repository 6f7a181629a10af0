/**
 * Deployments: process (BPMN) and form (Form.io) versions per tenant. A deploy is
 * validated as a whole; nothing is stored from a refused one. At start the shipped
 * processes/*.bpmn and forms/*.json are deployed to every tenant whose newest
 * shipped version differs (content hash).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { Op, type Sequelize, type Transaction } from 'sequelize';
import { NotFoundError, UserError, type FieldError } from '../http/errors.js';
import { asSystem, asTenant, currentContext } from '../http/request-context.js';
import type { AuditLog } from '../modules/audit/audit.service.js';
import { Tenant } from '../modules/tenancy/tenant.model.js';
import { compileProcess, compiled, type CompiledProcess } from './bpmn-source.js';
import {
  FormDefinitionRow,
  ProcessDefinition,
  WorkflowSource,
  type Origin,
} from './definition.models.js';
import { parseAndValidate } from './deploy-validation.js';
import { checkFormDefinition, type FormDefinition } from './forms/form-definition.js';
import type { HandlerRegistry } from './handlers.js';
import { tenantFilter, type Sql } from '../db/sql.js';

export interface Deployed {
  key: string;
  version: number;
  created: boolean;
}

const PROCESS = { th: 'กระบวนการ', en: 'Process' };
const FORM = { th: 'แบบฟอร์ม', en: 'Form' };
const KEY = /^[a-z0-9][a-z0-9-]{0,99}$/;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function refused(problems: FieldError[]): UserError {
  return new UserError(
    'deploy_refused',
    {
      th: `ไม่สามารถติดตั้งได้: พบปัญหา ${problems.length} รายการ`,
      en: `Not deployed: ${problems.length} problem(s).`,
    },
    problems,
  );
}

export class DeploymentService {
  private readonly formCache = new Map<string, FormDefinition>();
  private readonly definitionCache = new Map<string, ProcessDefinition>();

  constructor(
    private readonly sequelize: Sequelize,
    private readonly sql: Sql,
    private readonly audit: AuditLog,
    private readonly handlers: HandlerRegistry,
    private readonly log: Logger,
  ) {}

  // ── processes ──

  async deployProcess(key: string, xml: string, origin: Origin = 'api'): Promise<Deployed> {
    checkKey(key);
    const forms = await this.latestFormVersions();
    const { parsed, problems } = await parseAndValidate(xml, {
      key,
      formExists: (k) => forms.has(k),
      handlers: this.handlers,
    });
    if (problems.length || !parsed) throw refused(problems);
    const hash = sha256(xml);
    const process = compileProcess(hash, parsed);
    const pins: Record<string, number> = {};
    for (const t of process.userTasks.values())
      if (t.formKey) pins[t.formKey] = forms.get(t.formKey)!;
    return this.sequelize.transaction(async (transaction) => {
      const latest = await ProcessDefinition.findOne({
        where: { key },
        order: [['version', 'DESC']],
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (latest && latest.sourceHash === hash && latest.formVersions === JSON.stringify(pins)) {
        return { key, version: latest.version, created: false };
      }
      await this.storeSource(hash, 'bpmn', xml, transaction);
      const def = await ProcessDefinition.create(
        {
          key,
          version: (latest?.version ?? 0) + 1,
          name: process.processName,
          sourceHash: hash,
          formVersions: JSON.stringify(pins),
          origin,
          deployedBy: currentContext()?.actor?.username ?? 'system',
          deployedAt: new Date(),
        },
        { transaction },
      );
      await this.audit.record(transaction, {
        action: 'process.deploy',
        entityType: 'process_definition',
        entityId: def.id,
        after: { key, version: def.version, hash, formVersions: pins, origin },
      });
      return { key, version: def.version, created: true };
    });
  }

  async listProcesses(): Promise<
    {
      key: string;
      name: string | null;
      latest: number;
      versions: { version: number; deployedBy: string; deployedAt: string; origin: Origin }[];
    }[]
  > {
    const rows = await ProcessDefinition.findAll({
      order: [
        ['key', 'ASC'],
        ['version', 'DESC'],
      ],
    });
    const byKey = new Map<string, ProcessDefinition[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    return [...byKey.entries()].map(([key, versions]) => ({
      key,
      name: versions[0]!.name,
      latest: versions[0]!.version,
      versions: versions.map((v) => ({
        version: v.version,
        deployedBy: v.deployedBy,
        deployedAt: v.deployedAt.toISOString(),
        origin: v.origin,
      })),
    }));
  }

  async processVersion(key: string, version: number): Promise<ProcessDefinition> {
    const def = await ProcessDefinition.findOne({ where: { key, version } });
    if (!def) throw new NotFoundError(PROCESS);
    return def;
  }

  /** The newest version of a process: its id looked up, the (immutable) row from the cache. */
  async latestProcess(key: string): Promise<ProcessDefinition> {
    const tenant = tenantFilter('process definition');
    const [row] = await this.sql.select<{ id: number }>(
      `SELECT id FROM process_definitions WHERE \`key\` = ? ${tenant.sql}
       ORDER BY version DESC LIMIT 1`,
      [key, ...tenant.params],
    );
    if (!row) throw new NotFoundError(PROCESS);
    return this.definitionById(row.id);
  }

  async processXml(def: ProcessDefinition): Promise<string> {
    return this.source(def.sourceHash);
  }

  /** The parsed, runnable form of a definition (cached per content hash). */
  compiled(def: ProcessDefinition): Promise<CompiledProcess> {
    return compiled(def.sourceHash, () => this.source(def.sourceHash));
  }

  // ── forms ──

  async deployForm(key: string, form: unknown, origin: Origin = 'api'): Promise<Deployed> {
    checkKey(key);
    const problems = checkFormDefinition(form);
    if (problems.length) throw refused(problems);
    const json = JSON.stringify(form);
    const hash = sha256(json);
    return this.sequelize.transaction(async (transaction) => {
      const latest = await FormDefinitionRow.findOne({
        where: { key },
        order: [['version', 'DESC']],
        transaction,
        lock: transaction.LOCK.UPDATE,
      });
      if (latest && latest.sourceHash === hash)
        return { key, version: latest.version, created: false };
      await this.storeSource(hash, 'form', json, transaction);
      const row = await FormDefinitionRow.create(
        {
          key,
          version: (latest?.version ?? 0) + 1,
          title:
            typeof (form as { title?: unknown }).title === 'string'
              ? (form as { title: string }).title
              : null,
          sourceHash: hash,
          origin,
          deployedBy: currentContext()?.actor?.username ?? 'system',
          deployedAt: new Date(),
        },
        { transaction },
      );
      await this.audit.record(transaction, {
        action: 'form.deploy',
        entityType: 'form_definition',
        entityId: row.id,
        after: { key, version: row.version, hash, origin },
      });
      return { key, version: row.version, created: true };
    });
  }

  async listForms(): Promise<
    { key: string; title: string | null; latest: number; versions: number[] }[]
  > {
    const rows = await FormDefinitionRow.findAll({
      order: [
        ['key', 'ASC'],
        ['version', 'DESC'],
      ],
    });
    const byKey = new Map<string, FormDefinitionRow[]>();
    for (const r of rows) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r]);
    return [...byKey.entries()].map(([key, v]) => ({
      key,
      title: v[0]!.title,
      latest: v[0]!.version,
      versions: v.map((x) => x.version),
    }));
  }

  /**
   * One form's versions, newest first, each with who deployed it and the process versions
   * that pinned it (a process version pins its forms' newest versions at deploy).
   */
  async formVersions(key: string): Promise<{
    key: string;
    title: string | null;
    latest: number;
    versions: {
      version: number;
      deployedBy: string;
      deployedAt: string;
      origin: Origin;
      usedBy: { processKey: string; processName: string | null; processVersion: number }[];
    }[];
  }> {
    const [rows, processes] = await Promise.all([
      FormDefinitionRow.findAll({ where: { key }, order: [['version', 'DESC']] }),
      ProcessDefinition.findAll({
        attributes: ['key', 'version', 'name', 'formVersions'],
        order: [
          ['key', 'ASC'],
          ['version', 'DESC'],
        ],
      }),
    ]);
    if (!rows.length) throw new NotFoundError(FORM);
    const usedBy = new Map<
      number,
      { processKey: string; processName: string | null; processVersion: number }[]
    >();
    for (const p of processes) {
      const pinned = (JSON.parse(p.formVersions || '{}') as Record<string, number>)[key];
      if (typeof pinned !== 'number') continue;
      const list = usedBy.get(pinned) ?? [];
      list.push({ processKey: p.key, processName: p.name, processVersion: p.version });
      usedBy.set(pinned, list);
    }
    return {
      key,
      title: rows[0]!.title,
      latest: rows[0]!.version,
      versions: rows.map((r) => ({
        version: r.version,
        deployedBy: r.deployedBy,
        deployedAt: r.deployedAt.toISOString(),
        origin: r.origin,
        usedBy: usedBy.get(r.version) ?? [],
      })),
    };
  }

  /** A form version: immutable once deployed, so cached per tenant, key and version. */
  async form(key: string, version: number): Promise<FormDefinition> {
    const cacheKey = `${currentContext()?.tenantId ?? 'system'}:${key}:${version}`;
    const hit = this.formCache.get(cacheKey);
    if (hit) return hit;
    const row = await FormDefinitionRow.findOne({ where: { key, version } });
    if (!row) throw new NotFoundError(FORM);
    const form = JSON.parse(await this.source(row.sourceHash)) as FormDefinition;
    remember(this.formCache, cacheKey, form);
    return form;
  }

  private async latestFormVersions(): Promise<Map<string, number>> {
    const rows = await FormDefinitionRow.findAll({ attributes: ['key', 'version'] });
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.key, Math.max(out.get(r.key) ?? 0, r.version));
    return out;
  }

  // ── shipped files ──

  /** Deploys processes/*.bpmn and forms/*.json to every tenant where they changed. */
  async deployShipped(processesDir: string, formsDir: string): Promise<void> {
    const forms = readDir(formsDir, '.json');
    const processes = readDir(processesDir, '.bpmn');
    const tenants = await asSystem(() => Tenant.findAll({ attributes: ['id'] }));
    for (const t of tenants) {
      await asTenant(t.id, async () => {
        for (const f of forms) await this.deployShippedOne('form', f.key, f.content);
        for (const p of processes) await this.deployShippedOne('process', p.key, p.content);
      });
    }
  }

  private async deployShippedOne(
    kind: 'form' | 'process',
    key: string,
    content: string,
  ): Promise<void> {
    const Model = kind === 'form' ? FormDefinitionRow : ProcessDefinition;
    const latest = await (Model as typeof ProcessDefinition).findOne({
      where: { key },
      order: [['version', 'DESC']],
    });
    if (latest && latest.origin === 'api') {
      this.log.debug(
        { key, kind },
        'kept the version an administrator deployed over the shipped one',
      );
      return;
    }
    const hash = kind === 'form' ? sha256(JSON.stringify(JSON.parse(content))) : sha256(content);
    if (latest?.sourceHash === hash && kind === 'form') return;
    try {
      const r =
        kind === 'form'
          ? await this.deployForm(key, JSON.parse(content), 'file')
          : await this.deployProcess(key, content, 'file');
      if (r.created)
        this.log.info(
          { kind, key, version: r.version, tenantId: currentContext()?.tenantId },
          'deployed shipped definition',
        );
    } catch (e) {
      if (e instanceof UserError) {
        this.log.error(
          { kind, key, problems: e.errors },
          `the shipped ${kind} ${key} is invalid and was not deployed`,
        );
        return;
      }
      throw e;
    }
  }

  private async storeSource(
    hash: string,
    kind: 'bpmn' | 'form',
    content: string,
    transaction: Transaction,
  ): Promise<void> {
    const found = await WorkflowSource.findByPk(hash, { transaction, attributes: ['hash'] });
    if (!found) await WorkflowSource.create({ hash, kind, content }, { transaction });
  }

  private async source(hash: string): Promise<string> {
    const s = await WorkflowSource.findByPk(hash);
    if (!s) throw new Error(`workflow source ${hash} is missing`);
    return s.content;
  }

  /** Process definitions by id (tenant-scoped), for instances; immutable, so cached. */
  async definitionById(id: number): Promise<ProcessDefinition> {
    const cacheKey = `${currentContext()?.tenantId ?? 'system'}:${id}`;
    const hit = this.definitionCache.get(cacheKey);
    if (hit) return hit;
    const def = await ProcessDefinition.findByPk(id);
    if (!def) throw new NotFoundError(PROCESS);
    remember(this.definitionCache, cacheKey, def);
    return def;
  }

  async definitionsByIds(ids: number[]): Promise<ProcessDefinition[]> {
    return ProcessDefinition.findAll({ where: { id: { [Op.in]: ids } } });
  }
}

/** A small bounded cache: the oldest entry goes when it is full. */
function remember<V>(cache: Map<string, V>, key: string, value: V, limit = 500): void {
  if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}

function checkKey(key: string): void {
  if (!KEY.test(key)) {
    const m = {
      th: 'รหัสต้องเป็นตัวอักษรภาษาอังกฤษตัวเล็ก ตัวเลข หรือ - เท่านั้น',
      en: 'A key is lower-case letters, digits and hyphens.',
    };
    throw new UserError('invalid_key', m, [{ path: 'key', message: m }]);
  }
}

function readDir(dir: string, ext: string): { key: string; content: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(ext) && f !== 'package.json')
    .sort()
    .map((f) => ({
      key: path.basename(f, ext),
      content: fs.readFileSync(path.join(dir, f), 'utf8'),
    }));
}
