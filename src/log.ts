/**
 * Where a run's progress and warnings go: the runner's log in the action (`core.info`, `core.warning`,
 * `core.debug`), standard error in the terminal, an array in tests. Every stage takes this one type
 * (or the part of it it uses).
 */
export interface Log {
  info(message: string): void;
  warning(message: string): void;
  /** Detail for debugging (`core.debug`; shown only when step debugging is on); optional. */
  debug?(message: string): void;
}
