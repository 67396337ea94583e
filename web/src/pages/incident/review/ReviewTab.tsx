import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCheck, IconDeviceFloppy } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiProblem } from '../../../api/problem';
import type { IncidentDetail } from '../../../api/types';
import { useCan } from '../../../auth/session';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { formatInstant } from '../../../format/time';
import { useRiskAppetite } from '../../risks/queries';
import { usePersonName } from '../queries';
import { ActionItems } from './ActionItems';
import { ExportButtons } from './ExportButtons';
import { ImpactFields } from './ImpactFields';
import { LinesField } from './LinesField';
import { MetricsChart } from './MetricsChart';
import { Participants } from './Participants';
import { ProposalsList } from './ProposalsList';
import { useActionItems, useCompleteReview, useRequiredFields, useReview, useSaveReview } from './queries';
import { fieldsOf, fromLocalInput, missingFromProblem, missingRequired, reviewBody, sameReview, toLocalInput } from './reviewDraft';
import { ReviewSummaryField } from './ReviewSummaryField';
import { RootCauses } from './RootCauses';
import { TimelinePicker } from './TimelinePicker';
import { REVIEW_FIELD_LABELS, type Review, type ReviewFields } from './types';

const fieldLabel = (name: string) => REVIEW_FIELD_LABELS[name] ?? name.replace(/_/g, ' ');

/** The structured post-incident review: written as a draft by the team, completed by an incident manager. */
export function ReviewTab({ incident }: { incident: IncidentDetail }) {
  const review = useReview(incident.id);
  if (review.isPending) return <Skeleton h={320} aria-label="Loading the review" />;
  if (review.isError) return <ProblemAlert error={review.error} title="The review could not be loaded" onRetry={() => void review.refetch()} />;
  return <ReviewEditor incident={incident} review={review.data} refetch={async () => (await review.refetch()).data ?? null} />;
}

function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  const id = `review-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {aside}
      </Group>
      {children}
    </Paper>
  );
}

function ReviewEditor({ incident, review, refetch }: { incident: IncidentDetail; review: Review | null; refetch: () => Promise<Review | null> }) {
  const canWrite = useCan('review.write');
  const canComplete = useCan('review.complete');
  const completed = review?.status === 'completed';
  const readOnly = completed || !canWrite;
  const currency = useRiskAppetite().data?.currency ?? 'EUR';
  const personName = usePersonName();
  const actionItems = useActionItems(incident.id);
  const required = useRequiredFields(review === null && canComplete);
  const save = useSaveReview(incident.id);
  const complete = useCompleteReview(incident.id);

  const [base, setBase] = useState<Review | null>(review);
  const [draft, setDraft] = useState<ReviewFields>(() => fieldsOf(review));
  const dirty = !sameReview(draft, fieldsOf(base));
  const theirsMeanwhile = review !== null && base !== null && review.version !== base.version;

  // Someone else's save (or the completion) arrives: follow it when nothing is unsaved here.
  useEffect(() => {
    if (review && (base === null || review.version !== base.version || review.status !== base.status) && !dirty) {
      setBase(review);
      setDraft(fieldsOf(review));
    }
  }, [review, base, dirty]);

  const set = <K extends keyof ReviewFields>(key: K) => (value: ReviewFields[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const saveDraft = async (version: number | null = base?.version ?? null): Promise<Review> => {
    const saved = await save.mutateAsync({ fields: reviewBody(draft), version });
    complete.reset();
    setBase(saved);
    setDraft(fieldsOf(saved));
    return saved;
  };
  const keepMine = async () => {
    const fresh = await refetch();
    save.reset();
    await saveDraft(fresh?.version ?? null).catch(() => undefined);
  };
  const takeTheirs = async () => {
    const fresh = await refetch();
    save.reset();
    setBase(fresh);
    setDraft(fieldsOf(fresh));
  };
  const completeReview = async () => {
    complete.reset();
    try {
      if (dirty || base === null) await saveDraft();
    } catch {
      return;
    }
    complete.mutate();
  };

  const requiredFields = review?.required_fields ?? required.data ?? null;
  const stillNeeded = requiredFields ? missingRequired(draft, actionItems.data ?? [], requiredFields) : [];
  const refused = complete.error instanceof ApiProblem && complete.error.status === 400 ? missingFromProblem(complete.error.body) : [];
  const conflict = save.error instanceof ApiProblem && save.error.status === 412;

  return (
    <Stack gap="md">
      <Paper withBorder p="sm" radius="md" className="review-bar" style={{ position: 'sticky', top: 'var(--app-shell-header-offset, 0px)', zIndex: 5 }}>
        <Group justify="space-between" gap="sm">
          <Group gap="sm">
            <Badge variant="light" color={completed ? 'teal' : 'blue'} tt="none" size="lg" aria-label={`Review status: ${completed ? 'completed' : review ? 'draft' : 'not started'}`}>
              {completed ? 'Completed' : review ? 'Draft' : 'Not started'}
            </Badge>
            {completed && review?.completed_at && (
              <Text size="sm" c="dimmed">
                Completed {formatInstant(review.completed_at)} by {personName(review.completed_by)}
              </Text>
            )}
            {!readOnly && dirty && (
              <Text size="sm" c="orange" fw={600}>
                Unsaved changes
              </Text>
            )}
            {!readOnly && !dirty && review && (
              <Text size="sm" c="dimmed">
                Saved {formatInstant(review.updated_at)}
              </Text>
            )}
          </Group>
          <Group gap="xs">
            {!readOnly && (
              <Button size="sm" variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => void saveDraft().catch(() => undefined)} loading={save.isPending} disabled={!dirty && review !== null}>
                Save review
              </Button>
            )}
            {!completed && canComplete && (
              <Button size="sm" color="teal" leftSection={<IconCheck size={16} aria-hidden />} onClick={() => void completeReview()} loading={complete.isPending}>
                Complete review
              </Button>
            )}
            {review && <ExportButtons incidentId={incident.id} />}
          </Group>
        </Group>
        {!completed && canComplete && stillNeeded.length > 0 && (
          <Text size="xs" c="dimmed" mt={4}>
            Required before completing: {stillNeeded.map(fieldLabel).join(', ')}
          </Text>
        )}
      </Paper>

      {conflict ? (
        <Alert color="yellow" title="Someone else saved the review meanwhile" role="alert">
          <Stack gap="xs">
            <Text size="sm">Your changes are still here and were not saved. Save them over their version, or take theirs and lose yours.</Text>
            <Group gap="xs">
              <Button size="xs" onClick={() => void keepMine()}>
                Keep mine and save
              </Button>
              <Button size="xs" variant="default" onClick={() => void takeTheirs()}>
                Take theirs
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : (
        save.error && <ProblemAlert error={save.error} title="The review could not be saved" />
      )}
      {!conflict && theirsMeanwhile && dirty && (
        <Alert color="yellow" title="Someone else saved the review while you were editing">
          <Group gap="xs">
            <Text size="sm">Saving will ask whether to keep yours or take theirs.</Text>
            <Button size="xs" variant="default" onClick={() => void takeTheirs()}>
              Take theirs now
            </Button>
          </Group>
        </Alert>
      )}
      {refused.length > 0 ? (
        <Alert color="red" title="The review cannot be completed yet" role="alert">
          <Text size="sm">Fill in the required fields first: {refused.map(fieldLabel).join(', ')}.</Text>
        </Alert>
      ) : (
        complete.error && <ProblemAlert error={complete.error} title="The review could not be completed" />
      )}
      {!review && !canWrite && (
        <Text size="sm" c="dimmed">
          No review has been started for this incident.
        </Text>
      )}

      {(review || canWrite) && (
        <>
          {completed && (
            <Section title="Proposals to the register">
              <ProposalsList incidentId={incident.id} />
            </Section>
          )}
          <Section title="Summary">
            <ReviewSummaryField value={draft.summary} onChange={set('summary')} readOnly={readOnly} />
          </Section>
          <Section title="Impact">
            <ImpactFields value={draft.impact} onChange={set('impact')} currency={currency} readOnly={readOnly} />
          </Section>
          <Section title="Response times">
            <MetricsChart incidentId={incident.id} />
          </Section>
          <Section title="Timeline">
            <TimelinePicker incidentId={incident.id} value={draft.timeline_entry_ids} onChange={set('timeline_entry_ids')} readOnly={readOnly} expanded={review?.timeline} />
          </Section>
          <Section title="Root causes">
            <RootCauses incidentId={incident.id} value={draft.root_causes} onChange={set('root_causes')} readOnly={readOnly} />
          </Section>
          <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
            <Section title="What went well">
              <LinesField label="What went well" description="One a line." value={draft.went_well} onChange={set('went_well')} readOnly={readOnly} />
            </Section>
            <Section title="What went badly">
              <LinesField label="What went badly" description="One a line." value={draft.went_badly} onChange={set('went_badly')} readOnly={readOnly} />
            </Section>
            <Section title="Lessons learned">
              <LinesField label="Lessons learned" description="One a line." value={draft.lessons} onChange={set('lessons')} readOnly={readOnly} />
            </Section>
          </SimpleGrid>
          <Section title="Meeting">
            <Stack gap="sm">
              {readOnly ? (
                <Text size="sm">Meeting: {draft.meeting_at ? formatInstant(draft.meeting_at) : 'not recorded'}</Text>
              ) : (
                <TextInput type="datetime-local" label="Meeting date" value={toLocalInput(draft.meeting_at)} onChange={(e) => set('meeting_at')(fromLocalInput(e.currentTarget.value))} w={240} />
              )}
              <Participants value={draft.participants} onChange={set('participants')} readOnly={readOnly} />
            </Stack>
          </Section>
          <Section title="Action items">
            <ActionItems incident={incident} canWrite={canWrite} />
          </Section>
        </>
      )}
    </Stack>
  );
}
