/** The app's keyboard shortcuts, as listed in the "Keyboard shortcuts" dialog (`?`). */
export interface ShortcutGroup {
  title: string;
  shortcuts: Array<{ keys: string[]; description: string }>;
}

export const SHORTCUT_GROUPS: ShortcutGroup[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      { keys: ['/'], description: 'Search incidents, or paste an IP, domain or hash to see where it was seen' },
      { keys: ['Ctrl', 'K'], description: 'Command palette (⌘ K on a Mac)' },
      { keys: ['?'], description: 'Show these shortcuts' },
      { keys: ['Esc'], description: 'Close a dialog or leave a field' },
    ],
  },
  {
    title: 'Home and incident list',
    shortcuts: [
      { keys: ['j'], description: 'Select the next incident' },
      { keys: ['k'], description: 'Select the previous incident' },
      { keys: ['Enter'], description: 'Open the selected incident' },
      { keys: ['n'], description: 'New incident' },
    ],
  },
  {
    title: 'Alert queue',
    shortcuts: [
      { keys: ['j'], description: 'Select the next alert' },
      { keys: ['k'], description: 'Select the previous alert' },
      { keys: ['x'], description: 'Choose the selected alert (for bulk actions)' },
      { keys: ['Enter'], description: 'Open the selected alert' },
      { keys: ['p'], description: 'Promote the chosen alerts to a new incident' },
      { keys: ['m'], description: 'Merge the chosen alerts into an incident' },
      { keys: ['d'], description: 'Dismiss the chosen alerts' },
    ],
  },
  {
    title: 'Incident page',
    shortcuts: [
      { keys: ['n'], description: 'Add a note to the timeline' },
      { keys: ['t'], description: 'Add a task' },
      { keys: ['o'], description: 'Add observables' },
    ],
  },
  {
    title: 'Risk register',
    shortcuts: [
      { keys: ['j'], description: 'Select the next risk' },
      { keys: ['k'], description: 'Select the previous risk' },
      { keys: ['Enter'], description: 'Open the selected risk' },
      { keys: ['n'], description: 'New risk' },
      { keys: ['/'], description: 'Search the register' },
    ],
  },
];
