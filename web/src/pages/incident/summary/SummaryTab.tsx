import { Grid, Stack } from '@mantine/core';
import type { Incident } from '../../../api/types';
import { EditableFields } from './EditableFields';
import { CLASSIFICATION_FIELDS, TIMESTAMP_FIELDS } from './fields';
import { ResponseMetrics } from './ResponseMetrics';
import { SummaryText } from './SummaryText';

/** The narrative, the classification and the clock of the incident. */
export function SummaryTab({ incident, canEdit }: { incident: Incident; canEdit: boolean }) {
  return (
    <Stack gap="md">
      <ResponseMetrics metrics={incident.metrics} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <SummaryText incident={incident} canEdit={canEdit} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <EditableFields title="Classification" incident={incident} fields={CLASSIFICATION_FIELDS} canEdit={canEdit} />
            <EditableFields
              title="Timestamps"
              incident={incident}
              fields={TIMESTAMP_FIELDS}
              canEdit={canEdit}
              note="Moving through phases sets these automatically; correct them here when the facts were earlier. Closing time is set by closing."
            />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
