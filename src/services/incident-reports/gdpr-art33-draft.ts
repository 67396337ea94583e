import { addElapsedHours } from '../../domain/clocks.js';
import { formatDuration, type ReportBlock, type ReportDocument } from '../review-report/report-document.js';
import type { IncidentReportData } from './load-incident-report.js';
import { categoryText, formatCount, GAP_PATTERN, instantWithZone, orGap, toBeCompleted, words } from './report-parts.js';

const AUTHORITY_HOURS = 72;

/**
 * The Art. 33(1) timing: 72 hours from awareness; the obligation the engine computed wins over our
 * own arithmetic (it knows the regime's data), and a notification after the deadline owes reasons.
 */
function timing(data: IncidentReportData) {
  const obligation = data.obligations.find((o) => o.regime === 'gdpr' && o.stage === 'authority' && o.status !== 'not_required');
  const awareAt = data.facts?.aware_at ?? null;
  const deadline = obligation?.deadline ?? (awareAt ? addElapsedHours(awareAt, AUTHORITY_HOURS) : null);
  const submittedAt = obligation?.submitted_at ?? null;
  const late = !!deadline && (submittedAt ? submittedAt > deadline : data.generated_at > deadline);
  return { obligation, awareAt, deadline, submittedAt, late };
}

/**
 * A draft notification to the supervisory authority under GDPR Art. 33, section by section as
 * Art. 33(3) lists them. Everything comes from the recorded facts and the organisation profile;
 * what is not recorded is marked to be completed, never guessed.
 */
export function buildGdprArt33Draft(data: IncidentReportData): ReportDocument {
  const { incident, profile } = data;
  const facts = data.facts ?? {};
  const tz = data.organisation.timezone;
  const t = timing(data);
  const blocks: ReportBlock[] = [];

  if (!data.facts) blocks.push({ kind: 'paragraph', text: 'No incident facts are recorded yet: every section below is to be completed. Record the facts on the incident\'s Obligations tab to fill this draft.' });
  else if (facts.personal_data === false) blocks.push({ kind: 'paragraph', text: 'The recorded facts say no personal data is involved: Art. 33 may not apply. Confirm this before notifying, and record the decision.' });

  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Controller', value: orGap(data.organisation.name, 'the controller\'s name') },
      { label: 'Supervisory authority', value: orGap(profile?.lead_supervisory_authority, 'the lead supervisory authority') },
      { label: 'Our reference', value: `${incident.number} ${incident.title}` },
      { label: 'Notification status', value: t.obligation ? `${words(t.obligation.status)}${t.obligation.reference ? `, reference ${t.obligation.reference}` : ''}` : 'Not yet submitted' },
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: '1. Timing (Art. 33(1))' });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Breach occurred', value: incident.occurred_at ? instantWithZone(incident.occurred_at, tz) : toBeCompleted('when the breach occurred, if known') },
      { label: 'Discovered', value: facts.discovered_at ? instantWithZone(facts.discovered_at, tz) : instantWithZone(incident.detected_at, tz) },
      { label: 'Controller became aware', value: t.awareAt ? instantWithZone(t.awareAt, tz) : toBeCompleted('when the controller became aware of the breach') },
      { label: `Deadline (${AUTHORITY_HOURS} h after awareness)`, value: t.deadline ? instantWithZone(t.deadline, tz) : toBeCompleted('awareness time, from which the deadline runs') },
      ...(t.submittedAt ? [{ label: 'Submitted', value: instantWithZone(t.submittedAt, tz) }] : []),
    ],
  });
  if (t.late) {
    const overdue = formatDuration(Date.parse(t.submittedAt ?? data.generated_at) - Date.parse(t.deadline!));
    blocks.push({ kind: 'paragraph', text: `This notification is made after the ${AUTHORITY_HOURS}-hour deadline (${overdue} late). Reasons for the delay (Art. 33(1)): ${orGap(t.obligation?.delay_reason, 'the reasons for the delay')}` });
  }

  blocks.push({ kind: 'heading', level: 2, text: '2. Nature of the personal data breach (Art. 33(3)(a))' });
  blocks.push({ kind: 'paragraph', text: orGap(facts.nature, 'what happened, in a sentence or two a regulator can read') });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Kind of incident', value: categoryText(data) },
      { label: 'Categories of data subjects', value: facts.subject_categories?.length ? facts.subject_categories.join(', ') : toBeCompleted('the categories of data subjects concerned') },
      { label: 'Approximate number of data subjects', value: formatCount(facts.affected_people) ?? toBeCompleted('the approximate number of data subjects concerned') },
      { label: 'Categories of personal data records', value: facts.data_categories?.length ? facts.data_categories.join(', ') : toBeCompleted('the categories of personal data records concerned') },
      { label: 'Approximate number of personal data records', value: formatCount(facts.affected_records) ?? toBeCompleted('the approximate number of personal data records concerned') },
      ...(facts.data_subject_jurisdictions?.length ? [{ label: 'Data subjects in', value: facts.data_subject_jurisdictions.join(', ') }] : []),
    ],
  });

  blocks.push({ kind: 'heading', level: 2, text: '3. Data protection officer or other contact point (Art. 33(3)(b))' });
  blocks.push({ kind: 'paragraph', text: orGap(profile?.contact_point, 'the name and contact details of the DPO or other contact point') });

  blocks.push({ kind: 'heading', level: 2, text: '4. Likely consequences of the breach (Art. 33(3)(c))' });
  blocks.push({ kind: 'paragraph', text: orGap(facts.likely_consequences, 'the likely consequences for the people concerned') });

  blocks.push({ kind: 'heading', level: 2, text: '5. Measures taken or proposed (Art. 33(3)(d))' });
  blocks.push({
    kind: 'facts',
    items: [
      { label: 'Measures taken', value: orGap(facts.measures_taken, 'the measures taken to address the breach and mitigate its possible adverse effects') },
      { label: 'Measures proposed', value: orGap(facts.measures_proposed, 'the measures proposed, including to mitigate possible adverse effects') },
    ],
  });

  const document: ReportDocument = {
    title: `Draft: personal data breach notification (GDPR Art. 33): ${incident.number}`,
    subtitle: `Draft for review by the DPO and legal before submission; not sent by Bulwark · Generated ${instantWithZone(data.generated_at, tz)}`,
    subject: 'GDPR Art. 33 notification draft',
    blocks,
  };
  const gaps = countGaps(document);
  blocks.push({ kind: 'heading', level: 2, text: '6. Information provided in phases (Art. 33(4))' });
  blocks.push({
    kind: 'paragraph',
    text: gaps
      ? `${gaps} item${gaps === 1 ? ' is' : 's are'} marked "to be completed". Where information is not yet available, Art. 33(4) allows it to be provided in phases without undue further delay: submit on time with what is known and say so.`
      : 'Every item Art. 33(3) asks for is filled in. Check each against the facts before submitting.',
  });
  return document;
}

function countGaps(document: ReportDocument): number {
  const texts = document.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.kind === 'facts' ? b.items.map((i) => i.value) : []));
  return texts.reduce((n, text) => n + (text.match(GAP_PATTERN)?.length ?? 0), 0);
}
