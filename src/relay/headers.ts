// What every answer of the relay says about itself, whoever makes it (the request handler, the
// answers Node would make itself in server.ts, the board), and what an entry in Redis records.

/** The relay's own content type: every answer is JSON, whatever the upstream said. */
export const JSON_TYPE = 'application/json; charset=utf-8';

/** Sent with every answer: never sniffed as HTML, never framed, never a referrer. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const;
