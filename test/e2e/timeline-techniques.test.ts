import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAttack } from '../../src/services/attack/import-attack.js';
import { attackFixture } from '../support/attack-fixture.js';
import { launchBrowser, newPerson, screenshot, signIn } from './support/browser.js';
import { addNoteWithKeyboard, callApi, openIncidentThroughApi, openTab } from './support/flows.js';
import { ADMIN_EMAIL, PASSWORD, startE2eServer, type E2eServer } from './support/server.js';

interface Techniques {
  by_tactic: Array<{ techniques: Array<{ technique_id: string; tags: Array<{ timeline_entry_id: string | null }> }> }>;
}
/** "T1055@tle_…" per tag on an entry; a technique in two tactics is listed under both, so once each. */
const entryTags = (view: Techniques) => [...new Set(view.by_tactic.flatMap((g) => g.techniques.flatMap((t) => t.tags.filter((x) => x.timeline_entry_id !== null).map((x) => `${t.technique_id}@${x.timeline_entry_id}`))))].sort();

describe('ATT&CK techniques on timeline entries', () => {
  let server: E2eServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
    await importAttack(server.system, attackFixture(), 'fixture');
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tags a note with a technique from the picker, shows it as a chip, and removes it', async () => {
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Macro dropper on WS-7', category: 'malware' });
    await page.goto(`/incidents/${incident.id}`);
    await openTab(page, 'Timeline');
    await addNoteWithKeyboard(page, 'Word spawned powershell -enc …', 'Word spawned powershell');
    const timeline = await callApi<{ items: Array<{ id: string; kind: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/timeline`);
    const noteId = timeline.body.items.find((e) => e.kind === 'note')!.id;
    const note = page.locator(`#entry-${noteId}`);

    await note.getByRole('button', { name: 'Tag technique' }).click();
    const picker = note.getByRole('combobox', { name: 'Technique for this entry' });
    await picker.fill('powersh');
    await page.getByRole('option', { name: 'T1059.001 PowerShell' }).click();
    const chips = note.getByRole('list', { name: 'Techniques on this entry' });
    await chips.getByText('T1059.001 PowerShell').waitFor();
    // By id as well as by name.
    await note.getByRole('button', { name: 'Tag technique' }).click();
    await note.getByRole('combobox', { name: 'Technique for this entry' }).fill('t1055');
    await page.getByRole('option', { name: /^T1055 Process Injection/ }).click();
    await chips.getByText('T1055 Process Injection').waitFor();
    expect(entryTags((await callApi<Techniques>(page, 'GET', `/api/v1/incidents/${incident.id}/techniques`)).body)).toEqual([`T1055@${noteId}`, `T1059.001@${noteId}`]);
    // The change is on the timeline too, and the incident's Techniques tab points at the entry.
    await page.getByRole('list', { name: 'Timeline' }).getByText('Tagged T1055 Process Injection on a timeline entry').waitFor();
    await screenshot(page, 'timeline-techniques');

    await note.getByRole('button', { name: 'Remove T1059.001 from this entry' }).click();
    await chips.getByText('T1059.001 PowerShell').waitFor({ state: 'detached' });
    expect(entryTags((await callApi<Techniques>(page, 'GET', `/api/v1/incidents/${incident.id}/techniques`)).body)).toEqual([`T1055@${noteId}`]);
    await openTab(page, 'Techniques');
    await page.getByRole('region', { name: 'Defense Evasion' }).getByRole('link', { name: 'on timeline entry' }).waitFor();
    await context.close();
  });

  it('shows the chips but not the action to people who cannot note on the incident', async () => {
    const person = await server.addPerson('Stan Stakeholder', 'stakeholder');
    const { context, page } = await newPerson(browser, server.url);
    await signIn(page, ADMIN_EMAIL, PASSWORD);
    const incident = await openIncidentThroughApi(page, { title: 'Phish to finance', category: 'phishing' });
    const timeline = await callApi<{ items: Array<{ id: string }> }>(page, 'GET', `/api/v1/incidents/${incident.id}/timeline`);
    const entryId = timeline.body.items[0]!.id;
    expect((await callApi(page, 'POST', `/api/v1/incidents/${incident.id}/techniques`, { technique_id: 'T1566', timeline_entry_id: entryId })).status).toBe(201);
    await context.close();

    const other = await newPerson(browser, server.url);
    await signIn(other.page, person.email, PASSWORD);
    await other.page.goto(`/incidents/${incident.id}?tab=timeline`);
    const entry = other.page.locator(`#entry-${entryId}`);
    await entry.getByRole('list', { name: 'Techniques on this entry' }).getByText('T1566 Phishing').waitFor();
    expect(await other.page.getByRole('button', { name: 'Tag technique' }).count()).toBe(0);
    expect(await other.page.getByRole('button', { name: /from this entry$/ }).count()).toBe(0);
    await other.context.close();
  });
});
