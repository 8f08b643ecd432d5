export * from './http/auth.schemas';
export * from './http/errors';
export * from './http/health';
export * from './http/sessions.schemas';
export * from './http/text.schemas';
export * from './room/room-contract';
export * from './room/document-layout';
export * from './room/framing';
