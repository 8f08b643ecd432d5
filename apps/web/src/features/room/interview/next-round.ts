/**
 * Which next round to take a seated person to (rule R6): the `nextSessionId` of the room's state, once it
 * becomes set while the room is open. A room opened after the swap (someone coming back to the old room)
 * already has it set: that person is shown a link rather than sent away.
 *
 * `atOpen` is the value in the first up-to-date state the room saw (undefined until it has seen one).
 */
export function roundToFollow(atOpen: string | null | undefined, current: string | null): string | null {
  return atOpen !== undefined && current !== null && current !== atOpen ? current : null;
}
