// Kindred's public API. Nothing here exposes Embind types: the engine is
// reached through <kindred-widget> or, for advanced hosts, loadKindredCore().

/** The one error type the widget throws and emits in `kindred:error`. */
export class KindredError extends Error {
  /** A getToken() that cannot get a token may throw one: new KindredError('unauthorized', 'Please sign in again.'). */
  constructor(code: KindredError['code'], message: string, detail?: Record<string, unknown>);
  readonly name: 'KindredError';
  readonly code: 'network' | 'timeout' | 'unauthorized' | 'http' | 'payload' | 'engine' | 'unverified' | 'locale';
  /** HTTP status, RFC 9457 problem, JSON path of a rejected payload, cause... */
  readonly detail: Record<string, unknown>;
  /** Whether the same request may succeed if tried again. */
  readonly retryable: boolean;
}

/**
 * <kindred-widget backend="https://loyalty.example.com"></kindred-widget>
 * Set `token` (or `getToken`) to the member token your server issued; the
 * widget then loads. Setting a different token starts a new session: nothing
 * of the previous member's state is kept.
 */
export interface KindredWidgetElement extends HTMLElement {
  /** Base URL of the loyalty backend; '' means this page's origin. Attribute: `backend`. */
  backend: string;
  /** The member's bearer token. Attribute: `token` (the property wins). */
  token: string | null;
  /**
   * Called before each request instead of reading `token`; may be async.
   * After a 401 it is called with `{ expired: true }`: return a fresh token
   * (the request is sent once more with it), not a cached one.
   */
  getToken: ((hint?: { expired: true }) => string | Promise<string>) | null;
  /**
   * BCP 47 locale. Numbers, money, dates and plurals follow it through Intl;
   * messages come from its language's catalog: en, es, fr, de, ar (right to
   * left) or ja, English for any other. The catalog is fetched from
   * `locales/<language>.json` next to the module, while the engine loads.
   * Attribute: `locale`; default: the nearest `lang` on the page, else the
   * browser's language. Changing it relabels the widget in place.
   */
  locale: string;
  /**
   * How requests reach the backend: 'fetch' (default), or 'webview' when a
   * mobile app hosts the widget and makes the calls itself with its own
   * session, so the page holds no token (docs/webviews.md). Attribute: `transport`.
   */
  transport: 'fetch' | 'webview';
  /**
   * Where the brand shows rewards without the widget. When the engine cannot
   * run here (see 'kindred:error' with code 'engine'), the widget shows the
   * balance and links to this page. Attribute: `rewards-url`; http(s) only.
   */
  rewardsUrl: string | null;
  /** Where the engine's .wasm is served, if not next to the module. */
  wasmUrl: string | URL | undefined;
  /** The screen shown, one of `screens`. Attribute: `screen`. */
  screen: KindredScreen;
  /**
   * The screens offered (all by default; one shows no tabs). Tabs keep the
   * widget's order: Home, Tiers, Rewards, Activity, Games.
   * Attribute: `screens`, comma-separated. Read when the widget is first connected.
   */
  screens: KindredScreen[];
  /** Fetches everything again; the screen keeps its state until answers arrive. */
  refresh(): Promise<void>;
  /**
   * Reports something the member did that the program counts (a challenge
   * step such as 'review-written') as POST /v1/events, through the outbox:
   * sent once, resent until answered. Resolves with the backend's event, or
   * null while it waits to be sent; rejects with a KindredError when the
   * backend refuses it or no member is signed in yet (wait for kindred:ready).
   */
  track(type: string, details?: { subject?: string; value?: number }): Promise<KindredTrackedEvent | null>;
  /**
   * Removes the widget and frees every wasm object it made, with its
   * requests, timers and listeners. Appending it again starts a new session.
   */
  destroy(): void;
  /**
   * For a host page watching for leaks: the widget's live wasm objects, and
   * the engine's heap bytes in use and Embind value handles (those two are
   * shared by every widget on the page).
   */
  diagnostics(): { engineObjects: number; heapBytes: number; valueHandles: number };
}

/** The widget's screens: Home (progress and moments), the tier hub, the catalog, the ledger, the games. */
export type KindredScreen = 'progress' | 'tiers' | 'rewards' | 'activity' | 'games';

export interface KindredMountOptions {
  /** Base URL of the loyalty backend; default: this page's origin. */
  backend?: string;
  /** The member token your server issued; or use getToken. */
  token?: string;
  /** Called before each request, and with `{ expired: true }` after a 401. */
  getToken?: (hint?: { expired: true }) => string | Promise<string>;
  /** BCP 47 locale ('es-MX', 'ar', 'ja-JP'...); default: the page's lang. See KindredWidget.locale. */
  locale?: string;
  /** The screen shown first. */
  screen?: KindredScreen;
  /** The screens offered (tabs keep the widget's order). */
  screens?: KindredScreen[];
  /** Custom properties without their prefix: { accent: '#7c3aed', radius: '8px' } sets --kindred-accent and --kindred-radius. */
  theme?: Record<string, string>;
  wasmUrl?: string | URL;
  rewardsUrl?: string;
  /** 'webview' in a mobile app that makes the calls itself (no token, no backend); see KindredWidgetElement.transport. */
  transport?: 'fetch' | 'webview';
}

export interface KindredHandle {
  /** The <kindred-widget> made for this mount. */
  readonly element: KindredWidgetElement;
  open(screen: KindredScreen): void;
  refresh(): Promise<void>;
  track: KindredWidgetElement['track'];
  /** Removes the widget; every wasm object it made is freed. */
  destroy(): void;
}

/** Puts a widget in `target` (an element or a selector) and returns its handle. */
export function mount(target: Element | string, options?: KindredMountOptions): KindredHandle;

/** An event as the backend recorded it (POST /v1/events). */
export interface KindredTrackedEvent {
  id: string; type: string; subject: string | null; value: number | null; occurredAt: string; receivedAt: string;
}

/** A prize of a chance game, as the backend's prize table lists it. */
export interface KindredPrize { id: string; label: string; points: number; weight: number }

export interface KindredEventMap {
  /** The first complete render of a session. */
  'kindred:ready': CustomEvent<{ tier: string | null; points: number }>;
  /** A reward was redeemed: its code and the balance after. */
  'kindred:redeem': CustomEvent<{ rewardId: string; code: string; balance: number }>;
  /**
   * A game was played (the backend decided the outcome). `fairness` is
   * 'verified' when the device recomputed the draw from the revealed seeds,
   * the name of the failed check otherwise (a 'kindred:error' with code
   * 'unverified' follows), and null for games that draw nothing (quiz, check-in).
   */
  'kindred:play': CustomEvent<{ gameId: string; prize: KindredPrize | null; pointsWon: number; balance: number;
    fairness: string | null }>;
  /**
   * A failed request or a rejected payload (`path` names the JSON path).
   * With code 'engine', `reason` says why the engine could not run:
   * 'unsupported' (no WebAssembly), 'csp' (script-src lacks 'wasm-unsafe-eval'),
   * 'not-wasm' (the .wasm URL serves something else), 'download' or 'compile'.
   */
  'kindred:error': CustomEvent<{ code: KindredError['code']; message: string; [key: string]: unknown }>;
}

/** Registers <kindred-widget> (done on import in browsers); returns its class. No-op without customElements. */
export function defineKindredWidget(registry?: CustomElementRegistry): CustomElementConstructor | undefined;

/** The Embind module. Advanced use only; the handle of each `new Core()` must be freed with `.delete()`. */
export interface KindredCoreModule {
  Core: new () => {
    /** Feeds a backend response; answers '{"ok":true}' or '{"ok":false,"path","problem","message"}'. */
    ingest(resource: 'program' | 'member' | 'rewards' | 'activity' | 'activity-next' | 'games' | 'moments', json: string): string;
    /** The progress screen's view model as JSON, for the given local day (YYYY-MM-DD). */
    progressView(todayIso: string): string;
    delete(): void;
    isDeleted(): boolean;
  };
}

/** Loads the engine once per page. Rejects with a KindredError of code 'engine'. */
export function loadKindredCore(options?: { wasmUrl?: string | URL; wasmBinary?: ArrayBuffer | Uint8Array }): Promise<KindredCoreModule>;

export interface RestTransport {
  /** GETs a JSON resource as text; retries retryable failures with backoff. */
  get(path: string, options?: { signal?: AbortSignal }): Promise<string>;
}

export function createRestTransport(options: {
  baseUrl?: string;
  getToken: () => string | Promise<string>;
  timeoutMs?: number;
  retries?: number;
  fetch?: typeof fetch;
}): RestTransport;

declare global {
  interface HTMLElementTagNameMap {
    'kindred-widget': KindredWidgetElement;
  }
}
