import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslatePipe } from '@ngx-translate/core';

/** "ยินดีต้อนรับ" and the user's name, with whatever the app adds below it. */
@Component({
  selector: 'prapa-welcome-card',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card prapa-welcome" aria-labelledby="prapa-welcome-name">
      <div class="card-body">
        <p class="prapa-welcome__hello">{{ 'common.welcome' | translate }}</p>
        <h1 id="prapa-welcome-name" class="prapa-welcome__name" data-testid="welcome-name">
          {{ name() }}
        </h1>
        <div class="prapa-welcome__detail"><ng-content /></div>
      </div>
    </section>
  `,
  styles: `
    .prapa-welcome {
      border: 0;
      border-radius: 1rem;
      color: #fff;
      background:
        radial-gradient(120% 140% at 100% 0%, rgb(76 195 239 / 45%) 0%, transparent 55%),
        linear-gradient(140deg, #0b5f8d 0%, #0c3450 100%);
      box-shadow: 0 8px 24px rgb(12 52 80 / 18%);
    }
    .card-body {
      padding: 1.5rem 1.25rem;
    }
    .prapa-welcome__hello {
      margin: 0;
      font-size: 1.05rem;
      color: #d7ebf7;
    }
    .prapa-welcome__name {
      margin: 0.1rem 0 0.5rem;
      font-size: 1.75rem;
      font-weight: 700;
      line-height: 1.3;
    }
    .prapa-welcome__detail {
      color: #e3f1fa;
    }
  `,
})
export class WelcomeCard {
  readonly name = input.required<string>();
}
