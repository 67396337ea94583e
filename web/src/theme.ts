import { createTheme } from '@mantine/core';

/** Calm, dense, readable: the look of a tool responders choose. */
export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "JetBrains Mono", "SFMono-Regular", Menlo, monospace',
  headings: { fontWeight: '600' },
  components: {
    Table: { defaultProps: { verticalSpacing: 6, horizontalSpacing: 'sm', highlightOnHover: true } },
    Button: { defaultProps: { size: 'sm' } },
  },
});

/** Severity colours always travel with their label (colour is never the only cue). */
export const SEVERITY_COLOURS: Record<number, string> = { 1: 'red', 2: 'orange', 3: 'yellow', 4: 'gray' };
export const TLP_COLOURS: Record<string, string> = { clear: 'gray', green: 'green', amber: 'orange', 'amber+strict': 'orange', red: 'red' };
