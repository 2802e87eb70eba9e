export const id = 852;
export const ids = [852];
export const modules = {

/***/ 7852:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   auditIac: () => (/* binding */ auditIac)
/* harmony export */ });
/* unused harmony export exemptionInForce */
/* harmony import */ var _evaluate_exemptions_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2171);

/** Whether a finding's exemption is in force at `asOf` (a date that is not a real one has passed). */
function exemptionInForce(f, asOf) {
    return f.exemption !== null && !(0,_evaluate_exemptions_js__WEBPACK_IMPORTED_MODULE_0__/* .exemptionLapsed */ .Fr)(f.exemption.expires, asOf);
}
/**
 * Scans `config.iac` under `root` (the workspace) and splits the findings by their exemptions: one written
 * in the code and in force, else an `exempt-users` glob matching the user's name (the code has no account,
 * so a glob naming an ARN cannot match: said in a note).
 */
async function auditIac(config, opts) {
    const { scanIac } = await Promise.all(/* import() */[__webpack_require__.e(864), __webpack_require__.e(945)]).then(__webpack_require__.bind(__webpack_require__, 1945));
    const scan = await scanIac(config.iac, { root: opts.root, exemptionTag: config.rule.exemptionTag });
    const asOf = config.asOf ?? opts.now;
    const findings = [];
    const exempted = [];
    const globs = (0,_evaluate_exemptions_js__WEBPACK_IMPORTED_MODULE_0__/* .nameGlobs */ .BI)(config.exemptUsers);
    for (const f of scan.findings) {
        if (exemptionInForce(f, asOf.getTime())) {
            exempted.push(f);
            continue;
        }
        const glob = globs.match(f.userName);
        if (glob === null)
            findings.push(f);
        else
            exempted.push({ ...f, exemption: { justification: `exempt-users: "${glob}"`, expires: null } });
    }
    const notes = [...scan.notes];
    if (globs.arnGlobs.length > 0) {
        notes.push(`exempt-users: ${globs.arnGlobs.length === 1 ? 'an entry names an ARN' : `${globs.arnGlobs.length} entries name ARNs`}, which infrastructure code does not have (no account): only user names and globs of names apply to it.`);
    }
    return {
        generatedAt: opts.now.toISOString(),
        asOf: asOf.toISOString(),
        patterns: config.iac,
        filesScanned: scan.filesScanned,
        findings,
        exempted,
        exemptionsExpired: findings.filter((f) => f.exemption !== null).length,
        notes,
    };
}


/***/ })

};
