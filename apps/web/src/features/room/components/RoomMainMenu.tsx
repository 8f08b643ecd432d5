import { MainMenu } from '@excalidraw/excalidraw';

/**
 * Replaces Excalidraw's main menu, which offers "Reset the canvas" (in a room it would wipe everyone's work,
 * observers' view included, and only the person who pressed it could undo it) and links to Excalidraw's
 * GitHub, X and Discord (a self-hosted app sends its users to no third party). Open, save, export and theme
 * are hidden by UIOptions or live elsewhere in the room; the command palette is not mounted. What is left
 * works on a shared board.
 */
export function RoomMainMenu() {
  return (
    <MainMenu>
      <MainMenu.DefaultItems.SearchMenu />
      <MainMenu.DefaultItems.Help />
    </MainMenu>
  );
}
