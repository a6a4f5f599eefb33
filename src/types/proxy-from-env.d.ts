declare module 'proxy-from-env' {
  /** The proxy URL for `url` from HTTP(S)_PROXY/ALL_PROXY and NO_PROXY, or '' for a direct connection. */
  export function getProxyForUrl(url: string | URL, env?: NodeJS.ProcessEnv): string;
}
