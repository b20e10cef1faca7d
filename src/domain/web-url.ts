/**
 * An absolute http(s) URL with a host: the only kind of address a source may point to. Other
 * schemes (javascript:, data:, file:) would run or open something local when a reader follows
 * the link, so they are refused wherever a URL comes in.
 */
export function isWebUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 2000) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !/\s/.test(value);
}
