/** The action's side of the inputs: every input of action.yml, as the runner passes it. */
import * as core from '@actions/core';
import type { RawInputs } from './config.js';
import { INPUTS } from './definitions.js';

/** Raw strings of every input; an empty string means "use the default" (parseConfig decides). */
export function readActionInputs(): RawInputs {
  const raw: RawInputs = {};
  for (const input of INPUTS) {
    // untrimmed, so a value that is only blank lines (an expression that came out empty) can be refused
    raw[input.name] = core.getInput(input.name, { trimWhitespace: false });
  }
  return raw;
}
