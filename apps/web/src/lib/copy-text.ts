/**
 * Copies text to the clipboard; resolves false when the browser would not. The Clipboard API exists only in
 * secure contexts (https, localhost), and a self-hosted install is often plain HTTP on a LAN name, where
 * `navigator.clipboard` is undefined: there the copy goes through a selected, off-screen textarea and the
 * older copy command, which browsers still honour during a click.
 */
export async function copyText(text: string): Promise<boolean> {
  if (navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (a permission, an unfocused page): the copy command may still be allowed.
    }
  }
  return copyWithCommand(text);
}

function copyWithCommand(text: string): boolean {
  const previousFocus = document.activeElement;
  const textarea = document.createElement('textarea');
  textarea.value = text;
  textarea.readOnly = true;
  textarea.style.position = 'fixed';
  textarea.style.left = '-9999px';
  document.body.append(textarea);
  textarea.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    textarea.remove();
    if (previousFocus instanceof HTMLElement) previousFocus.focus();
  }
}
