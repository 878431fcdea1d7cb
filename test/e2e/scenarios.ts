// The e2e scenarios, in run order. Add yours to this list: scripts/e2e.mjs runs each in its own
// workbench window on its own copy of its files (`--only <name>` runs one).
import type { Scenario } from './harness';
import { compareCommand } from './compare-command.scenario';
import { comparisonViews } from './comparison-views.scenario';
import { exportReport } from './export-report.scenario';
import { hostileArticles, hostileFileName, hostileWebPage } from './hostile-articles.scenario';
import { longArticles } from './long-articles.scenario';
import { navigation } from './navigation.scenario';
import { readingView } from './reading-view.scenario';
import { findSources } from './find-sources.scenario';
import { manySources } from './many-sources.scenario';

export const scenarios: Scenario[] = [compareCommand, comparisonViews, readingView, navigation, hostileArticles, hostileWebPage, hostileFileName, longArticles, exportReport, manySources, findSources];
