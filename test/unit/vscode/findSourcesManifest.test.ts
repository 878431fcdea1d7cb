// Find Sources' part of the manifest against the code: its view, its settings' defaults and limits.
import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { archiveFilesGlob } from '../../../src/core/archive/archiveFiles';
import { DEFAULT_FINGERPRINT_SETTINGS, FINGERPRINT_LIMITS } from '../../../src/core/archive/fingerprints';
import { VIEWS } from '../../../src/vscode/commandIds';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8'));
const properties = manifest.contributes.configuration.properties;

describe('package.json: Find Sources', () => {
  it('declares the Sources view in the Compare Sources container, with a welcome that runs the command', () => {
    assert.ok(manifest.contributes.views[VIEWS.container].some((entry: { id: string }) => entry.id === VIEWS.sources));
    const welcome = manifest.contributes.viewsWelcome.find((entry: { view: string }) => entry.view === VIEWS.sources);
    assert.match(welcome.contents, /\(command:compareSources\.findSources\)/);
  });

  it('gives the settings the defaults and limits of the code', () => {
    assert.strictEqual(properties['compareSources.findSources.include'].default, archiveFilesGlob());
    assert.strictEqual(properties['compareSources.findSources.fingerprintWords'].default, DEFAULT_FINGERPRINT_SETTINGS.gramWords);
    assert.strictEqual(properties['compareSources.findSources.fingerprintWindow'].default, DEFAULT_FINGERPRINT_SETTINGS.window);
    assert.strictEqual(properties['compareSources.findSources.fingerprintWords'].minimum, FINGERPRINT_LIMITS.gramWords.min);
    assert.strictEqual(properties['compareSources.findSources.fingerprintWords'].maximum, FINGERPRINT_LIMITS.gramWords.max);
    assert.strictEqual(properties['compareSources.findSources.fingerprintWindow'].minimum, FINGERPRINT_LIMITS.window.min);
    assert.strictEqual(properties['compareSources.findSources.fingerprintWindow'].maximum, FINGERPRINT_LIMITS.window.max);
  });

  it('offers Find Sources on the editor title and on a file in the explorer, and compares from the view only', () => {
    const menus = manifest.contributes.menus;
    assert.ok(menus['editor/title'].some((entry: { command: string }) => entry.command === 'compareSources.findSources'));
    assert.ok(menus['explorer/context'].some((entry: { command: string; when: string }) => entry.command === 'compareSources.findSources' && entry.when.includes('!explorerResourceIsFolder')));
    assert.ok(menus.commandPalette.some((entry: { command: string; when: string }) => entry.command === 'compareSources.compareWithSource' && entry.when === 'false'));
    // Several sources at once: from the view's title (its selection) and from a multiple selection's context menu.
    assert.ok(menus['view/title'].some((entry: { command: string; when: string }) => entry.command === 'compareSources.compareSelectedSources' && entry.when === 'view == compareSources.sources'));
    assert.ok(menus['view/item/context'].some((entry: { command: string; when: string }) => entry.command === 'compareSources.compareSelectedSources' && entry.when.includes('view == compareSources.sources')));
    assert.ok(menus.commandPalette.some((entry: { command: string; when: string }) => entry.command === 'compareSources.compareSelectedSources' && entry.when === 'false'));
  });
});
