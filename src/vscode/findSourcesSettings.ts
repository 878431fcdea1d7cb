import * as vscode from 'vscode';
import { archiveFilesGlob } from '../core/archive/archiveFiles';
import { checkedSettings, DEFAULT_FINGERPRINT_SETTINGS, type FingerprintSettings } from '../core/archive/fingerprints';

/** The settings of Find Sources (`compareSources.findSources.*`), read with their defaults (kept equal to package.json's, checked by a unit test). */
export interface FindSourcesSettings {
  /** Glob of the workspace files searched. */
  include: string;
  /** Glob of the files and folders left out. */
  exclude: string;
  maxResults: number;
  fingerprint: FingerprintSettings;
}

export const FIND_SOURCES_SECTION = 'compareSources.findSources';

export const DEFAULT_FIND_SOURCES_SETTINGS: FindSourcesSettings = {
  include: archiveFilesGlob(),
  exclude: '**/{node_modules,.git,dist,out}/**',
  maxResults: 20,
  fingerprint: DEFAULT_FINGERPRINT_SETTINGS,
};

export function readFindSourcesSettings(): FindSourcesSettings {
  const config = vscode.workspace.getConfiguration(FIND_SOURCES_SECTION);
  const text = (key: string, fallback: string): string => {
    const value = config.get<string>(key, fallback);
    return typeof value === 'string' && value.trim() ? value.trim() : fallback;
  };
  const number = (key: string, fallback: number): number => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.floor(value) : fallback;
  };
  const defaults = DEFAULT_FIND_SOURCES_SETTINGS;
  return {
    include: text('include', defaults.include),
    exclude: text('exclude', defaults.exclude),
    maxResults: Math.min(200, Math.max(1, number('maxResults', defaults.maxResults))),
    fingerprint: checkedSettings({
      gramWords: number('fingerprintWords', defaults.fingerprint.gramWords),
      window: number('fingerprintWindow', defaults.fingerprint.window),
    }),
  };
}

export function affectsFindSources(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(FIND_SOURCES_SECTION);
}
