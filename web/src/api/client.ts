/** A failure the API reported, in its `{ error: { code, message, details } }` shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field problems of a 400, by path. */
  get problems(): Array<{ path: string; message: string }> {
    const d = this.details as { problems?: Array<{ path: string; message: string }> } | undefined;
    return d?.problems ?? [];
  }
}

let csrfToken = '';

/** Remembers the session's CSRF token; every unsafe request sends it back. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

type Query = Record<string, string | number | boolean | string[] | undefined>;

/** Query strings carry ids, filters and search terms only for GET requests to our own API. */
function urlOf(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    // A list repeats its parameter (region=A&region=B): values may hold commas.
    if (Array.isArray(v)) for (const item of v) params.append(k, item);
    else if (v !== undefined && v !== '') params.set(k, String(v));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function failureOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; details?: unknown };
    };
    if (body.error)
      return new ApiError(
        response.status,
        body.error.code ?? 'error',
        body.error.message ?? response.statusText,
        body.error.details,
      );
  } catch {
    // not JSON: fall through to the status line
  }
  return new ApiError(response.status, 'http_error', response.statusText || `HTTP ${response.status}`);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type Options = { query?: Query; body?: unknown; form?: FormData; signal?: AbortSignal };

/** One call to the Vigil API: JSON in and out, the session cookie, CSRF on writes. */
export async function api<T>(method: Method, path: string, options: Options = {}): Promise<T> {
  return (await apiResponse<T>(method, path, options)).body;
}

/** The same call, with the status of the answer (201 created, 200 found as it was before). */
export async function apiResponse<T>(
  method: Method,
  path: string,
  options: Options = {},
): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(urlOf(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'the server cannot be reached');
  }
  if (!response.ok) throw await failureOf(response);
  if (response.status === 204) return { status: 204, body: undefined as T };
  return { status: response.status, body: (await response.json()) as T };
}

/**
 * Posts JSON and saves the file the API answers with (a letter, an export) under the name it
 * gives, which holds record ids only. The body (a search query, say) never reaches a URL.
 */
export async function download(
  path: string,
  body: unknown,
  fallbackName = 'vigil-download',
): Promise<string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network', 'the server cannot be reached');
  }
  if (!response.ok) throw await failureOf(response);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: the browser has the file by then.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return name;
}

/**
 * Posts a multipart form (a large upload) like `api`, telling `onSent` the share of it sent so
 * far (0–1): fetch cannot report upload progress, XMLHttpRequest can.
 */
export function postFormWithProgress<T>(
  path: string,
  form: FormData,
  onSent: (share: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('accept', 'application/json');
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onSent(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'network', 'the server cannot be reached'));
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(JSON.parse(request.responseText) as T);
        return;
      }
      const response = new Response(request.responseText, {
        status: request.status,
        statusText: request.statusText,
      });
      void failureOf(response).then(reject);
    };
    request.send(form);
  });
}
