import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../../electron/core/chapters';
import { sectionName } from '../../electron/core/sections';
import { bundledMilestones, bundledSectionNames } from '../../electron/node/milestones-source';
import en from '../../electron/contract/locales/en/ui.json';
import nl from '../../electron/contract/locales/nl/ui.json';

describe('section names', () => {
  const names = bundledSectionNames();
  const milestones = bundledMilestones();

  it('names every section heading of the dataset in Dutch and English', () => {
    const missing = [...new Set(milestones.map((m) => m.section))].filter((s) => !names[s]);
    expect(missing).toEqual([]);
  });

  it('never shows a section under the same name as its chapter ("Act › Act")', () => {
    for (const m of milestones) {
      expect(sectionName(names, m.section, 'en')).not.toBe(en.chapter[m.chapter]);
      expect(sectionName(names, m.section, 'nl')).not.toBe(nl.chapter[m.chapter]);
    }
    expect(CHAPTERS.length).toBeGreaterThan(0);
  });

  it('shows the correct word for the seed\u2019s "Vorbereiden" and keeps unknown headings as they are', () => {
    expect(sectionName(names, 'Vorbereiden', 'nl')).toBe('Voorbereiden');
    expect(sectionName(names, 'Handelen', 'en')).toBe('Missions and operations');
    expect(sectionName(names, 'Mijn eigen onderdeel', 'en')).toBe('Mijn eigen onderdeel');
    expect(sectionName(names, 'constructor', 'en')).toBe('constructor');
  });
});
