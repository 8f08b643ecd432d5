import { exportToBlob, exportToSvg } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';

export type ExportFormat = 'png' | 'svg';

/** PNGs are drawn at twice the board's size, sharp on high-density screens and when zoomed into a review. */
export const PNG_EXPORT_SCALE = 2;

/** Downloads the board (non-deleted elements only) as an image on a white background. */
export async function exportBoard(api: ExcalidrawImperativeAPI, format: ExportFormat, baseName: string): Promise<void> {
  const options = {
    elements: api.getSceneElements(),
    appState: { exportBackground: true, viewBackgroundColor: '#ffffff', exportWithDarkMode: false },
    files: api.getFiles(),
    exportPadding: 24,
  };
  const blob =
    format === 'png'
      ? await exportToBlob({
          ...options,
          mimeType: 'image/png',
          // Not `appState.exportScale`: exportToBlob reads it only together with `maxWidthOrHeight`, and
          // otherwise draws at 1x. The canvas size callback is what sets the scale.
          getDimensions: (width: number, height: number) => scaled(width, height, PNG_EXPORT_SCALE),
        })
      : new Blob([(await exportToSvg(options)).outerHTML], { type: 'image/svg+xml' });
  download(blob, `${baseName}.${format}`);
}

function scaled(width: number, height: number, scale: number): { width: number; height: number; scale: number } {
  return { width: Math.round(width * scale), height: Math.round(height * scale), scale };
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // Revoked on the next tick: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** `Video recommendations` -> `video-recommendations-2026-11-21`. */
export function exportFileName(title: string, now = new Date()): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'board';
  return `${slug}-${now.toISOString().slice(0, 10)}`;
}
