import * as vscode from 'vscode';
import type { InputFormatChoice } from '../core/formats/article';
import { parseInputFormatChoice } from '../core/formats/formatChoice';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES } from '../core/model';

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
};

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION);
  const positive = (key: keyof Settings, fallback: number, min: number): number => {
    const value = config.get<number>(key, fallback);
    return typeof value === 'number' && Number.isFinite(value) ? Math.max(min, Math.floor(value)) : fallback;
  };
  return {
    minPassageWords: positive('minPassageWords', DEFAULT_SETTINGS.minPassageWords, 1),
    decorateUnmatchedQuotes: config.get<boolean>('decorateUnmatchedQuotes', DEFAULT_SETTINGS.decorateUnmatchedQuotes) === true,
    debounceMs: positive('debounceMs', DEFAULT_SETTINGS.debounceMs, 0),
    maxFileBytes: positive('maxFileBytes', DEFAULT_SETTINGS.maxFileBytes, 1),
    inputFormat: parseInputFormatChoice(config.get<unknown>('inputFormat')) ?? DEFAULT_SETTINGS.inputFormat,
    openLocation: config.get<string>('openLocation') === 'beside' ? 'beside' : 'full',
    showSpeakerNames: config.get<boolean>('showSpeakerNames', DEFAULT_SETTINGS.showSpeakerNames) !== false,
    maxTotalBytes: positive('maxTotalBytes', DEFAULT_SETTINGS.maxTotalBytes, 1),
  };
}

export function affectsSettings(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(CONFIG_SECTION);
}
