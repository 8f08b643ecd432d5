export { RoomProvider, type RoomProviderOptions, type RoomStatus } from './room-provider';
