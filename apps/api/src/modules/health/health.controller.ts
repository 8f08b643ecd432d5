import { Controller, Get, Res } from '@nestjs/common';
import type { HealthResponse } from '@mockboard/protocol';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { HealthService } from './health.service';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 503 when a dependency is down, so load balancers and compose health checks act on it. */
  @Public()
  @Get()
  async get(@Res({ passthrough: true }) res: Response): Promise<HealthResponse> {
    const report = await this.health.check();
    if (report.status !== 'ok') res.status(503);
    return report;
  }
}
