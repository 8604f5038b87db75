import { isApiDay } from './days.js';

// The token lives in sessionStorage: it survives a reload, not the closing of the tab.
const TOKEN_KEY = 'orgraph.token';

export function storedToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function storeToken(token: string | null): void {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

/**
 * The `asOf` day in the address (`?asOf=2025-06-30`), so a view of the past can be shared;
 * one the API does not answer for (`2026-02-30`) is today, as a day the picker refuses.
 */
export function addressAsOf(): string {
  const day = addressDay();
  return isApiDay(day) ? day : '';
}

/** The `asOf` of the address when it is no day the API answers for, to say it was not read. */
export function refusedAddressAsOf(): string {
  const day = addressDay();
  return isApiDay(day) ? '' : day;
}

const addressDay = () => new URLSearchParams(location.search).get('asOf') ?? '';

export const setAddressAsOf = (day: string) => setAddressParam('asOf', day);

/** The pillar or area the address scopes the panels to (`?scope=platform`); '' for none. */
export const addressScope = () => new URLSearchParams(location.search).get('scope') ?? '';
export const setAddressScope = (slug: string) => setAddressParam('scope', slug);

function setAddressParam(name: string, value: string): void {
  const url = new URL(location.href);
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
  history.replaceState(null, '', url);
}
