// <kindred-widget>: the custom element a brand puts on its page. It owns one
// engine (a wasm Core) per member session, fetches what the screen needs,
// hands the responses to the core and renders the view models the core
// returns. The class is created on first define, not at import, so importing
// the package during server-side rendering never touches HTMLElement.

import { loadKindredCore } from './core_loader.js';
import { createRestTransport } from './rest_transport.js';
import { KindredError, errorFromAnswer } from './kindred_error.js';
import { formatMessage } from './format_message.js';
import { createProgressView } from './progress_view.js';
import { createCatalogView } from './catalog_view.js';
import { createScreenTabs } from './screen_tabs.js';
import { createRedeemDialog } from './redeem_dialog.js';
import { createActivityView } from './activity_view.js';
import { screenOnDemand } from './screen_on_demand.js';
import { createFallbackView } from './fallback_view.js';
import { createMomentsView } from './moments_view.js';
import { createYearInReview } from './year_in_review.js';
import { randomHex } from './random_hex.js';
import { createOutbox } from './outbox.js';
import { createEngineObjects } from './engine_objects.js';
import { adoptWidgetStyles } from './widget_styles.js';
import { adoptBrandStyles, brandStyles } from './brand_theme.js';
import { safeImageUrl } from './safe_image_url.js';
import { h } from './dom.js';
import essentialEnglish from './messages_en_essential.js';
import { catalogLanguage, cachedCatalog, loadCatalog, pluralKey, textDirection } from './locale_catalog.js';

const TAG = 'kindred-widget';
const SCREENS = ['progress', 'tiers', 'rewards', 'activity', 'games'];
const ACTIVITY_PAGE_SIZE = 20;
const REWARDS_PAGE_SIZE = 500;  // the backend's largest page: fewest round trips
const CATALOG_QUERY_MAX = 100;  // the core's largest catalog page

// In a mobile app's webview the app makes the calls (webview_bridge.js). That
// file stays out of the bundle: only a page in an app downloads it.
const webviewFetch = (url, init) => import('./webview_bridge.js').then((bridge) => bridge.webviewFetch(url, init));

// The frame's words while a language other than English is on its way: none.
// A spinner says "busy" to everyone; English there would be the wrong language.
const NO_WORDS_YET = Object.freeze({});

/** 24 random hex digits: makes each new intent's Idempotency-Key unique. */
const randomNonce = () => randomHex(12);

/** The shopper's calendar day, which expiry dates are counted against. */
function localIsoDate(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function createWidgetClass() {
  return class KindredWidget extends HTMLElement {
    static get observedAttributes() { return ['backend', 'token', 'locale', 'screen', 'rewards-url', 'transport']; }

    /**
     * The screens this page offers, in tab order. Attribute: `screens`, a
     * comma-separated subset of 'progress,tiers,rewards,activity,games' (all
     * of them when absent); read when the widget is first connected.
     */
    get screens() {
      const wanted = (this.getAttribute('screens') ?? '').split(',').map((name) => name.trim());
      const offered = SCREENS.filter((name) => wanted.includes(name));
      return offered.length ? offered : [...SCREENS];
    }
    set screens(list) { this.setAttribute('screens', [].concat(list).join(',')); }

    #core = null;            // the engine; one per member session
    #token = null;
    #getToken = null;
    #loads = null;           // AbortController of the loads in flight
    #transportError = null;  // the last failed fetch, if the latest one failed
    #engineFailure = null;   // {error, member}: the engine cannot run here, so the fallback shows
    #rewards = 'idle';       // 'idle' | 'loading' | 'loaded': the catalog is fetched when first shown
    #catalogQuery = { sort: 'popular', limit: 20 };
    #catalogCursor = null;   // where "Show more" continues
    #catalogShown = 0;       // rows on screen, kept across renders
    #catalogText = null;     // the view those rows were drawn from
    #redeeming = null;       // the catalog item in the redemption dialog
    #activity = 'idle';      // like #rewards; the ledger's first page is fetched when first shown
    #games = 'idle';         // like #rewards; GET /v1/games when the Games screen is first shown
    #engine = null;          // the loaded wasm module (games make its per-frame objects)
    #objects = createEngineObjects();  // every wasm object this widget holds
    #outbox = null;          // this member's writes not yet answered (outbox.js)
    #outboxMessage = '';     // what the last background send came to
    #momentsReads = 0;       // GET /v1/moments after events: only the latest one's answer counts
    #announcedReady = false;
    #dom = null;
    #wasmUrl = undefined;
    #formatContext = { locale: 'en' };  // locale and currency words for messages
    #language = 'en';        // the catalog the frame was built in
    #messages = essentialEnglish;  // until a catalog arrives, or if none can
    #speakCalls = 0;         // the latest #speak() builds; earlier ones still loading give way
    #catalogMissing = false; // no catalog could be fetched: the frame says it could not load
    #tokenRefresh = null;    // the session's latest getToken({expired: true}) (see #askForToken)
    #brandStyles = null;     // the brand look last applied
    #languageWaiting = false; // a new language waits for the shopper to finish (see #busy)

    /** Base URL of the loyalty backend ('' or unset: this page's origin). */
    get backend() { return this.getAttribute('backend') ?? ''; }
    set backend(value) { this.setAttribute('backend', value); }

    /**
     * How requests reach the backend: 'fetch' (default), or 'webview' when a
     * mobile app hosts the widget and makes the calls with its own session
     * (no token in the page). Attribute: `transport`.
     */
    get transport() { return this.getAttribute('transport') === 'webview' ? 'webview' : 'fetch'; }
    set transport(value) { this.setAttribute('transport', value); }

    /** The member's bearer token, as issued by the brand's server. */
    get token() { return this.#token ?? this.getAttribute('token'); }
    set token(value) {
      if (value === this.#token) return;
      this.#token = value;
      this.#startSession();
    }

    /** Alternative to `token`: called before each request, may return a promise. */
    get getToken() { return this.#getToken; }
    set getToken(fn) {
      this.#getToken = fn;
      this.#startSession();
    }

    /**
     * The shopper's locale (a BCP 47 tag): attribute `locale`, else the
     * nearest `lang` on the page, else the browser's. Numbers, money and
     * dates follow it exactly; messages come from its language's catalog
     * (en, es, fr, de, ar, ja; English for any other).
     */
    get locale() {
      // A tag Intl refuses ("en_US") would throw in every formatter: skip it.
      for (const tag of [this.getAttribute('locale'), this.closest('[lang]')?.getAttribute('lang'), navigator.language]) {
        try {
          if (tag) return Intl.getCanonicalLocales(tag)[0];
        } catch { /* the next candidate */ }
      }
      return 'en';
    }
    set locale(value) {
      if (value == null || value === '') this.removeAttribute('locale');
      else this.setAttribute('locale', value);
    }

    /** The screen shown: 'progress' (default), 'tiers', 'rewards', 'activity' or 'games'. Attribute: `screen`. */
    get screen() {
      const wanted = this.getAttribute('screen');
      const offered = this.#dom?.screens ?? this.screens;
      return offered.includes(wanted) ? wanted : offered[0];
    }
    set screen(value) { this.setAttribute('screen', value); }

    /** Where the brand shows rewards without the widget: linked when the engine cannot run. Attribute: `rewards-url`. */
    get rewardsUrl() { return this.getAttribute('rewards-url'); }
    set rewardsUrl(value) { this.setAttribute('rewards-url', value); }

    /** Optional override of where the engine's .wasm file is served. */
    get wasmUrl() { return this.#wasmUrl; }
    set wasmUrl(value) { this.#wasmUrl = value; }

    attributeChangedCallback(name, oldValue, newValue) {
      if (oldValue === newValue || !this.shadowRoot) return;
      if (name === 'locale') return void this.#speak();  // also while the first catalog loads
      if (!this.#dom) return;
      if (name === 'token' && this.#token !== null) return;  // the property wins
      if (name === 'rewards-url') this.#render();
      else if (name === 'screen') this.#showScreen();
      else this.#startSession();
    }

    connectedCallback() {
      if (!this.shadowRoot) {
        this.#adoptPropertiesSetBeforeUpgrade();
        adoptWidgetStyles(this.attachShadow({ mode: 'open' }));
        // Warm the engine while the page is still getting a token. A microtask
        // later, so a wasmUrl set right after appending the element is used.
        queueMicrotask(() => loadKindredCore({ wasmUrl: this.wasmUrl }).catch(() => {}));
      }
      this.#speak({ startSession: true });
    }

    // Builds the frame in the language of `locale`, once its catalog is
    // here (fetched while the engine and the member's data load); in English
    // if that language's cannot be had. With no catalog at all the frame
    // says it could not load, and Try again asks for one again.
    //
    // A session asked for starts at once in whatever frame there is (a
    // frame with only "Loading your rewards…" while the first catalog
    // comes): the engine and the member's data load beside the catalog.
    // A frame is not rebuilt under a shopper in the middle of something (a
    // dialog, a game): the new language waits until they are done.
    async #speak({ startSession = false } = {}) {
      const call = ++this.#speakCalls;
      this.#languageWaiting = false;
      const wanted = catalogLanguage(this.locale);
      if (!this.#dom) {
        const cached = cachedCatalog(wanted);
        this.#buildFrame(cached ? wanted : 'en', cached ?? (wanted === 'en' ? essentialEnglish : NO_WORDS_YET));
      }
      if (startSession) this.#startSession();
      const speaking = this.#hasCatalog();
      if (speaking && wanted === this.#language) {  // same language: formats only
        if (!startSession) this.#render();
        return;
      }
      let language = wanted;
      let catalog = cachedCatalog(wanted);
      if (!catalog) {
        const fetchCatalog = (name) => loadCatalog(name).catch((error) => {
          this.#emitError(new KindredError('locale', error.message, { language: name }));
          return null;
        });
        catalog = await fetchCatalog(wanted);
        if (!catalog && wanted !== 'en' && !speaking) catalog = await fetchCatalog(language = 'en');
        if (call !== this.#speakCalls) return;  // the locale changed meanwhile: the later call builds
        if (!catalog && speaking) return;  // keep the language on screen
      }
      if (this.#busy()) {
        this.#languageWaiting = true;  // #render speaks again once the shopper is done
        return;
      }
      this.#catalogMissing = !catalog;
      this.#buildFrame(language, catalog ?? essentialEnglish);
      this.#render();
    }

    // A dialog is open or a game is on the stage: rebuilding the frame now
    // would close it under the shopper.
    #busy() {
      const dom = this.#dom;
      return Boolean(dom && (dom.redeemDialog.isOpen || dom.year.dialog.open || dom.games.busy));
    }

    disconnectedCallback() {
      this.#endSession();
    }

    /**
     * Removes the widget from the page and frees every wasm object it made,
     * with its requests, timers and listeners. Appending it again starts a
     * new session.
     */
    destroy() {
      this.remove();
      this.#endSession();
    }

    /**
     * What the widget holds in the engine, for a host page watching for
     * leaks: its live wasm objects, and the engine's heap in use and Embind
     * value handles (both shared by every widget on the page).
     */
    diagnostics() {
      return {
        engineObjects: this.#objects.count,
        heapBytes: this.#engine?.heapBytesInUse() ?? 0,
        valueHandles: this.#engine?.count_emval_handles() ?? 0,
      };
    }

    /**
     * Reports something the member did that the program counts (a challenge
     * step such as 'review-written', with an optional subject and value) as
     * POST /v1/events, through the outbox: written down first, sent once,
     * sent again until the backend answers. Resolves with the backend's event,
     * or null while it waits to be sent; rejects with a KindredError if the
     * backend refuses it, or if no member is signed in yet (wait for
     * kindred:ready).
     */
    async track(type, { subject, value } = {}) {
      if (!this.#outbox) throw new KindredError('unauthorized', 'No member is signed in yet.', { type });
      const body = JSON.stringify({ type, subject, value });  // undefined fields are left out
      const command = { method: 'POST', path: '/v1/events', idempotencyKey: `event-${randomHex(16)}`, body };
      const answer = await this.#send(command, { kind: 'event', subject: type, name: type });
      if (answer.status === 201) {
        this.#readMoments();  // the event may be a challenge's step
        return JSON.parse(answer.body);
      }
      if (answer.status === 0 || answer.status === 429 || answer.status >= 500) return null;
      throw errorFromAnswer(answer);
    }

    /** Fetches everything again; the screen keeps its state until answers arrive. */
    async refresh() {
      if (!this.isConnected || !this.#hasCredentials()) return;
      this.#loads?.abort();
      this.#momentsReads += 1;  // this load's moments are newer than any reload already in flight
      const loads = new AbortController();
      this.#loads = loads;
      const { signal } = loads;
      try {
        const transport = this.#transport();
        // The engine and the data download side by side, not one after the other.
        const [loaded, program, member, moments] = await Promise.all([
          loadKindredCore({ wasmUrl: this.wasmUrl }).then((engine) => ({ engine }), (error) => ({ error })),
          ...['/v1/program', '/v1/member', '/v1/moments'].map((path) => transport.get(path, { signal })),
        ]);
        if (signal.aborted) return;
        if (loaded.error) this.#fallBack(loaded.error, member);
        else await this.#startEngine(loaded.engine, { program, member, moments }, transport, signal);
        this.#transportError = null;
      } catch (error) {
        if (signal.aborted) return;
        this.#transportError = error instanceof KindredError
          ? error : new KindredError('engine', 'Something went wrong in the rewards widget.', { cause: String(error) });
        this.#emitError(this.#transportError);
      } finally {
        if (this.#loads === loads) this.#loads = null;
      }
      this.#render();
      // The shopper changed screens while this load was under way: the new
      // one's data was not part of it.
      if (!this.#transportError && this.#core && this.#screenNeedsData()) this.refresh();
    }

    // The engine runs: it reads the program and member, takes back the
    // outbox, and the screens shown (or shown before) get their data.
    async #startEngine(engine, { program, member, moments }, transport, signal) {
      this.#engineFailure = null;
      this.#engine = engine;
      this.#core ??= this.#objects.make(engine, 'Core');
      // The member is checked against the program, so the program goes first.
      this.#ingest('program', program);
      this.#ingest('member', member);
      this.#ingest('moments', moments);  // read against the member's tier and balance
      this.#openOutbox();
      // The for-you ranking reads the ledger, so the catalog brings it along.
      const wantsRewards = this.screen === 'rewards' || this.#rewards === 'loaded';
      const wantsActivity = wantsRewards || this.screen === 'activity' || this.#activity === 'loaded';
      const wantsGames = this.screen === 'games' || this.#games === 'loaded';
      await Promise.all([
        wantsRewards ? this.#loadRewards(transport, signal) : null,
        wantsActivity ? this.#loadActivity(transport, signal, { more: false }) : null,
        wantsGames ? this.#loadGames(transport, signal) : null,
      ]);
    }

    // No engine, but the member's data came: show the balance and a link
    // rather than an error box, and tell the host page why.
    #fallBack(error, memberBody) {
      let member = null;
      try { member = JSON.parse(memberBody); } catch { /* the fallback then shows no balance */ }
      this.#engineFailure = { error, member };
      this.#emitError(error);
    }

    #transport() {
      return createRestTransport({
        baseUrl: this.backend,
        getToken: (hint) => (this.#getToken ? this.#askForToken(hint) : this.token),
        ...(this.transport === 'webview' && { fetch: webviewFetch }),
      });
    }

    // The host's getToken. Requests that all got a 401 share one call for a
    // fresh token; a getToken that fails for its own reasons is a sign-in
    // problem ('unauthorized'), which a write keeps in the outbox.
    #askForToken(hint) {
      const ask = (expired) => Promise.resolve().then(() => this.#getToken(expired ? { expired: true } : undefined))
        .catch((error) => {
          throw error instanceof KindredError ? error : new KindredError('unauthorized', 'getToken() did not give a token.', { cause: String(error) });
        });
      const last = this.#tokenRefresh;  // {refused, fresh, promise}: the latest refresh of this session
      if (!hint?.expired) return last && !last.done ? last.promise : ask(false);
      // The token refused is older than the last fresh one (it was sent
      // before that refresh, or is the one that refresh replaced): share it.
      // Only the fresh token itself being refused calls for another.
      if (last && (!last.done || hint.refused !== last.fresh)) return last.promise;
      const refresh = { refused: hint.refused, fresh: undefined, done: false, promise: null };
      refresh.promise = ask(true).then((token) => {
        Object.assign(refresh, { fresh: token, done: true });
        return token;
      }, (error) => {
        if (this.#tokenRefresh === refresh) this.#tokenRefresh = null;  // the next 401 asks again
        throw error;
      });
      this.#tokenRefresh = refresh;
      return refresh.promise;
    }

    /** Feeds a response to the core; a rejected payload is reported, the last good state stays. */
    #ingest(resource, body) {
      const outcome = JSON.parse(this.#core.ingest(resource, body));
      if (!outcome.ok) this.#emitError(new KindredError('payload', outcome.message, { path: outcome.path, resource }));
      return outcome;
    }

    // Pages through GET /v1/rewards into the core; the core says where to go on.
    async #loadRewards(transport, signal) {
      this.#rewards = 'loading';
      this.#render();
      let cursor = null;
      do {
        const query = `limit=${REWARDS_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const body = await transport.get(`/v1/rewards?${query}`, { signal });
        if (signal.aborted) return;
        const outcome = this.#ingest('rewards', body);
        cursor = outcome.ok ? outcome.nextCursor : null;
      } while (cursor);
      this.#rewards = 'loaded';
    }

    async #loadGames(transport, signal) {
      const [body] = await Promise.all([transport.get('/v1/games', { signal }), this.#dom.games.load()]);
      if (signal.aborted) return;
      this.#ingest('games', body);
      this.#games = 'loaded';
    }

    // The ledger's first page, or with more, the page after what is shown.
    async #loadActivity(transport, signal, { more }) {
      if (!more) this.#activity = 'loading';
      const cursor = more ? JSON.parse(this.#core.activityView()).nextCursor : null;
      const query = `limit=${ACTIVITY_PAGE_SIZE}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const body = await transport.get(`/v1/activity?${query}`, { signal });
      if (signal.aborted) return;
      this.#ingest(more ? 'activity-next' : 'activity', body);
      this.#activity = 'loaded';
    }

    // The first page again (after a redemption changed the ledger), or the next one.
    async #readActivity({ more }) {
      const core = this.#core;
      try {
        await this.#loadActivity(this.#transport(), new AbortController().signal, { more });
      } catch (error) {
        if (core !== this.#core) return;
        this.#transportError = error;
        this.#emitError(error);
      }
      if (core === this.#core) this.#render();
    }

    // GET /v1/moments again, after an event the page reported: the backend
    // counts challenge steps and awards badges, so the screen follows it.
    // Steps reported in a row start reads that may answer out of order; an
    // older answer must not put back a count the newer one moved past.
    async #readMoments() {
      const core = this.#core;
      const read = ++this.#momentsReads;
      const current = () => core === this.#core && read === this.#momentsReads;
      try {
        const body = await this.#transport().get('/v1/moments');
        if (current()) this.#ingest('moments', body);
      } catch (error) {
        if (current()) this.#emitError(error);
      }
      if (current()) this.#render();
    }

    // A page (or a framework) may set properties on <kindred-widget> before
    // this module defines it; those land on the instance and would hide the
    // accessors. Take them over.
    #adoptPropertiesSetBeforeUpgrade() {
      for (const name of ['token', 'getToken', 'backend', 'wasmUrl', 'screen', 'screens', 'rewardsUrl', 'locale', 'transport']) {
        if (!Object.prototype.hasOwnProperty.call(this, name)) continue;
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }

    #hasCredentials() { return Boolean(this.#getToken || this.token || this.transport === 'webview'); }

    // A new member (or backend) must never see the previous one's state.
    #startSession() {
      if (!this.#dom || !this.isConnected) return;
      this.#endSession();
      this.#render();
      this.refresh();
    }

    #endSession() {
      this.#tokenRefresh = null;  // a refresh for the previous member is never the next one's token
      this.#outbox?.close();
      this.#outbox = null;
      this.#outboxMessage = '';
      this.#loads?.abort();
      this.#loads = null;
      this.#closeLiveParts();
      this.#objects.freeAll();
      this.#core = null;
      this.#transportError = null;
      this.#engineFailure = null;
      this.#rewards = 'idle';
      this.#activity = 'idle';
      this.#games = 'idle';
      this.#catalogCursor = null;
      this.#catalogShown = 0;
      this.#catalogText = null;
      this.#redeeming = null;
      this.#announcedReady = false;
    }

    // What holds wasm objects, animation frames or focus: its wheel or
    // scratch card first, while the core lives.
    #closeLiveParts() {
      this.#dom?.games.close();
      this.#dom?.moments.close();
      if (this.#dom?.year.dialog.open) this.#dom.year.dialog.close();
      if (this.#dom?.redeemDialog.isOpen) this.#dom.redeemDialog.root.close();
    }

    // The rewards screen fetches the catalog the first time it is shown.
    #showScreen() {
      this.#render();
      if (this.screen !== 'games') this.#dom.games.close();
      if (this.#screenNeedsData() && this.#core && !this.#loads) this.refresh();
    }

    #screenNeedsData() {
      return (this.screen === 'rewards' && this.#rewards === 'idle') ||
        (this.screen === 'activity' && this.#activity === 'idle') ||
        (this.screen === 'games' && this.#games === 'idle');
    }

    // The shadow root's content in one language. Built again when the
    // language changes (what is on screen comes back from the core's state),
    // so every view sets its fixed labels once, when it is made.
    #buildFrame(language, messages) {
      this.#closeLiveParts();
      this.#language = language;
      this.#messages = messages;
      const shadow = this.shadowRoot;
      const t = (key, params) => this.#t(key, params);
      t.plural = (base, count, params) => this.#tPlural(base, count, params);
      const progress = createProgressView(t);
      const catalog = createCatalogView(t, {
        onQuery: (change) => {
          this.#catalogQuery = { ...this.#catalogQuery, ...change };
          this.#renderCatalog({ append: false, fresh: true });
        },
        onMore: () => this.#renderCatalog({ append: true }),
        onRedeem: (item, button) => {
          this.#redeeming = item;
          const balance = JSON.parse(this.#core.progressView(localIsoDate())).member?.points ?? 0;
          // Back to this reward's Redeem button, or its row if it has none now.
          const focusTarget = () => {
            if (button.isConnected) return button;
            const row = catalog.root.querySelector(`[data-reward-id="${CSS.escape(item.id)}"]`);
            return row?.querySelector('.redeem') ?? catalog.root.querySelector('.search');
          };
          redeemDialog.open(item, balance, focusTarget);
        },
        imageBase: () => this.#backendBase(),
      });
      const redeemDialog = createRedeemDialog(t, { onConfirm: () => this.#redeem() });
      const activity = createActivityView(t, { onMore: () => this.#readActivity({ more: true }), locale: () => this.locale });
      // The Games screen and the tier hub load their code when first shown.
      const rerender = () => this.#render();
      const games = screenOnDemand(() => import('./games_screen.js'), (module) => module.createGamesScreen(t, {
        engine: () => this.#engine,
        objects: this.#objects,
        core: () => this.#core,
        locale: () => this.locale,
        play: (gameId) => this.#play(gameId),
        onPlayed: rerender,
        onClosed: rerender,
      }), rerender, (error) => this.#partFailed(error));
      const moments = createMomentsView(t, {
        engine: () => this.#engine,
        objects: this.#objects,
        reducedMotion: () => globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false,
        onAction: (key, action) => this.#answerMoment(key, action),
        onShowRewards: () => {
          catalog.setFilter('affordable', true);
          this.screen = 'rewards';
        },
      });
      const hub = screenOnDemand(() => import('./tier_hub_view.js'), (module) => module.createTierHubView(t, {
        locale: () => this.locale,
        onSignUp: (key) => this.#answerMoment(key, 'signup'),
        onRate: (key, stars) => this.#answerMoment(key, 'rate', stars),
      }), rerender, (error) => this.#partFailed(error));
      const year = createYearInReview(t, { locale: () => this.locale });
      const screens = this.screens;
      const tabs = createScreenTabs(screens.map((id) => ({ id, label: t(`tabs.${id}`) })), (id) => { this.screen = id; });
      const notice = h('p', { class: 'notice', role: 'alert', part: 'notice', hidden: true });
      const outbox = h('p', { class: 'outbox', role: 'status', part: 'outbox', hidden: true });
      const loading = h('div', { class: 'loading', role: 'status', 'aria-busy': 'true' }, h('div', { class: 'spinner' }), t('widget.loading'));
      const failedText = h('p', { class: 'failed-text' });
      const retry = h('button', { type: 'button', part: 'button' }, t('widget.retry'));
      const signedOut = h('p', { class: 'signed-out', part: 'signed-out' }, t('widget.signedOut'));
      retry.addEventListener('click', () => {
        this.#transportError = null;
        if (this.#catalogMissing) this.#speak();
        this.#render();
        this.refresh();
      });
      const failed = h('div', { class: 'failed', role: 'alert' }, failedText, retry);
      const fallback = createFallbackView(t);
      const panel = h('div', { role: 'tabpanel', class: 'panel' }, notice, outbox, signedOut, loading, fallback.root, failed, progress.root, moments.root, year.root, hub.root, catalog.root, activity.root, games.root);
      const logo = h('img', { class: 'brand-logo', part: 'logo', alt: '', decoding: 'async', hidden: true });
      logo.addEventListener('error', () => { logo.hidden = true; });
      const card = h('section', { class: 'card', part: 'card', 'aria-label': t('widget.title') },
        h('div', { class: 'card-head' }, logo, h('h2', { class: 'title' }, t('widget.title'))), tabs.root, panel);
      for (const part of [card, redeemDialog.root, year.dialog]) {
        part.lang = language;
        part.dir = textDirection(language);
      }
      // Keep a <style> the widget's own look fell back to (webviews without
      // adopted stylesheets); everything else is the old frame.
      const style = [...shadow.children].filter((node) => node.localName === 'style');
      shadow.replaceChildren(...style, card, redeemDialog.root, year.dialog);
      // A language that waited for a dialog comes when it closes (and only
      // then: a render here would replace the button focus went back to).
      for (const dialog of [redeemDialog.root, year.dialog]) {
        dialog.addEventListener('close', () => { if (this.#languageWaiting) this.#speak(); });
      }
      // The new catalog view's controls start afresh, and it has no rows yet.
      this.#catalogQuery = { sort: 'popular', limit: 20 };
      this.#catalogShown = 0;
      this.#catalogText = null;
      this.#brandStyles = null;  // a new frame shows its logo once the program is read
      this.#dom = { logo, screens, progress, moments, year, hub, catalog, activity, games, tabs, redeemDialog, notice, outbox, signedOut, loading, failed, failedText, fallback };
    }

    // A failure as the shopper reads it: the backend's own words when its
    // problem details gave some, else the widget's, in the shopper's
    // language (the error's message stays English, for the developer).
    #say(error) {
      if (error.detail?.spoken) return error.message;
      const status = error.detail?.status;
      const kind = error.code === 'engine' ? (error.detail?.reason === 'download' ? 'download' : 'engine')
        : error.code === 'http' && (status >= 500 || status === 429) ? 'unavailable' : error.code;
      return `error.${kind}` in this.#messages ? this.#t(`error.${kind}`) : error.message;
    }

    // A screen's code could not be downloaded (offline, say): a failed
    // download like any other, with Try again. Reported here unless a load
    // is under way, whose own failure handling reports what it returns.
    #partFailed(error) {
      const failure = new KindredError('network', 'A part of the rewards widget could not be downloaded.', { cause: String(error) });
      if (!this.#loads) {
        this.#transportError = failure;
        this.#emitError(failure);
        this.#render();
      }
      return failure;
    }

    // The brand's colours, fonts, corner radius and logo, from the program.
    #showBrand({ name, theme }) {
      const css = brandStyles(theme);
      const logoUrl = safeImageUrl(theme?.logoUrl, this.#backendBase());
      const key = `${css}\n${logoUrl}\n${name}`;
      if (key === this.#brandStyles) return;  // unchanged: no restyle on each render
      this.#brandStyles = key;
      adoptBrandStyles(this.shadowRoot, css);
      const { logo } = this.#dom;
      logo.hidden = !logoUrl;
      logo.alt = name;  // the logo stands for the program's name
      if (logoUrl && logo.src !== logoUrl) logo.src = logoUrl;
    }

    // A count's message by the language's plural rules ('catalog.count' ->
    // 'catalog.count.few' in Arabic, '.other' in Japanese).
    #tPlural(base, count, params) { return this.#t(pluralKey(this.#messages, this.#language, base, count), params); }

    // Where the backend's relative URLs (reward images, the logo) point.
    #backendBase() { return new URL(this.backend || '.', document.baseURI).href; }

    // A language's catalog is here (not only the essential English of the
    // loading and failure states, nor nothing at all).
    #hasCatalog() { return this.#messages !== essentialEnglish && this.#messages !== NO_WORDS_YET; }

    // Before a catalog arrives only the essential English messages are here.
    #t(key, params = {}) {
      if (this.#messages === NO_WORDS_YET) return '';
      return formatMessage(key in this.#messages ? this.#messages : essentialEnglish, key, params, this.#formatContext);
    }

    #render() {
      if (!this.#dom) return;
      const { progress, moments, year, hub, catalog, activity, games, tabs, notice, signedOut, loading, failed, failedText, fallback } = this.#dom;
      // No token yet: say so rather than spin; setting one starts the session.
      signedOut.hidden = this.#hasCredentials();
      const today = localIsoDate();
      const view = this.#core ? JSON.parse(this.#core.progressView(today)) : null;
      // No screen shows before its words have arrived.
      const ready = view?.status === 'ready' && this.#hasCatalog();
      const momentsView = ready ? JSON.parse(this.#core.momentsView(today)) : null;
      const onRewards = this.screen === 'rewards';
      const problem = this.#transportError;

      if (ready) {
        this.#formatContext = {
          locale: this.locale, currency: view.program.currency, moneyCurrency: view.program.moneyCurrency,
          isolate: textDirection(this.#language) === 'rtl',
        };
        this.#showBrand(view.program);
        // The expiry reminder card says it better, with a way to spend them.
        progress.update(view, { expiryCard: momentsView.cards.some((card) => card.kind === 'expiring') });
      }
      tabs.root.hidden = !ready || this.#dom.screens.length === 1;  // one screen needs no tabs
      tabs.select(this.screen);
      const catalogReady = ready && onRewards && this.#rewards === 'loaded' && this.#renderCatalog({ append: false });
      const onActivity = this.screen === 'activity';
      const activityView = ready && onActivity && this.#activity === 'loaded' ? JSON.parse(this.#core.activityView()) : null;
      const activityReady = activityView?.status === 'ready';
      if (activityReady) activity.update(activityView);
      const onGames = this.screen === 'games';
      const gamesView = ready && onGames && this.#games === 'loaded' ? JSON.parse(this.#core.gamesView()) : null;
      if (gamesView?.status === 'ready') games.update(gamesView);  // fetches the screen's code if this frame lacks it
      const gamesReady = gamesView?.status === 'ready' && games.loaded;
      const onTiers = this.screen === 'tiers';
      const hubView = ready && onTiers ? JSON.parse(this.#core.tierHubView(today)) : null;
      if (hubView?.status === 'ready') hub.update(hubView);  // fetches the hub's code the first time
      const hubReady = hubView?.status === 'ready' && hub.loaded;
      hub.root.hidden = !hubReady;
      progress.root.hidden = !ready || onTiers || onRewards || onActivity || onGames;
      moments.update(progress.root.hidden ? null : momentsView);
      year.update(progress.root.hidden ? null : momentsView.yearInReview, view?.program?.name);
      catalog.root.hidden = !catalogReady;
      activity.root.hidden = !activityReady;
      games.root.hidden = !gamesReady;
      const showing = ready && (onTiers ? hubReady : onRewards ? catalogReady : onActivity ? activityReady : onGames ? gamesReady : true);

      // With a good state on screen, a failure is a notice above it; without
      // one, it is the whole panel, with a way forward.
      notice.hidden = !(showing && (problem || view.error));
      notice.textContent = [problem && this.#say(problem), this.#t('widget.stale')].filter(Boolean).join(' ');
      const engineFailure = this.#engineFailure;
      fallback.root.hidden = !engineFailure || this.#catalogMissing;
      if (engineFailure) fallback.update({ member: engineFailure.member, rewardsUrl: this.rewardsUrl });
      const hardFailure = !showing && Boolean(problem || (!ready && view?.error) || engineFailure || this.#catalogMissing);
      // Trying again can help when the download failed, not when the browser refuses wasm.
      failed.hidden = !hardFailure || (engineFailure && !this.#catalogMissing && engineFailure.error.detail?.reason !== 'download');
      failedText.textContent = problem ? this.#say(problem)
        : engineFailure && !this.#catalogMissing ? this.#say(engineFailure.error) : this.#t('widget.failed');
      loading.hidden = showing || hardFailure || !signedOut.hidden;

      if (this.#languageWaiting && !this.#busy()) queueMicrotask(() => this.#speak());

      if (ready && !this.#announcedReady) {
        this.#announcedReady = true;
        this.dispatchEvent(new CustomEvent('kindred:ready', {
          bubbles: true, composed: true, detail: { tier: view.tier?.id ?? null, points: view.member.points },
        }));
      }
    }

    // Asks the core for the catalog page the query names: the first page, or
    // with append, the one after what is shown. Returns whether it was ready.
    //
    // Any other render asks again for every row on screen, not only the
    // first page: a redemption on a row "Show more" brought must not take
    // those rows back. If nothing changed, the rows (and focus) stay as they are.
    #renderCatalog({ append, fresh = false }) {
      if (!this.#core || this.#rewards !== 'loaded') return false;
      const today = localIsoDate();
      const page = (cursor, limit) => JSON.parse(this.#core.catalogView(JSON.stringify({ ...this.#catalogQuery, cursor, limit }), today));
      if (append) {
        const view = page(this.#catalogCursor ?? '', this.#catalogQuery.limit);
        if (view.status !== 'ready') return false;
        this.#catalogCursor = view.nextCursor;
        this.#catalogShown += view.items.length;
        this.#catalogText = null;
        this.#dom.catalog.update(view, { append: true });
        return true;
      }
      const wanted = fresh ? this.#catalogQuery.limit : Math.max(this.#catalogQuery.limit, this.#catalogShown);
      const view = page('', Math.min(wanted, CATALOG_QUERY_MAX));
      if (view.status !== 'ready') return false;
      while (view.items.length < wanted && view.nextCursor) {  // past the core's largest page
        const next = page(view.nextCursor, Math.min(wanted - view.items.length, CATALOG_QUERY_MAX));
        if (next.status !== 'ready') break;
        view.items.push(...next.items);
        view.nextCursor = next.nextCursor;
      }
      this.#catalogCursor = view.nextCursor;
      this.#catalogShown = view.items.length;
      const text = JSON.stringify(view);
      if (text === this.#catalogText) return true;
      this.#catalogText = text;
      this.#dom.catalog.update(view, { append: false });
      return true;
    }

    // Sends the redemption in the dialog. The core gives the request and its
    // Idempotency-Key (the same one again when this repeats an unfinished
    // intent), and reads the answer; the backend decides.
    async #redeem() {
      const item = this.#redeeming;
      const core = this.#core;
      const dialog = this.#dom.redeemDialog;
      if (!item || !core) return;
      const started = JSON.parse(core.redeem(item.id, randomNonce(), localIsoDate()));
      if (!started.ok) {
        dialog.failed(this.#t(`redeem.failed.${started.reason}`), false);
        return;
      }
      dialog.pending();
      const answer = await this.#send(started.command, { kind: 'redemption', subject: item.id, name: item.name });
      if (core !== this.#core) return;  // the session ended meanwhile (another member)
      const view = JSON.parse(core.redemptionAnswer(item.id, answer.status, answer.body));
      if (view.state === 'succeeded') {
        dialog.succeeded(view);
        this.#readActivity({ more: false });
        this.dispatchEvent(new CustomEvent('kindred:redeem', {
          bubbles: true, composed: true, detail: { rewardId: item.id, code: view.code, balance: view.balance },
        }));
      } else {
        // Pending here means an answer we could not read: asking again with
        // the same key fetches the stored one.
        const canRetry = view.state === 'pending' || view.reason === 'network';
        const message = view.reason && view.reason !== 'network' && view.detail ? view.detail
          : this.#t(`redeem.failed.${view.reason ?? 'network'}`);
        dialog.failed(message, canRetry);
        this.#emitError(new KindredError(canRetry ? 'network' : 'http', message, { rewardId: item.id, reason: view.reason }));
        // The backend knew better than this screen (another tab spent the
        // points, the stock ran out): fetch what is true now.
        if (!canRetry) {
          this.refresh();
          return;
        }
      }
      this.#render();
    }

    // One play: the core builds the request (a fresh client seed for chance
    // games, the same key and body again if an earlier try got no answer),
    // the backend decides, and the core checks the answer. Resolves with the
    // core's play view; never rejects.
    async #play(gameId, { afterStale = false } = {}) {
      const core = this.#core;
      if (!core) return { gameId, state: 'failed', reason: 'network' };
      const started = JSON.parse(core.play(gameId, randomHex(16), randomNonce()));
      if (!started.ok) return { gameId, state: 'failed', reason: started.reason };
      const title = JSON.parse(core.gamesView()).games.find((game) => game.id === gameId)?.title ?? gameId;
      const answer = await this.#send(started.command, { kind: 'play', subject: gameId, name: title });
      if (core !== this.#core) return { gameId, state: 'failed', reason: 'network' };
      const view = JSON.parse(core.playAnswer(gameId, answer.status, answer.body));
      if (view.reason === 'commitment-stale' && !afterStale) {
        // Another tab played first: read the new commitment and play on it
        // (nothing was charged; the new play has a new key).
        try {
          await this.#loadGames(this.#transport(), new AbortController().signal);
          return this.#play(gameId, { afterStale: true });
        } catch { /* fall through: the shopper sees the reason and can retry */ }
      }
      if (view.state === 'succeeded') {
        this.#readActivity({ more: false });
        this.dispatchEvent(new CustomEvent('kindred:play', {
          bubbles: true, composed: true,
          detail: { gameId, prize: view.prize ?? null, pointsWon: view.pointsWon, balance: view.balance, fairness: view.fairness ?? null },
        }));
        if (view.fairness && view.fairness !== 'verified') {
          this.#emitError(new KindredError('unverified', this.#t('fair.failed'), { gameId, check: view.fairness }));
        }
      } else {
        this.#emitError(new KindredError(view.reason === 'network' ? 'network' : 'http', this.#t(`games.failed.${view.reason ?? 'network'}`),
          { gameId, reason: view.reason }));
      }
      return view;
    }

    // A moment card's button (a surprise acknowledged, a card dismissed), a
    // sign-up for an experience or a preview's rating: the core gives the
    // event and shows it under way at once; the outbox makes sure the
    // backend hears it.
    async #answerMoment(key, action, value = 0) {
      const core = this.#core;
      if (!core) return;
      const started = JSON.parse(core.momentEvent(key, action, value, randomNonce()));
      this.#render();
      if (!started.ok) return;
      const answer = await this.#send(started.command, { kind: 'event', subject: key, name: key });
      if (core !== this.#core) return;
      this.#momentEventAnswered(key, answer);
    }

    // Seats and ratings are the backend's: once it has answered a sign-up or
    // a rating either way, the hub reads them again.
    #momentEventAnswered(key, answer) {
      const view = JSON.parse(this.#core.momentEventAnswer(key, answer.status, answer.body));
      if (view.state === 'failed') this.#emitError(errorFromAnswer(answer));
      if (view.state !== 'pending' && /^(experience|preview):/.test(key)) this.#readMoments();
      this.#render();
    }

    // Every write goes through the outbox: written down first, crossed off on
    // a definitive answer, otherwise kept and sent again later (outbox.js).
    async #send(command, { kind, subject, name }) {
      if (!this.#outbox) return this.#transport().send(command);
      this.#outbox.enqueue({ key: command.idempotencyKey, kind, subject, name, command,
        snapshot: this.#core.intentSnapshot(kind, subject) });
      this.#renderOutbox();
      const answer = await this.#outbox.deliver(command.idempotencyKey);
      this.#renderOutbox();
      return answer ?? { status: 0, body: '' };  // another window is sending it: it stays unanswered here
    }

    // The member is known: open their outbox, take back what an earlier page
    // left unanswered, and send it.
    #openOutbox() {
      if (this.#outbox) return;
      const memberId = JSON.parse(this.#core.progressView(localIsoDate())).member?.id;
      if (!memberId) return;
      const origin = new URL(this.backend || '.', document.baseURI).origin;
      const transport = this.#transport();
      this.#outbox = createOutbox({ scope: `${origin}|${memberId}`, send: (command) => transport.send(command) });
      this.#outbox.onAnswer((item, answer) => this.#answerFromOutbox(item, answer));
      this.#outbox.onChange(() => this.#renderOutbox());
      for (const item of this.#outbox.pending()) {
        if (!item.snapshot) continue;  // an event: the outbox resends its command as it is
        const resumed = JSON.parse(this.#core.resumeJson(item.snapshot));
        if (!resumed.ok) this.#emitError(new KindredError('payload', resumed.message, { key: item.key, reason: resumed.reason }));
      }
      if (this.#outbox.pending().length) this.#outbox.flush({ force: true });
    }

    // A background send got its answer: the core reads it as it reads any.
    #answerFromOutbox(item, answer) {
      const core = this.#core;
      if (!core) return;
      if (item.kind === 'event') {
        // A moment's acknowledgement or dismissal goes back to the core; a
        // tracked event has no intent there, and only a refusal is news.
        if (item.snapshot) this.#momentEventAnswered(item.subject, answer);
        else if (answer.status >= 400 && answer.status !== 429 && answer.status < 500) this.#emitError(errorFromAnswer(answer));
        this.#render();
        return;
      }
      let view;
      if (item.kind === 'redemption') {
        view = JSON.parse(core.redemptionAnswer(item.subject, answer.status, answer.body));
        if (view.state === 'succeeded') {
          this.#outboxMessage = this.#t('outbox.redeemed', { name: item.name, code: view.code });
          if (this.#redeeming?.id === item.subject && this.#dom.redeemDialog.isOpen) this.#dom.redeemDialog.succeeded(view);
          this.dispatchEvent(new CustomEvent('kindred:redeem', {
            bubbles: true, composed: true, detail: { rewardId: item.subject, code: view.code, balance: view.balance },
          }));
        }
      } else {
        view = JSON.parse(core.playAnswer(item.subject, answer.status, answer.body));
        if (view.state === 'succeeded') {
          this.#outboxMessage = this.#t('outbox.played', { name: item.name, outcome: view.prize?.label ?? '' });
          this.dispatchEvent(new CustomEvent('kindred:play', {
            bubbles: true, composed: true,
            detail: { gameId: item.subject, prize: view.prize ?? null, pointsWon: view.pointsWon, balance: view.balance, fairness: view.fairness ?? null },
          }));
        }
      }
      if (view.state === 'failed' && view.reason !== 'network') {
        const reason = view.detail || this.#t(item.kind === 'redemption' ? `redeem.failed.${view.reason}` : `games.failed.${view.reason}`);
        this.#outboxMessage = this.#t('outbox.failed', { name: item.name, reason });
      }
      this.#renderOutbox();
      if (view.state !== 'pending' && view.reason !== 'network') this.refresh();
    }

    #renderOutbox() {
      const element = this.#dom?.outbox;
      if (!element) return;
      // Events (challenge steps the host page reported) move no points and
      // were not the shopper's own taps: only redemptions and plays are listed.
      const pending = (this.#outbox?.pending() ?? []).filter((item) => item.kind !== 'event');
      const labels = pending.map((item) => this.#t(item.kind === 'redemption' ? 'outbox.redeemSubject' : 'outbox.playSubject', { name: item.name }));
      const waiting = pending.length
        ? this.#tPlural('outbox.pending', pending.length, { count: pending.length, labels: labels.join(', ') }) : '';
      element.textContent = [this.#outboxMessage, waiting].filter(Boolean).join(' ');
      element.hidden = !element.textContent;
    }

    #emitError(error) {
      this.dispatchEvent(new CustomEvent('kindred:error', {
        bubbles: true, composed: true, detail: { code: error.code, message: error.message, ...error.detail },
      }));
    }
  };
}

/** Registers <kindred-widget> once; safe to call again, and a no-op outside browsers. */
export function defineKindredWidget(registry = globalThis.customElements) {
  if (!registry) return undefined;
  const existing = registry.get(TAG);
  if (existing) return existing;
  const widgetClass = createWidgetClass();
  registry.define(TAG, widgetClass);
  return widgetClass;
}
