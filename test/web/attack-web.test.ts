import { describe, expect, it } from 'vitest';
import { bundleFileProblem, readUploadAnswer } from '../../web/src/pages/techniques/bundleFile.js';
import { techniquesByEntry } from '../../web/src/pages/techniques/entryTechniques.js';

const tag = (timeline_entry_id: string | null) => ({ timeline_entry_id });

describe('techniques on timeline entries', () => {
  it('groups the tags by entry, once per technique even under two tactics, leaving out tags on the incident itself', () => {
    const injection = { technique_id: 'T1055', name: 'Process Injection', tags: [tag('tle_1')] };
    const view = {
      by_tactic: [
        { techniques: [{ technique_id: 'T1566', name: 'Phishing', tags: [tag(null), tag('tle_2')] }] },
        { techniques: [injection, { technique_id: 'T1059.001', name: 'PowerShell', tags: [tag('tle_1')] }] },
        { techniques: [injection] },
      ],
      without_tactic: [{ technique_id: 'T1003', name: 'OS Credential Dumping', tags: [tag('tle_1')] }],
    };
    const byEntry = techniquesByEntry(view);
    expect([...byEntry.keys()].sort()).toEqual(['tle_1', 'tle_2']);
    expect(byEntry.get('tle_1')!.map((t) => t.technique_id)).toEqual(['T1003', 'T1055', 'T1059.001']);
    expect(byEntry.get('tle_2')).toEqual([{ technique_id: 'T1566', name: 'Phishing' }]);
    expect(techniquesByEntry(undefined).size).toBe(0);
  });
});

describe('ATT&CK bundle upload', () => {
  it('refuses files that cannot be the bundle before sending them', () => {
    expect(bundleFileProblem({ name: 'enterprise-attack.json', size: 45 * 1024 * 1024 })).toBeNull();
    expect(bundleFileProblem({ name: 'attack.xlsx', size: 10 })).toBe('attack.xlsx is not a .json file. Choose the ATT&CK Enterprise bundle, enterprise-attack.json.');
    expect(bundleFileProblem({ name: 'a.json', size: 0 })).toBe('a.json is empty.');
    expect(bundleFileProblem({ name: 'huge.JSON', size: 150 * 1024 * 1024 })).toMatch(/^huge\.JSON is 150 MB; Bulwark accepts up to 100 MB/);
  });

  it('reads the answer: the summary, the problem+json detail, or words when there is neither', () => {
    expect(readUploadAnswer(200, '{"techniques": 3}')).toEqual({ ok: true, body: { techniques: 3 } });
    const refused = readUploadAnswer(400, JSON.stringify({ title: 'Invalid input', status: 400, detail: 'The bundle has no attack-pattern objects.' }));
    expect(refused).toEqual({ ok: false, problem: { title: 'Invalid input', status: 400, detail: 'The bundle has no attack-pattern objects.' } });
    expect(readUploadAnswer(413, '<html>too large</html>')).toEqual({ ok: false, problem: { title: 'Upload refused', status: 413, detail: 'Bulwark answered 413.' } });
    expect(readUploadAnswer(0, '')).toMatchObject({ ok: false, problem: { status: 0, title: 'Server unreachable' } });
  });
});
