// Read by Excalidraw when its bundle loads: fetch the drawing fonts from this server instead of a CDN.
// A file rather than an inline script, so the Content-Security-Policy needs no 'unsafe-inline'.
window.EXCALIDRAW_ASSET_PATH = '/';
