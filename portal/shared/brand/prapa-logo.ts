import { ChangeDetectionStrategy, Component, input } from '@angular/core';

let nextId = 0;

/** Prapa's mark: a water drop with a ripple; with `wordmark`, "ประปา" beside it. */
@Component({
  selector: 'prapa-logo',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'prapa-logo' },
  template: `
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 48 48"
      [attr.width]="size()"
      [attr.height]="size()"
      aria-hidden="true"
      focusable="false"
    >
      <defs>
        <linearGradient [attr.id]="gradientId" x1="0.2" y1="0" x2="0.8" y2="1">
          <stop offset="0" stop-color="#4cc3ef" />
          <stop offset="1" stop-color="#0a5f8f" />
        </linearGradient>
      </defs>
      <path
        d="M24 3.5S9.5 19.6 9.5 29.6a14.5 14.5 0 0 0 29 0C38.5 19.6 24 3.5 24 3.5z"
        [attr.fill]="'url(#' + gradientId + ')'"
      />
      <path
        d="M15.5 30.5c2.8 0 2.8-2 5.6-2s2.8 2 5.6 2 2.8-2 5.6-2"
        fill="none"
        stroke="#fff"
        stroke-width="2.4"
        stroke-linecap="round"
        opacity=".9"
      />
      <path
        d="M17 23.5c.8-3 2.6-6 4.4-8.4"
        fill="none"
        stroke="#fff"
        stroke-width="2.4"
        stroke-linecap="round"
        opacity=".55"
      />
    </svg>
    @if (wordmark()) {
      <span class="prapa-logo__word">
        <span class="prapa-logo__th" lang="th">ประปา</span>
        <span class="prapa-logo__en" lang="en">Prapa</span>
      </span>
    }
  `,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.55rem;
      color: inherit;
    }
    svg {
      flex: none;
    }
    .prapa-logo__word {
      display: inline-flex;
      flex-direction: column;
      line-height: 1.05;
    }
    .prapa-logo__th {
      font-weight: 700;
      font-size: 1.3em;
      letter-spacing: 0.01em;
    }
    .prapa-logo__en {
      font-size: 0.72em;
      font-weight: 600;
      letter-spacing: 0.16em;
      text-transform: uppercase;
      opacity: 0.8;
    }
  `,
})
export class PrapaLogo {
  readonly size = input<number>(40);
  readonly wordmark = input(false);
  protected readonly gradientId = `prapa-drop-${nextId++}`;
}
