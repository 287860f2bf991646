// REST calls with the login token. The token lives in sessionStorage: a closed tab logs out.
const TOKEN_KEY = 'cityvitals.token';

export const token = () => sessionStorage.getItem(TOKEN_KEY);
export const setToken = (t) => (t ? sessionStorage.setItem(TOKEN_KEY, t) : sessionStorage.removeItem(TOKEN_KEY));

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** JSON from `path`; throws ApiError with the server's explanation otherwise. */
export async function get(path, params) {
  const query = params ? '?' + new URLSearchParams(params) : '';
  return answer(await fetch(path + query, {headers: headers()}));
}

export async function post(path, body) {
  return send('POST', path, body);
}

/** Any method with an optional JSON body; an answer without a body (204) is an empty object. */
export async function send(method, path, body) {
  return answer(await fetch(path, {method, headers: headers(), body: body === undefined ? undefined
    : JSON.stringify(body)}));
}

function headers() {
  return Object.assign({'Content-Type': 'application/json'}, token() ? {Authorization: 'Bearer ' + token()} : {});
}

async function answer(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, body.error || String(response.status));
  return body;
}

/** Indicator history as the server stores it: IndicatorValue rows, oldest first. */
export const history = (indicator, district, from, to) => get('/api/history',
  {indicator, district, from: new Date(from).toISOString(), to: new Date(to).toISOString()});

export const healthHistory = (district, from, to) => get('/api/health/history',
  {district, from: new Date(from).toISOString(), to: new Date(to).toISOString()});
