/**
 * pg 8 reads `sslmode` prefer, require and verify-ca as verify-full (the server's certificate
 * is checked) and says so in a nine-line warning at every start. Written as what it means,
 * the URL connects exactly as before and the start stays quiet; libpq's weaker reading stays
 * as pg offers it (`uselibpqcompat=true`, left alone).
 */
export function sslModeAsPgReadsIt(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url.slice(at + 1);
  if (/(^|&)uselibpqcompat=true(&|$)/i.test(query)) return url;
  const meant = query.replace(
    /(^|&)sslmode=(prefer|require|verify-ca)(?=&|$)/gi,
    '$1sslmode=verify-full',
  );
  return `${url.slice(0, at)}?${meant}`;
}
