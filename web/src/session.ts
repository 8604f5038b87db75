// The token lives in sessionStorage: it survives a reload, not the closing of the tab.
const TOKEN_KEY = 'orgraph.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The `asOf` day in the address (`?asOf=2025-06-30`), so a view of the past can be shared. */
export function addressAsOf(): string {
  const day = new URLSearchParams(location.search).get('asOf') ?? '';
  return DAY.test(day) ? day : '';
}

export function setAddressAsOf(day: string): void {
  const url = new URL(location.href);
  if (day) url.searchParams.set('asOf', day);
  else url.searchParams.delete('asOf');
  history.replaceState(null, '', url);
}
