import { Global, Module } from '@nestjs/common';
import { AccessEvents } from './access-events';

@Global()
@Module({ providers: [AccessEvents], exports: [AccessEvents] })
export class EventsModule {}
