import { PROFILE_SOURCES } from '../../src/domain/profile-sources';
import { describe, expect, it } from 'vitest';
import { effectiveSettings, PROFILES } from '../../src/domain/profiles';
import { blankSettings, settingsRows, settingKeys } from '../../src/domain/settings';
import type { Cell } from '../../src/domain/cells';
import * as labels from '../../src/domain/setting-labels';

const tab = (rows: Cell[][]): Cell[][] => [['Setting', 'Value'], ...rows];

describe('effective settings', () => {
  it('takes the profile named in Settings and its defaults', () => {
    const e = effectiveSettings(tab([['ToR profile', 'Uzbekistan']]));
    expect(e.profile.id).toBe('uzbekistan');
    expect(e.settings.meetingCadenceMonths).toBe(3);
    expect(e.settings.admissionRule).toBe('unanimous');
    expect(e.settings.corporateEmailDomains).toContain('one.un.org');
    expect(e.problems).toEqual([]);
  });

  it('lets a value in the tab override the profile, and a blank value switch a setting off', () => {
    const e = effectiveSettings(
      tab([
        ['ToR profile', 'azerbaijan'],
        ['Meeting cadence (months)', 4],
        ['  state consultation body ', ''],
        ['Annual network meeting required', false],
      ]),
    );
    expect(e.settings.meetingCadenceMonths).toBe(4);
    expect(e.settings.stateConsultationBody).toBe('');
    expect(e.settings.annualMeetingRequired).toBe(false);
    expect(e.settings.memberListSharingMonths).toBe(6);
    expect(e.rows.meetingCadenceMonths).toBe(3);
  });

  it('reports a value it cannot read, naming the row, and keeps the default', () => {
    const e = effectiveSettings(
      tab([
        ['ToR profile', 'uzbekistan'],
        ['Meeting cadence (months)', 'quarterly'],
      ]),
    );
    expect(e.settings.meetingCadenceMonths).toBe(3);
    expect(e.problems).toEqual([
      expect.objectContaining({ sheet: 'Settings', row: 3, column: 'Value', expected: 'one of 1, 2, 3, 4, 6 or 12' }),
    ]);
  });

  it('falls back to the custom profile, with a problem, when the Settings tab is missing', () => {
    const e = effectiveSettings(null);
    expect(e.profile.id).toBe('custom');
    expect(e.problems[0]?.message).toMatch(/no Settings tab/);
  });

  it('writes every setting of WORKBOOK.md, and reads back what it wrote', () => {
    for (const profile of Object.values(PROFILES)) {
      const rows = settingsRows(profile.defaults);
      expect(rows).toHaveLength(settingKeys().length);
      const e = effectiveSettings(tab(rows));
      expect(e.problems).toEqual([]);
      expect(e.settings).toEqual(profile.defaults);
    }
  });

  it('carries the ToR words behind each default a ToR profile sets', () => {
    expect(PROFILE_SOURCES.uzbekistan.meetingCadenceMonths).toMatch(/one time per quarter/);
    expect(PROFILE_SOURCES.azerbaijan.meetingCadenceMonths).toMatch(/bi-annual/);
  });
});

describe('ToR profiles', () => {
  it('say where every default they set comes from', () => {
    for (const profile of Object.values(PROFILES)) {
      const set = settingKeys().filter(
        (k) => JSON.stringify(profile.defaults[k]) !== JSON.stringify(blankSettings()[k]),
      );
      expect(
        set.filter((k) => !PROFILE_SOURCES[profile.id][k]),
        profile.id,
      ).toEqual([]);
    }
  });
});

describe('the settings a rule cites', () => {
  it('are each one key with its words in the Setting column, every setting once', () => {
    const { SETTING_LABELS, ...rows } = labels;
    expect(Object.fromEntries(Object.values(rows))).toEqual(SETTING_LABELS);
    expect(Object.values(rows)).toHaveLength(settingKeys().length);
    expect(Object.keys(labels.SETTING_LABELS).sort()).toEqual([...settingKeys()].sort());
  });
});
