// A cap on the size of an answer's body, for both of the project's got clients: the CLI's
// (api/client.ts) and the relay's upstream (relay/upstream.ts).

interface Download {
  on(event: 'downloadProgress', listener: (progress: { transferred: number; total?: number }) => void): unknown;
  cancel(): void;
}

/**
 * Cancels `request` as soon as its body is known to be over `max` bytes: by its length, or by what
 * has arrived (got counts what it hands on, so after decompression where it decompresses).
 * Returns whether it did, for the error to say why the request failed.
 */
export function capBody(request: Download, max: number): () => boolean {
  let tooLarge = false;
  request.on('downloadProgress', ({ transferred, total }) => {
    if (tooLarge || (transferred <= max && (total ?? 0) <= max)) return;
    tooLarge = true;
    request.cancel();
  });
  return () => tooLarge;
}
