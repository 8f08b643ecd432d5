/**
 * Excalidraw switches to its phone layout (tools at the bottom, no zoom or undo buttons) when its own box
 * is narrower than 730 px. The palette gets a column of its own only where the board keeps at least that
 * much beside it and the side panel (see room.css: 190 + 310 + 730 < 1240); on narrower screens it opens
 * from the header instead.
 */
export const WIDE_ROOM_QUERY = '(min-width: 1240px)';
