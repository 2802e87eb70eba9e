/**
 * The findings of the iac scan (docs/design.md §11): a user defined in Terraform or CloudFormation that the
 * same configuration gives both a console login profile and an access key. Plain data.
 */
import type { IacExemption } from './exemption.js';

export interface IacLocation {
  /** Relative to the scan root, POSIX separators. */
  file: string;
  /** 1-based. */
  line: number;
}

export interface IacFinding {
  /**
   * Stable identity: the resource address, e.g. `aws_iam_access_key.deploy`, `module.alice` (the
   * terraform-aws-modules iam-user call that makes the key), `module.team.aws_iam_access_key.this[0]`,
   * or for CloudFormation `Resources.DeployKey` — never a line number.
   */
  address: string;
  /** The user: its name when known (literal or variable default), else its address. */
  userName: string;
  /**
   * The user's address (`aws_iam_user.alice`, `module.alice.aws_iam_user.this[0]`,
   * `Resources.DeployUser`); for a user the configuration does not define but names (both the profile
   * and the key say `user = "bob"`), that name.
   */
  userAddress: string;
  /**
   * Where the access key is made: the line that opens its block (`resource "aws_iam_access_key" …`,
   * the CloudFormation logical id), or the `module "…" {` line of the root configuration when a module
   * makes it.
   */
  file: string;
  line: number;
  /** Where the login profile is made, and its address. */
  loginProfile: IacLocation & { address: string };
  source: 'terraform' | 'terraform-plan' | 'cloudformation';
  /**
   * null when unconditional; else when the pair is made: "when var.create_key is true", "when the
   * condition IsProd holds", "when enabled" (cannot be decided from the code).
   */
  condition: string | null;
  /** For a plan, what the change does when it is not the making of a new user with both. */
  note: string | null;
  /** A justified exception written on the resource or the user; null when none. */
  exemption: IacExemption | null;
}
