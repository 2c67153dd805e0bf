import { Controller, Get } from '@nestjs/common';
import { Public } from '@app/auth';
import { ErrorEnvelopeDto, ServiceUnavailableError } from '@app/common';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthDto } from './health.dto';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Liveness: the process is up and serving. */
  @Get('healthz')
  @ApiOkResponse({ type: HealthDto })
  live(): HealthDto {
    return { status: 'ok', checks: {} };
  }

  /** Readiness: the database answers and every migration is applied. */
  @Get('readyz')
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: ErrorEnvelopeDto, description: '`service_unavailable`, with the failing checks in `details`.' })
  async ready(): Promise<HealthDto> {
    try {
      const result = await this.health.check([
        () => this.database.pingCheck('database', { connection: this.dataSource, timeout: 2000 }),
        async () => {
          const check = this.indicators.check('migrations');
          const pending = await this.dataSource.showMigrations().catch(() => true);
          return pending ? check.down({ message: 'migrations pending' }) : check.up();
        },
      ]);
      return { status: 'ok', checks: Object.fromEntries(Object.keys(result.info ?? {}).map((name) => [name, 'up'])) };
    } catch (error) {
      const body = (error as { response?: { error?: Record<string, { message?: string }> } }).response;
      const details = Object.entries(body?.error ?? {}).map(([field, state]) => ({ field, message: state.message ?? 'down' }));
      throw new ServiceUnavailableError('The service is not ready.', 5, details);
    }
  }
}
