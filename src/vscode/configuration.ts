import * as vscode from 'vscode';
import type { InputFormatChoice } from '../core/formats/article';
import { parseInputFormatChoice } from '../core/formats/formatChoice';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES } from '../core/model';
import { DEFAULT_COMPARISON_MEMORY_MB, LIMIT_RANGES } from './settingLimits';

export const CONFIG_SECTION = 'compareSources';

/** The settings of `contributes.configuration`, read with their defaults (kept equal to package.json's, checked by a unit test). */
export interface Settings {
  minPassageWords: number;
  decorateUnmatchedQuotes: boolean;
  debounceMs: number;
  maxFileBytes: number;
  inputFormat: InputFormatChoice;
  /** `full`: the view gets its own group across the editor area, below the articles; `beside`: a column beside them. */
  openLocation: 'full' | 'beside';
  showSpeakerNames: boolean;
  maxTotalBytes: number;
  maxComparisonMemoryMb: number;
}

export const DEFAULT_SETTINGS: Settings = {
  minPassageWords: DEFAULT_COMPARE_OPTIONS.minWords,
  decorateUnmatchedQuotes: false,
  debounceMs: 300,
  maxFileBytes: DEFAULT_MAX_FILE_BYTES,
  inputFormat: 'auto',
  openLocation: 'full',
  showSpeakerNames: true,
  maxTotalBytes: DEFAULT_MAX_TOTAL_BYTES,
  maxComparisonMemoryMb: DEFAULT_COMPARISON_MEMORY_MB,
};

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  // settings.json may hold any number whatever the schema says: each is clamped to its range here.
  const integer = (key: keyof Settings, min: number, max = Infinity): number => {
    const fallback = DEFAULT_SETTINGS[key] as number;
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : fallback;
  };
  return {
    minPassageWords: integer('minPassageWords', 1),
    decorateUnmatchedQuotes: config.get<boolean>('decorateUnmatchedQuotes', DEFAULT_SETTINGS.decorateUnmatchedQuotes) === true,
    debounceMs: integer('debounceMs', 0),
    maxFileBytes: integer('maxFileBytes', LIMIT_RANGES.maxFileBytes.minimum, LIMIT_RANGES.maxFileBytes.maximum),
    maxComparisonMemoryMb: integer('maxComparisonMemoryMb', LIMIT_RANGES.maxComparisonMemoryMb.minimum, LIMIT_RANGES.maxComparisonMemoryMb.maximum),
    inputFormat: parseInputFormatChoice(config.get<unknown>('inputFormat')) ?? DEFAULT_SETTINGS.inputFormat,
    openLocation: config.get<string>('openLocation') === 'beside' ? 'beside' : 'full',
    showSpeakerNames: config.get<boolean>('showSpeakerNames', DEFAULT_SETTINGS.showSpeakerNames) !== false,
    maxTotalBytes: integer('maxTotalBytes', LIMIT_RANGES.maxTotalBytes.minimum, LIMIT_RANGES.maxTotalBytes.maximum),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(CONFIG_SECTION);
}
