import { Global, Module } from '@nestjs/common';
import { AccessEvents } from './access-events';
import { SessionEndedEvents } from './session-events';

@Global()
@Module({ providers: [AccessEvents, SessionEndedEvents], exports: [AccessEvents, SessionEndedEvents] })
export class EventsModule {}
