// The one place that opens a link in the user's browser (`--open`), through the `open` library.

/**
 * Opens a URL with the platform's opener (xdg-open, open, start) through the `open` library.
 * True when it exits 0 or is still running after a moment (it became the browser); false when
 * there is no opener or it fails (no browser on a server, say).
 */
export async function openInBrowser(url: string): Promise<boolean> {
  try {
    const { default: open } = await import('open');
    const child = await open(url, { wait: false });
    return await new Promise((resolve) => {
      // `open` unrefs the child, so this timer is what keeps the process alive until the opener
      // has answered: unref'd too, the loop would empty and the await never settle (exit 13).
      const timer = setTimeout(() => resolve(true), 1_500);
      child.once('error', () => resolve(false));
      child.once('exit', (code) => {
        clearTimeout(timer);
        resolve(code === 0);
      });
    });
  } catch {
    return false;
  }
}

