import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9407:
/***/ ((module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ CLI_MARK),
/* harmony export */   x: () => (/* binding */ cli)
/* harmony export */ });
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5919);
/* harmony import */ var node_worker_threads__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _threads_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1982);
/**
 * The bundle's entry (dist/index.js). The Actions runner executes it, and then it runs the action on the
 * run thread (threads.ts: the same file, started with V8's young generation bounded), or, for an offline
 * audit of a few small reports, on this thread (threads.ts runsOnMainThread). The terminal
 * command (bin/iam-initial-access-key-audit.mjs) imports the same bundle for `cli`, and marks itself
 * first so the action does not run: without that mark the action always runs, so nothing can make the
 * action's step skip its audit and pass. A thread started from the bundle is told its role by its
 * `workerData`. The rest of the bundle is loaded by the thread that needs it, not here.
 */


const ENTRY = new URL(import.meta.url);
/** The terminal command (src/cli.ts); exit code as it returns it. */
async function cli(...args) {
    (0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .setThreadEntry */ .RU)(ENTRY);
    const { main } = await Promise.all(/* import() */[__nccwpck_require__.e(111), __nccwpck_require__.e(802), __nccwpck_require__.e(759), __nccwpck_require__.e(699), __nccwpck_require__.e(468)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2468));
    return main(...args);
}
const CLI_MARK = Symbol.for('iam-initial-access-key-audit.cli');
/** Runs the action on this thread; `stops`: the run thread's, forwarded by the main thread. */
async function runHere(stops) {
    (0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .setThreadEntry */ .RU)(ENTRY);
    const { run } = await Promise.all(/* import() */[__nccwpck_require__.e(111), __nccwpck_require__.e(802), __nccwpck_require__.e(759), __nccwpck_require__.e(699), __nccwpck_require__.e(42)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9042));
    await run(stops ? { stops } : {});
}
const role = node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread ? null : node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData?.role;
if (role === _threads_js__WEBPACK_IMPORTED_MODULE_1__/* .RUN_ROLE */ .Jv) {
    await runHere((0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .parentStops */ .m7)(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort));
}
else if (role === _threads_js__WEBPACK_IMPORTED_MODULE_1__/* .ACCOUNTS_ROLE */ .Gx) {
    (0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .setThreadEntry */ .RU)(ENTRY);
    const { serveAccountThread } = await Promise.all(/* import() */[__nccwpck_require__.e(729), __nccwpck_require__.e(764), __nccwpck_require__.e(111), __nccwpck_require__.e(11), __nccwpck_require__.e(967), __nccwpck_require__.e(759), __nccwpck_require__.e(952), __nccwpck_require__.e(330)]).then(__nccwpck_require__.bind(__nccwpck_require__, 330));
    await serveAccountThread(node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.parentPort, node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.workerData.task);
}
else if (node_worker_threads__WEBPACK_IMPORTED_MODULE_0__.isMainThread && !globalThis[CLI_MARK]) {
    if ((0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .runsOnMainThread */ .Jp)()) {
        // A few small reports offline: the run thread's start would cost more than its bound saves.
        await runHere();
    }
    else {
        if ((0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .isLiveRun */ .Ko)())
            (0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .boundHeapGrowth */ .C9)();
        process.exitCode = await (0,_threads_js__WEBPACK_IMPORTED_MODULE_1__/* .runOnThread */ .nE)(ENTRY);
    }
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5010:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ inputLines)
/* harmony export */ });
/**
 * The lines of a path-list input (`credential-report`): one path or glob per line, trimmed, blank lines
 * left out; commas are legal in paths and in glob braces. Free of imports: the main thread reads it
 * before anything else is loaded (threads.ts).
 */
function inputLines(value) {
    return value
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter((s) => s !== '');
}


/***/ }),

/***/ 1982:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Gx: () => (/* binding */ ACCOUNTS_ROLE),
  Jv: () => (/* binding */ RUN_ROLE),
  OE: () => (/* binding */ YOUNG_GENERATION_MB),
  C9: () => (/* binding */ boundHeapGrowth),
  Ko: () => (/* binding */ isLiveRun),
  m7: () => (/* binding */ parentStops),
  nE: () => (/* binding */ runOnThread),
  Jp: () => (/* binding */ runsOnMainThread),
  RU: () => (/* binding */ setThreadEntry),
  Vf: () => (/* binding */ threadEntry)
});

// UNUSED EXPORTS: MAIN_THREAD_REPORT_BYTES

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __nccwpck_require__(5919);
// EXTERNAL MODULE: ./src/inputs/lines.ts
var lines = __nccwpck_require__(5010);
;// CONCATENATED MODULE: ./src/threads.ts
/**
 * The action's threads (docs/design.md §7). The bundle (dist/index.js) is also the code of its threads:
 * a thread is the same file started with `workerData.role`, so nothing outside the one bundle is needed.
 *
 * - The run thread: the action's whole run, started by the process's main thread with V8's young
 *   generation bounded (`resourceLimits`). A runner starts node itself (`runs.using: node24`: no flags),
 *   and under Node 24 the young generation grows to tens of MB while SDK answers and report rows are
 *   allocated: the bound holds the peak RSS down at no cost in time. The main thread only forwards
 *   SIGTERM/SIGINT (a cancelled workflow: the run writes its summary) and passes on the exit code.
 * - Account threads: a live audit of many accounts spreads them over the runner's cores
 *   (audit/threads.ts), each thread with the same bound.
 *
 * Kept free of heavy imports: the main thread loads only this and the entry.
 */




const RUN_ROLE = 'iam-audit-run';
const ACCOUNTS_ROLE = 'iam-audit-accounts';
/**
 * V8's young generation per thread, in MB. Node 24 lets it grow to 64 MB a thread; bounded like this, a
 * 256-account run holds its RSS about flat at no measurable cost in CPU time (npm run bench).
 */
const YOUNG_GENERATION_MB = 16;
/**
 * How far V8 lets the old generation grow past what its last full collection kept before it collects
 * again, in percent, in a live audit. V8 picks 10 to 300 % from its own speed measurements, and in a run
 * of many accounts it picks high: SDK answers outlive a young collection while their calls are in flight,
 * and the old generation filled with them to 45 MB at 64 accounts with 16 MB live. At 50 % the peak RSS
 * there fell by about 25 MB for about 5 % more CPU (npm run bench). Not offline: there the live heap is
 * large (the findings of many reports) and grows, and a fixed 50 % costs many more full collections.
 */
const HEAP_GROWING_PERCENT = 50;
/**
 * Bounds the old generation's growth for every thread of the process (V8's flags are the process's; a
 * runner starts node without flags, so this is the only way to set it). V8 reads it at each full
 * collection, so every thread follows it from its next one.
 */
function boundHeapGrowth() {
    (0,external_node_v8_namespaceObject.setFlagsFromString)(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
let entry = null;
/** Where the bundle is, so that threads can be started from it; set by the entry (src/index.ts) only. */
function setThreadEntry(url) {
    entry = url;
}
/** The bundle's URL when threads can be started (the built action and CLI); null in tests of src/. */
function threadEntry() {
    return entry;
}
/**
 * Credential reports, in bytes, that an offline run audits on the main thread (about 25,000 users, five
 * accounts' worth at IAM's limit). At this size the run thread's start (about 0.1 s of CPU and 18 MB: an
 * isolate, Node's bootstrap, the bundle compiled again) is a quarter of the run, and the run allocates
 * too little for the young generation's bound to matter (npm run bench: the single 5,000-user report).
 */
const MAIN_THREAD_REPORT_BYTES = 6 * 1024 * 1024;
/**
 * Whether the action runs on the main thread instead of the run thread: an offline audit whose
 * `credential-report` lines are all files as given, together at most MAIN_THREAD_REPORT_BYTES. A glob, a
 * directory, a path that is not there, or `iac` given too: the run thread, which decides everything else
 * (and reports any mistake) exactly as for every other run. Only the thread differs, never the outcome.
 */
function runsOnMainThread(env = process.env, size = fileSize) {
    const reports = given(env, 'credential-report');
    if (reports.length === 0 || given(env, 'iac').length > 0)
        return false;
    let total = 0;
    for (const path of reports) {
        const bytes = size(path);
        if (bytes === null)
            return false;
        total += bytes;
        if (total > MAIN_THREAD_REPORT_BYTES)
            return false;
    }
    return true;
}
/** Whether the step is a live audit (neither `credential-report` nor `iac` given): it reads AWS. */
function isLiveRun(env = process.env) {
    return given(env, 'credential-report').length === 0 && given(env, 'iac').length === 0;
}
/** An input's non-blank lines, as the runner passes it (the run's own parser decides what they mean). */
function given(env, name) {
    return (0,lines/* inputLines */.K)(env[`INPUT_${name.toUpperCase()}`] ?? '');
}
/** A regular file's size; null for anything else (a directory, a missing path). */
function fileSize(path) {
    try {
        const st = (0,external_node_fs_.statSync)(path);
        return st.isFile() ? st.size : null;
    }
    catch {
        return null;
    }
}
/** Runs the action on the run thread; resolves with the exit code to leave. */
function runOnThread(url, proc = process) {
    const worker = new external_node_worker_threads_.Worker(url, {
        workerData: { role: RUN_ROLE },
        env: external_node_worker_threads_.SHARE_ENV,
        resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const forward = (signal) => worker.postMessage({ signal });
    proc.on('SIGTERM', forward);
    proc.on('SIGINT', forward);
    let failure = null;
    worker.on('error', (err) => (failure = err));
    return new Promise((resolve) => {
        worker.on('exit', (code) => {
            proc.off('SIGTERM', forward);
            proc.off('SIGINT', forward);
            if (failure !== null) {
                // As node itself reports an uncaught error: the step fails with it.
                console.error(failure);
                resolve(code === 0 ? 1 : code);
            }
            else
                resolve(code);
        });
    });
}
/** The run thread's stop sources: the signals its main thread forwards, and a real timer. */
function parentStops(port) {
    const listeners = new Map();
    port.on('message', (m) => {
        if (!m.signal)
            return;
        for (const l of [...(listeners.get(m.signal) ?? [])]) {
            listeners.get(m.signal)?.delete(l);
            l(m.signal);
        }
    });
    // Waiting for a signal must not keep the thread alive once the run is over.
    port.unref();
    return {
        signals: {
            once(signal, listener) {
                let set = listeners.get(signal);
                if (!set)
                    listeners.set(signal, (set = new Set()));
                set.add(listener);
            },
            off(signal, listener) {
                listeners.get(signal)?.delete(listener);
            },
        },
        timer(ms, fire) {
            const timer = setTimeout(fire, ms);
            timer.unref();
            return () => clearTimeout(timer);
        },
    };
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 5317:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 2250:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("dns");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 1943:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs/promises");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 3339:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("module");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 1535:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/posix");

/***/ }),

/***/ 5881:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:process");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 6466:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 6928:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 3557:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 2018:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tty");

/***/ }),

/***/ 7016:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("url");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ var __webpack_exports__CLI_MARK = __webpack_exports__.R;
/******/ var __webpack_exports__cli = __webpack_exports__.x;
/******/ export { __webpack_exports__CLI_MARK as CLI_MARK, __webpack_exports__cli as cli };
/******/ 
