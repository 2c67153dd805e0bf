import { DynamicModule, Module } from '@nestjs/common';
import { AuthGuardsModule } from '@app/auth';
import { AppConfig, AppConfigModule } from '@app/common';
import { DatabaseModule } from '@app/database';
import { IdempotencyModule } from '@app/idempotency';
import { JobsModule } from '@app/jobs';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { BalancesModule } from './balances/balances.module';
import { HealthModule } from './health/health.module';
import { ConsumesInterceptor } from './http/consumes.interceptor';
import { loggingOptions } from './http/logging';
import { RateLimitGuard } from './http/rate-limit.guard';
import { IdentityModule } from './identity/identity.module';
import { OAuthModule } from './oauth/oauth.module';
import { SandboxModule } from './sandbox/sandbox.module';
import { TransactionsModule } from './transactions/transactions.module';
import { TransferRequestsModule } from './transfer-requests/transfer-requests.module';
import { WalletsModule } from './wallets/wallets.module';

/** The HTTP service: one module per endpoint family on top of the libraries. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot(loggingOptions(config)),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: config.rateLimitPerMinute }],
          skipIf: () => config.rateLimitPerMinute === 0,
        }),
        DatabaseModule,
        AuthGuardsModule,
        HealthModule,
        IdentityModule,
        OAuthModule,
        WalletsModule,
        BalancesModule,
        TransferRequestsModule,
        TransactionsModule,
        IdempotencyModule,
        JobsModule,
        SandboxModule,
      ],
      providers: [ConsumesInterceptor, RateLimitGuard],
    };
  }
}
