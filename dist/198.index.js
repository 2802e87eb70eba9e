export const id = 198;
export const ids = [198];
export const modules = {

/***/ 9198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   createOctokit: () => (/* binding */ createOctokit)
/* harmony export */ });
/* harmony import */ var _actions_github__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1351);
/* harmony import */ var _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9083);
/* harmony import */ var _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9735);
/* harmony import */ var _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6856);
/* harmony import */ var _github_settings_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5144);
/**
 * The one place an Octokit client is made: `@actions/github`'s client with the throttling and retry
 * plugins, pointed at `GITHUB_API_URL` (GitHub Enterprise Server, local test servers).
 * Nothing happens at import time; publish.ts imports it only for a run that talks to GitHub (the settings
 * every client gets are in github-settings.ts, which loads none of Octokit).
 */





/** A primary rate limit that resets later than this is not waited for (the run would just hang). */
const MAX_RATE_LIMIT_WAIT_SECONDS = 300;
/**
 * `fetch` with a deadline for the whole response, body included: a response that stalls fails with a
 * `TimeoutError`, which Octokit turns into a 500-like RequestError that the retry plugin retries.
 */
function fetchWithTimeout(timeoutMs, base = fetch) {
    return async (input, init) => {
        const deadline = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline;
        try {
            const res = await base(input, { ...init, signal });
            const body = [101, 204, 205, 304].includes(res.status) ? null : await res.arrayBuffer();
            const copy = new Response(body, {
                status: res.status,
                statusText: res.statusText,
                headers: res.headers,
            });
            Object.defineProperty(copy, 'url', { value: res.url });
            return copy;
        }
        catch (err) {
            if (deadline.aborted) {
                throw new Error(`no complete answer from the GitHub API within ${timeoutMs / 1000} s`, {
                    cause: err,
                });
            }
            throw err;
        }
    };
}
/** The API root: `GITHUB_API_URL` (set by the runner, also on GHES) or github.com. */
function apiBaseUrl(env = process.env) {
    const url = env['GITHUB_API_URL']?.trim();
    return (url ? url : 'https://api.github.com').replace(/\/+$/, '');
}
function describe(options) {
    return `${options.method ?? 'GET'} ${options.url ?? ''}`.trim();
}
function createOctokit(token, opts) {
    const { log, settings } = opts;
    // @actions/github reads GITHUB_API_URL once, when it is first imported; reading it again here means
    // a value set later (a test's local server) is honoured too. In the action both are the same.
    const baseUrl = opts.baseUrl ?? apiBaseUrl();
    const throttle = {
        onRateLimit: (retryAfter, options, _octokit, retryCount) => {
            const again = retryCount < _github_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_RETRIES */ .se && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
            log.warning(`GitHub API rate limit reached for ${describe(options)}; ` +
                (again
                    ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${_github_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_RETRIES */ .se}).`
                    : `giving up (it resets in ${retryAfter} s).`));
            return again;
        },
        onSecondaryRateLimit: (retryAfter, options, _octokit, retryCount) => {
            const again = retryCount < _github_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_RETRIES */ .se && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
            log.warning(`GitHub API secondary rate limit reached for ${describe(options)}; ` +
                (again
                    ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${_github_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_RETRIES */ .se}).`
                    : `giving up after ${retryCount} retries.`));
            return again;
        },
    };
    throttle.retryAfterBaseValue = settings.retryAfterBaseMs;
    if (settings.pacing !== 'github') {
        throttle.write = settings.pacing.write;
        throttle.notifications = settings.pacing.notifications;
    }
    return (0,_actions_github__WEBPACK_IMPORTED_MODULE_0__/* .getOctokit */ .Q)(token, {
        baseUrl,
        // Replaces (shallowly) @actions/github's request defaults, so its proxy-aware fetch is wrapped, not lost.
        request: {
            ..._actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request,
            fetch: fetchWithTimeout(settings.requestTimeoutMs, _actions_github_lib_utils__WEBPACK_IMPORTED_MODULE_1__/* .defaults */ .NT.request?.fetch ?? fetch),
        },
        throttle,
        retry: {
            retries: _github_settings_js__WEBPACK_IMPORTED_MODULE_2__/* .RATE_LIMIT_RETRIES */ .se,
            retryAfterBaseValue: settings.retryAfterBaseMs,
        },
        log: {
            debug: () => undefined,
            info: () => undefined,
            warn: (message) => log.warning(message),
            error: (message) => log.warning(message),
        },
    }, _octokit_plugin_throttling__WEBPACK_IMPORTED_MODULE_3__/* .throttling */ .A, _octokit_plugin_retry__WEBPACK_IMPORTED_MODULE_4__/* .retry */ .L);
}


/***/ })

};
