import { Pipe, inject, type PipeTransform } from '@angular/core';
import type { Role } from '@prapa/domain/common';
import { roleNames } from '../auth/user';
import { LanguageService } from './language.service';

/** `{{ user.roles | roleLabel }}` → "ผู้ดูแลระบบ" / "Administrator" (labels from @prapa/domain). */
@Pipe({ name: 'roleLabel', pure: false })
export class RoleLabelPipe implements PipeTransform {
  private readonly language = inject(LanguageService);

  transform(roles: Role | readonly Role[] | null | undefined): string {
    if (!roles) return '';
    return roleNames(typeof roles === 'string' ? [roles] : roles, this.language.lang());
  }
}
