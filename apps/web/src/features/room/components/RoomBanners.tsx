import { RESYNC_ERROR_CODES } from '@mockboard/protocol';
import type { RoomConnection } from '../connection/use-room-connection';

/** Room-wide notices under the header: a lost connection, or a change the server refused. */
export function RoomBanners({ connection, readOnly }: { connection: RoomConnection; readOnly: boolean }) {
  const reconnecting = connection.everConnected && connection.status !== 'connected';
  // Refusals an honest client can meet are resolved by the client resyncing: nothing was lost, nothing to say.
  const refusedChange = connection.lastError && !RESYNC_ERROR_CODES.includes(connection.lastError.code) ? connection.lastError : undefined;
  return (
    <>
      {reconnecting && (
        <div className="room-banner room-banner--warning" role="status">
          <span className="spinner" aria-hidden="true" />
          <span>
            <strong>Reconnecting…</strong>{' '}
            {readOnly ? 'The board will catch up when the connection is back.' : 'Keep drawing: your changes are kept here and sync when the connection is back.'}
          </span>
        </div>
      )}
      {refusedChange && (
        <div className="room-banner room-banner--danger" role="alert">
          A change was not saved: {refusedChange.message}
        </div>
      )}
    </>
  );
}
