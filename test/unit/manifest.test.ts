// The manifest and the code must agree: a command id or setting default that drifts apart breaks
// menus and settings silently, so they are checked here rather than by eye.
import * as assert from 'assert';
import { INPUT_FORMAT_CHOICES } from '../../src/core/formats/article';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COLOUR_IDS, themeColourVariable } from '../../src/core/views/palette';
import { COMMANDS, MANY_PANEL_VIEW_TYPE, PANEL_VIEW_TYPE, VIEWS } from '../../src/vscode/commandIds';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES } from '../../src/core/model';
import { DEFAULT_COMPARISON_MEMORY_MB, LIMIT_RANGES } from '../../src/vscode/settingLimits';

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'));

describe('package.json contributions', () => {
  it('contributes exactly the commands of the COMMANDS map', () => {
    const contributed = manifest.contributes.commands.map((entry: { command: string }) => entry.command).sort();
    assert.deepStrictEqual(contributed, Object.values(COMMANDS).sort());
  });

  it('only refers to known commands in menus and welcome views', () => {
    const known = new Set<string>(Object.values(COMMANDS));
    for (const [menu, entries] of Object.entries(manifest.contributes.menus as Record<string, { command: string }[]>)) {
      for (const entry of entries) assert.ok(known.has(entry.command), `${menu} refers to ${entry.command}`);
    }
    for (const welcome of manifest.contributes.viewsWelcome) {
      for (const [, command] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(known.has(command), command);
    }
  });

  it('offers Export Report in the palette and in the title bar of both comparison views (two articles, and more)', () => {
    const entry = manifest.contributes.commands.find((command: { command: string }) => command.command === COMMANDS.exportReport);
    assert.strictEqual(entry?.title, 'Export Report…');
    const hidden = (manifest.contributes.menus.commandPalette as { command: string; when: string }[]).filter((item) => item.command === COMMANDS.exportReport && item.when === 'false');
    assert.deepStrictEqual(hidden, []);
    const title = (manifest.contributes.menus['editor/title'] as { command: string; when: string; group: string }[]).find((item) => item.command === COMMANDS.exportReport);
    assert.strictEqual(title?.when, `activeWebviewPanelId == '${PANEL_VIEW_TYPE}' || activeWebviewPanelId == '${MANY_PANEL_VIEW_TYPE}'`);
    assert.match(title.group, /^navigation/);
  });

  it('binds the navigation keys only in a compared editor outside the diff editor, or in a comparison view', () => {
    const bindings = manifest.contributes.keybindings as { command: string; key: string; when: string }[];
    assert.deepStrictEqual(bindings.map((binding) => [binding.key, binding.command]), [
      ['f7', COMMANDS.nextPassage], ['shift+f7', COMMANDS.previousPassage], ['alt+f7', COMMANDS.nextQuoteDifference], ['shift+alt+f7', COMMANDS.previousQuoteDifference],
    ]);
    for (const binding of bindings) {
      const alternatives = binding.when.split('||').map((part) => part.trim());
      assert.deepStrictEqual(alternatives, ['editorTextFocus && !isInDiffEditor && resourcePath in compareSources.comparedPaths', `activeWebviewPanelId == '${PANEL_VIEW_TYPE}'`, `activeWebviewPanelId == '${MANY_PANEL_VIEW_TYPE}'`], binding.key);
    }
  });

  it('declares the views, the panel activation and never activates on *', () => {
    assert.ok(manifest.contributes.viewsContainers.activitybar.some((entry: { id: string }) => entry.id === VIEWS.container));
    assert.ok(manifest.contributes.views[VIEWS.container].some((entry: { id: string }) => entry.id === VIEWS.speakers));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${PANEL_VIEW_TYPE}`));
    assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${MANY_PANEL_VIEW_TYPE}`));
    assert.ok(!manifest.activationEvents.includes('*'));
    for (const entry of manifest.contributes.viewsContainers.activitybar) assert.ok(fs.existsSync(path.join(__dirname, '..', '..', entry.icon)), entry.icon);
  });

  it('gives settings the same defaults as the core', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.strictEqual(properties['compareSources.minPassageWords'].default, DEFAULT_COMPARE_OPTIONS.minWords);
    assert.strictEqual(properties['compareSources.maxFileBytes'].default, DEFAULT_MAX_FILE_BYTES);
    assert.deepStrictEqual(properties['compareSources.inputFormat'].enum, INPUT_FORMAT_CHOICES, 'the input format setting offers exactly the core\'s choices');
    assert.strictEqual(properties['compareSources.inputFormat'].default, 'auto');
    assert.deepStrictEqual(properties['compareSources.openLocation'].enum, ['full', 'beside']);
    assert.strictEqual(properties['compareSources.openLocation'].default, 'full');
    assert.strictEqual(properties['compareSources.showSpeakerNames'].default, true);
    assert.strictEqual(properties['compareSources.maxTotalBytes'].default, DEFAULT_MAX_TOTAL_BYTES);
    assert.strictEqual(properties['compareSources.maxComparisonMemoryMb'].default, DEFAULT_COMPARISON_MEMORY_MB);
    for (const [key, value] of Object.entries(properties as Record<string, { markdownDescription?: string; description?: string }>)) {
      assert.ok((value.markdownDescription ?? value.description ?? '').length > 20, `${key} needs a description`);
    }
  });

  it('bounds the limits and keeps them from an untrusted workspace: the ranges the code clamps to, restricted configurations', () => {
    const properties = manifest.contributes.configuration.properties;
    for (const [key, range] of Object.entries(LIMIT_RANGES)) {
      const property = properties[`compareSources.${key}`];
      assert.deepStrictEqual({ minimum: property.minimum, maximum: property.maximum }, range, key);
      assert.ok(property.default >= range.minimum && property.default <= range.maximum, key);
    }
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.strictEqual(trust.supported, 'limited');
    assert.deepStrictEqual([...trust.restrictedConfigurations].sort(), Object.keys(LIMIT_RANGES).map((key) => `compareSources.${key}`).sort());
  });

  it('declares every colour of the palette, with defaults for all four theme kinds, and nothing else', () => {
    const declared = new Map<string, Record<string, string>>(manifest.contributes.colors.map((entry: { id: string; defaults: Record<string, string> }) => [entry.id, entry.defaults]));
    assert.deepStrictEqual([...declared.keys()].sort(), [...COLOUR_IDS].sort());
    for (const [id, defaults] of declared) assert.deepStrictEqual(Object.keys(defaults).sort(), ['dark', 'highContrast', 'highContrastLight', 'light'], id);
  });

  it('gives the page every palette colour through its theme variable, and no colour by position', () => {
    const css = fs.readFileSync(path.join(__dirname, '..', '..', 'media', 'webview.css'), 'utf8');
    for (const id of COLOUR_IDS) assert.ok(css.includes(`var(${themeColourVariable(id)})`), `webview.css does not use ${id}`);
    assert.doesNotMatch(css, /tone-\d/);
  });
});
