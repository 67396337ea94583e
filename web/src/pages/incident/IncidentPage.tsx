import { Anchor, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconBox, IconBuildingBank, IconChecklist, IconClipboardCheck, IconClockExclamation, IconFileText, IconFingerprint, IconReport, IconShieldCheck, IconSpeakerphone, IconTarget, IconTimeline, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { Link, Navigate, useParams, useSearchParams } from 'react-router';
import type { IncidentDetail } from '../../api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useShortcut } from '../../keyboard/useShortcut';
import { useCan } from '../../auth/session';
import { ObservablesTab } from '../observables/ObservablesTab';
import { TechniquesTab } from '../techniques/TechniquesTab';
import { IncidentHeader } from './IncidentHeader';
import { LiveChangeNotices } from './LiveChangeNotices';
import { CommunicationsTab } from './communications/CommunicationsTab';
import { EvidenceTab } from './evidence/EvidenceTab';
import { ObligationsTab } from './obligations/ObligationsTab';
import { PeopleTab } from './people/PeopleTab';
import { ReportsTab } from './reports/ReportsTab';
import { ReviewTab } from './review/ReviewTab';
import { RisksControlsTab } from './risks-controls/RisksControlsTab';
import { useIncidentAbilities } from './permissions';
import { useIncident } from './queries';
import { SummaryTab } from './summary/SummaryTab';
import { TasksTab } from './tasks/TasksTab';
import { ThirdPartiesTab } from './third-parties/ThirdPartiesTab';
import { TimelineTab } from './timeline/TimelineTab';

const TABS = ['summary', 'timeline', 'tasks', 'observables', 'techniques', 'people', 'evidence', 'communications', 'obligations', 'third-parties', 'risks', 'review', 'reports'] as const;
type Tab = (typeof TABS)[number];

/** The heart of the app: one incident, its header, and its sections as tabs (?tab= keeps the view shareable). */
export function IncidentPage() {
  const { id = '' } = useParams();
  const incident = useIncident(id);

  if (incident.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading incident">
        <Skeleton h={170} radius="md" />
        <Skeleton h={36} />
        <Skeleton h={240} />
      </Stack>
    );
  }
  if (incident.isError) {
    return (
      <Stack gap="md" maw={720}>
        <ProblemAlert error={incident.error} title="This incident cannot be shown" onRetry={() => void incident.refetch()} />
        <Anchor component={Link} to="/incidents">
          Back to the incident list
        </Anchor>
      </Stack>
    );
  }
  // Opened by number (INC-…): continue under the id, which live updates use.
  if (incident.data.id !== id) return <Navigate to={`/incidents/${incident.data.id}${window.location.search}`} replace />;
  return <LoadedIncident incident={incident.data} />;
}

function LoadedIncident({ incident }: { incident: IncidentDetail }) {
  const abilities = useIncidentAbilities();
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.includes(params.get('tab') as Tab) ? (params.get('tab') as Tab) : 'summary';
  const [noteRequest, setNoteRequest] = useState(0);
  const [taskRequest, setTaskRequest] = useState(0);
  const [observableRequest, setObservableRequest] = useState(0);
  const canWriteObservables = useCan('observable.write');

  const show = (next: Tab) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next === 'summary') updated.delete('tab');
        else updated.set('tab', next);
        return updated;
      },
      { replace: true },
    );

  useShortcut('n', () => {
    show('timeline');
    setNoteRequest((n) => n + 1);
  }, { enabled: abilities.note });
  useShortcut('t', () => {
    show('tasks');
    setTaskRequest((n) => n + 1);
  }, { enabled: abilities.tasks });
  useShortcut('o', () => {
    show('observables');
    setObservableRequest((n) => n + 1);
  }, { enabled: canWriteObservables });

  useEffect(() => {
    document.title = `${incident.number} · ${incident.title} · Bulwark`;
    return () => {
      document.title = 'Bulwark';
    };
  }, [incident.number, incident.title]);

  return (
    <Stack gap="md" className="incident-page">
      <IncidentHeader incident={incident} abilities={abilities} />
      <div className="incident-tabs">
      <LiveChangeNotices incidentId={incident.id} />
      <Tabs value={tab} onChange={(value) => show((value as Tab | null) ?? 'summary')}>
        <Tabs.List>
          <Tabs.Tab value="summary" leftSection={<IconFileText size={16} aria-hidden />}>Summary</Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} aria-hidden />}>Timeline</Tabs.Tab>
          <Tabs.Tab value="tasks" leftSection={<IconChecklist size={16} aria-hidden />}>Tasks</Tabs.Tab>
          <Tabs.Tab value="observables" leftSection={<IconFingerprint size={16} aria-hidden />}>Observables</Tabs.Tab>
          <Tabs.Tab value="techniques" leftSection={<IconTarget size={16} aria-hidden />}>Techniques</Tabs.Tab>
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} aria-hidden />}>People &amp; roles</Tabs.Tab>
          <Tabs.Tab value="evidence" leftSection={<IconBox size={16} aria-hidden />}>Evidence</Tabs.Tab>
          <Tabs.Tab value="communications" leftSection={<IconSpeakerphone size={16} aria-hidden />}>Communications</Tabs.Tab>
          <Tabs.Tab value="obligations" leftSection={<IconClockExclamation size={16} aria-hidden />}>Obligations</Tabs.Tab>
          <Tabs.Tab value="third-parties" leftSection={<IconBuildingBank size={16} aria-hidden />}>Third parties</Tabs.Tab>
          <Tabs.Tab value="risks" leftSection={<IconShieldCheck size={16} aria-hidden />}>Risks &amp; controls</Tabs.Tab>
          <Tabs.Tab value="review" leftSection={<IconClipboardCheck size={16} aria-hidden />}>Review</Tabs.Tab>
          <Tabs.Tab value="reports" leftSection={<IconReport size={16} aria-hidden />}>Reports</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="summary" pt="md">
          <SummaryTab incident={incident} canEdit={abilities.edit} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <TimelineTab incident={incident} canNote={abilities.note} focusRequest={noteRequest} />
        </Tabs.Panel>
        <Tabs.Panel value="tasks" pt="md">
          <TasksTab incident={incident} canWrite={abilities.tasks} focusRequest={taskRequest} />
        </Tabs.Panel>
        <Tabs.Panel value="observables" pt="md">
          <ObservablesTab incidentId={incident.id} canWrite={canWriteObservables} focusRequest={observableRequest} />
        </Tabs.Panel>
        <Tabs.Panel value="techniques" pt="md">
          <TechniquesTab incidentId={incident.id} incidentNumber={incident.number} canWrite={abilities.note} />
        </Tabs.Panel>
        <Tabs.Panel value="people" pt="md">
          <PeopleTab incident={incident} canManage={abilities.managePeople} />
        </Tabs.Panel>
        <Tabs.Panel value="evidence" pt="md">
          {tab === 'evidence' && <EvidenceTab incident={incident} />}
        </Tabs.Panel>
        <Tabs.Panel value="communications" pt="md">
          {tab === 'communications' && <CommunicationsTab incident={incident} />}
        </Tabs.Panel>
        <Tabs.Panel value="obligations" pt="md">
          {tab === 'obligations' && <ObligationsTab incident={incident} />}
        </Tabs.Panel>
        <Tabs.Panel value="third-parties" pt="md">
          {tab === 'third-parties' && <ThirdPartiesTab incident={incident} />}
        </Tabs.Panel>
        <Tabs.Panel value="risks" pt="md">
          {tab === 'risks' && <RisksControlsTab incidentId={incident.id} />}
        </Tabs.Panel>
        <Tabs.Panel value="review" pt="md">
          {tab === 'review' && <ReviewTab incident={incident} />}
        </Tabs.Panel>
        <Tabs.Panel value="reports" pt="md">
          {tab === 'reports' && <ReportsTab incident={incident} />}
        </Tabs.Panel>
      </Tabs>
      </div>
    </Stack>
  );
}
