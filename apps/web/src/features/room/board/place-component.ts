import { CaptureUpdateAction, convertToExcalidrawElements, ROUNDNESS, viewportCoordsToSceneCoords } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardComponent } from '@mockboard/interview';

/** The drag-and-drop payload type for palette items: the component id, nothing a stray drop could misuse. */
export const COMPONENT_DRAG_TYPE = 'application/x-mockboard-component';

const WIDTH = 200;
const HEIGHT = 80;
const FONT_SIZE = 18;
/** Excalidraw's default hand-drawn font, which the label uses. */
const LABEL_FONT = 'Excalifont';

/**
 * Adds a labelled box for a palette component, centred on `at` (a drop point in client coordinates) or on
 * the middle of the visible canvas. It is an ordinary local edit: undoable, and synced by the binding.
 */
export async function placeComponent(api: ExcalidrawImperativeAPI, component: BoardComponent, at?: { clientX: number; clientY: number }): Promise<void> {
  // The label is measured and wrapped to the box once, here; measured before its font has loaded, it
  // would overflow the box on every screen.
  await document.fonts.load(`${String(FONT_SIZE)}px ${LABEL_FONT}`, component.label).catch(() => undefined);
  const appState = api.getAppState();
  const point = at ?? { clientX: appState.offsetLeft + appState.width / 2, clientY: appState.offsetTop + appState.height / 2 };
  const centre = viewportCoordsToSceneCoords(point, appState);
  const created = convertToExcalidrawElements([
    {
      type: 'rectangle',
      x: centre.x - WIDTH / 2,
      y: centre.y - HEIGHT / 2,
      width: WIDTH,
      height: HEIGHT,
      backgroundColor: component.color,
      fillStyle: 'solid',
      strokeColor: '#1e1e1e',
      roughness: 0,
      roundness: { type: ROUNDNESS.ADAPTIVE_RADIUS },
      // Lets later features (scoring, replay) recognise the building block whatever its label says.
      customData: { componentId: component.id },
      label: { text: component.label, fontSize: FONT_SIZE },
    },
  ]);
  const box = created.find((element) => element.type === 'rectangle');
  api.updateScene({
    elements: [...api.getSceneElementsIncludingDeleted(), ...created],
    appState: box ? { selectedElementIds: { [box.id]: true } } : undefined,
    captureUpdate: CaptureUpdateAction.IMMEDIATELY,
  });
}
