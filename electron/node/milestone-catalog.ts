/**
 * The milestones an app or a command works with: the dataset chosen (the bundled Compass, a
 * --milestones file or the --strategy list), the strategies saved in the data folder beside it
 * when they follow it, and, through allMilestones, the user's own milestones from the state.
 */
import type { StrategySummary } from '../contract/api';
import { allMilestones, type AnyMilestone, type Milestone, type OwnMilestone } from '../core/milestone';
import { loadMilestones } from './milestones-source';
import { strategySelection, withStrategies } from './strategies';

/** Which dataset: what the desktop app, the web host and the CLI are told by their options. */
export interface DatasetChoice {
  /** --milestones FILE: this dataset instead of the bundled Compass. */
  milestonesFile?: string;
  /** --strategy LIST: exactly these (see strategySelection); saved strategies then do not follow. */
  strategy?: string;
  /** Whether the strategies saved in the data folder follow the dataset (the apps: yes; the CLI: no). */
  savedStrategies?: boolean;
}

export interface MilestoneCatalog {
  /** The dataset now: the base and the saved strategies that fit beside it. */
  dataset(): readonly Milestone[];
  /** All milestones now: the dataset followed by the user's own in `state`. */
  all(state: { readonly ownMilestones: readonly OwnMilestone[] }): AnyMilestone[];
  /** The ids of the dataset (not of own milestones). */
  ids(): ReadonlySet<string>;
  /** The saved strategies in the dataset, in slug order. */
  strategies(): readonly StrategySummary[];
  /** Milestone id → its saved strategy's name (the feed's category per strategy). */
  strategyNames(): ReadonlyMap<string, string>;
  /** Strategy files left out (damaged, or with an id another one has), in English. */
  problems(): readonly string[];
  /** The data folder whose saved strategies follow the dataset; null when they do not. */
  readonly strategiesDir: string | null;
  /** Reads the saved strategies again (after one was saved or removed). */
  reload(): void;
}

export function createMilestoneCatalog(options: {
  base: readonly Milestone[];
  /** Milestone id → strategy name for strategies inside `base` (a --strategy list). */
  baseNames?: ReadonlyMap<string, string>;
  strategiesDir?: string | null;
}): MilestoneCatalog {
  const strategiesDir = options.strategiesDir ?? null;
  const load = () => {
    if (strategiesDir === null) return { milestones: options.base, strategies: [], problems: [] };
    const found = withStrategies(options.base, strategiesDir);
    return {
      milestones: found.milestones,
      problems: found.problems,
      strategies: found.strategies.map((s): StrategySummary => ({
        slug: s.slug,
        name: s.name,
        language: s.language,
        source: s.source,
        milestoneIds: s.milestones.map((m) => m.id),
      })),
    };
  };
  let loaded: { milestones: readonly Milestone[]; strategies: StrategySummary[]; problems: string[] };
  let ids: ReadonlySet<string>;
  let names: ReadonlyMap<string, string>;
  const reload = () => {
    loaded = load();
    ids = new Set(loaded.milestones.map((m) => m.id));
    names = new Map([
      ...(options.baseNames ?? []),
      ...loaded.strategies.flatMap((s) => s.milestoneIds.map((id) => [id, s.name] as const)),
    ]);
  };
  reload();
  return {
    dataset: () => loaded.milestones,
    all: (state) => allMilestones(loaded.milestones, state),
    ids: () => ids,
    strategies: () => loaded.strategies,
    strategyNames: () => names,
    problems: () => loaded.problems,
    strategiesDir,
    reload,
  };
}

/**
 * The catalog of a data folder for a choice of dataset. Throws a DatasetError (a StrategyFileError
 * for --strategy) that says what to fix.
 */
export function openMilestoneCatalog(dataDir: string, choice: DatasetChoice = {}): MilestoneCatalog {
  if (choice.strategy !== undefined) {
    const selection = strategySelection(dataDir, choice.strategy);
    return createMilestoneCatalog({ base: selection.milestones, baseNames: selection.strategyNames });
  }
  return createMilestoneCatalog({
    base: loadMilestones(choice.milestonesFile),
    strategiesDir: choice.savedStrategies ? dataDir : null,
  });
}
