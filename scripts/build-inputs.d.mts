// Types of scripts/build-inputs.mjs for the TypeScript that imports it (__tests__/helpers/run-dist.ts).
export declare const BUILD_INPUTS_FILE: string;
export declare function buildInputs(root: string): { digest: string; inputs: Record<string, string> };
export declare function buildInputsText(root: string): string;
export declare function staleBuildMessage(root: string): string | null;
