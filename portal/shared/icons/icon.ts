import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/**
 * Line icons drawn for Prapa (24 × 24, stroke = currentColor). Bootstrap Icons are not
 * installed; add a path here when a screen needs a new one.
 */
export const ICONS = {
  alert: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 7.5v5.5 M12 16.5v.01',
  building:
    'M3 21h18 M5 21V6.5L12 3v18 M12 21V8l7 2.5V21 M8 8.5h1 M8 12h1 M8 15.5h1 M15 13h1 M15 16.5h1',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3.5v4 M16 3.5v4',
  chevronRight: 'M9.5 6l6 6-6 6',
  close: 'M6 6l12 12 M18 6L6 18',
  dashboard: 'M4 4h7v8H4z M13 4h7v5h-7z M13 11h7v9h-7z M4 14h7v6H4z',
  droplet: 'M12 3.2s-6.2 6.8-6.2 11.3a6.2 6.2 0 0 0 12.4 0C18.2 10 12 3.2 12 3.2z',
  eye: 'M2.5 12s3.5-6.5 9.5-6.5 9.5 6.5 9.5 6.5-3.5 6.5-9.5 6.5S2.5 12 2.5 12z M12 9.2a2.8 2.8 0 1 0 0 5.6a2.8 2.8 0 1 0 0-5.6z',
  eyeOff:
    'M3.5 3.5l17 17 M10.3 5.7A9.6 9.6 0 0 1 12 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 0 1-2.9 3.6 M6.7 6.9C4 8.7 2.5 12 2.5 12s3.5 6.5 9.5 6.5c1.8 0 3.4-.6 4.8-1.4 M10 10a2.8 2.8 0 0 0 4 4',
  home: 'M3.5 11L12 4l8.5 7 M5.5 9.5V20h13V9.5 M10 20v-5.5h4V20',
  inbox: 'M3.5 13.5L6 5h12l2.5 8.5V19h-17z M3.5 13.5h5l1 2.5h5l1-2.5h5',
  flow: 'M4 5h6v4H4z M14 15h6v4h-6z M7 9v3h10v3',
  info: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M12 11v5.5 M12 7.5v.01',
  menu: 'M4 6.5h16 M4 12h16 M4 17.5h16',
  pin: 'M12 21s-6.5-5.8-6.5-11a6.5 6.5 0 0 1 13 0c0 5.2-6.5 11-6.5 11z M12 7.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5z',
  server: 'M4 4.5h16v6H4z M4 13.5h16v6H4z M7.5 7.5h.01 M7.5 16.5h.01',
  signOut: 'M9.5 20H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h3.5 M15.5 16.5L20 12l-4.5-4.5 M20 12H9.5',
  user: 'M12 12a4 4 0 1 0 0-8a4 4 0 1 0 0 8z M4.5 20.5a7.5 7.5 0 0 1 15 0',
  calculator:
    'M6 3h12v18H6z M8.5 6h7v3h-7z M9 12.5h.01 M12 12.5h.01 M15 12.5h.01 M9 15.5h.01 M12 15.5h.01 M15 15.5v2.5 M9 18.5h.01 M12 18.5h.01',
  check: 'M5 12.5l4.5 4.5L19 7.5',
  download: 'M12 4v11 M7.5 10.5L12 15l4.5-4.5 M4.5 19.5h15',
  gauge: 'M4.5 17a8 8 0 1 1 15 0 M12 13l3.5-4.5 M7 17h10',
  invoice: 'M6 3h9l3 3v15l-2-1.3-2 1.3-2-1.3-2 1.3-2-1.3L6 21z M9 8.5h6 M9 12h6 M9 15.5h3.5',
  pencil: 'M4 20l1-4.2L15.6 5.2a2 2 0 0 1 2.8 0l.4.4a2 2 0 0 1 0 2.8L8.2 19z M13.5 7.3l3.2 3.2',
  play: 'M7 4.5v15L19 12z',
  plus: 'M12 5v14 M5 12h14',
  print: 'M7 9V3.5h10V9 M7 17.5H4.5V9h15v8.5H17 M7 14h10v6.5H7z',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M15.2 15.2L20 20',
  tag: 'M3.5 12.5V4h8.5l8.5 8.5-8.5 8.5z M8 8.5h.01',
  upload: 'M12 15V4 M7.5 8.5L12 4l4.5 4.5 M4.5 19.5h15',
  users:
    'M9 11.5a3.5 3.5 0 1 0 0-7a3.5 3.5 0 1 0 0 7z M2.5 20a6.5 6.5 0 0 1 13 0 M16 4.8a3.5 3.5 0 0 1 0 6.4 M18 14.2a6.5 6.5 0 0 1 3.5 5.8',
} as const;

export type IconName = keyof typeof ICONS;

@Component({
  selector: 'prapa-icon',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'prapa-icon', 'aria-hidden': 'true' },
  template: `
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      [attr.width]="size()"
      [attr.height]="size()"
      fill="none"
      stroke="currentColor"
      [attr.stroke-width]="stroke()"
      stroke-linecap="round"
      stroke-linejoin="round"
      focusable="false"
    >
      <path [attr.d]="path()" />
    </svg>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex: none;
      line-height: 0;
      vertical-align: -0.15em;
    }
  `,
})
export class Icon {
  readonly name = input.required<IconName>();
  readonly size = input<number | string>('1.25em');
  readonly stroke = input(1.8);
  protected readonly path = computed(() => ICONS[this.name()]);
}
