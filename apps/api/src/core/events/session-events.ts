import { Injectable } from '@nestjs/common';
import { Listeners } from './listeners';

/**
 * A session ended (its id), once its transaction committed: what must follow the end (its recording's
 * job) plugs in here instead of into the interview.
 */
@Injectable()
export class SessionEndedEvents extends Listeners<string> {}
