import type { Locator, Page } from '@playwright/test';

/**
 * Every form dialog and drawer of the console with the demonstration coalition loaded: where
 * it lives, what opens it, and how it closes. `opener` is what the operator clicks; after the
 * dialog closes, focus must be back on it (or, when `focusBack` is 'screen', anywhere on
 * screen but the page body: a row that opened a drawer may have re-rendered).
 */
export interface DialogCase {
  name: string;
  path: string;
  /** Steps on the screen before the opener is visible (a tab, a row). */
  before?: (page: Page) => Promise<void>;
  opener: (page: Page) => Locator;
  /** The dialog's own Cancel button; null for a drawer or a view that closes only with Esc or its close button. */
  cancel?: string | null;
  focusBack?: 'opener' | 'screen';
  /** Checked in both themes: it has colours of its own (an alert, a warning). */
  bothThemes?: boolean;
  /** Also checked after saving it empty: the refusal, in words, inside the dialog. */
  refuse?: boolean;
}

/** A state of a screen (a view, a refusal, a failure), checked in dark and light. */
export interface StateCase {
  name: string;
  path: string;
  before?: (page: Page) => Promise<void>;
  /** What shows the state is there. */
  shown: (page: Page) => Locator;
}

const button = (name: string | RegExp) => (page: Page) => page.getByRole('button', { name, exact: typeof name === 'string' }).first();
const testId = (id: string) => (page: Page) => page.getByTestId(id).first();

export const DIALOGS: DialogCase[] = [
  // Preparedness
  { name: 'activation sheet', path: '/prep?tab=activation', opener: button(/^(Write the activation sheet|Edit \(new version\))$/) },
  { name: 'start a call-down', path: '/prep?tab=calldown', opener: testId('start-calldown') },
  { name: 'add a plan', path: '/prep?tab=plans', opener: testId('add-plan') },
  { name: 'author an alert', path: '/prep?tab=alerts', opener: testId('author-alert'), bothThemes: true },
  { name: 'add a service', path: '/prep?tab=services', opener: button('Add a service'), refuse: true, bothThemes: true },
  { name: 'remove a service (confirmation)', path: '/prep?tab=services', opener: button(/^Remove /), cancel: 'Keep it', bothThemes: true },
  { name: 'new HVA year', path: '/prep?tab=hva', opener: testId('new-hva') },
  { name: 'add a hazard', path: '/prep?tab=hva', opener: testId('add-hazard') },
  // Exercises, inventory, directory
  { name: 'plan a course or exercise', path: '/exercises', opener: testId('new-exercise') },
  { name: 'add a holding', path: '/inventory', opener: button('Add holding') },
  { name: 'count a holding', path: '/inventory', opener: button(/^Count /) },
  { name: 'add an organisation', path: '/directory', opener: button('Add organisation'), refuse: true },
  {
    name: 'add a contact',
    path: '/directory',
    before: async (page) => page.getByTestId('organisation-row').first().getByRole('button').first().click({ timeout: 10_000 }),
    opener: button('Add contact'),
  },
  {
    name: 'edit an organisation',
    path: '/directory',
    before: async (page) => page.getByTestId('organisation-row').first().getByRole('button').first().click({ timeout: 10_000 }),
    opener: (page) => page.getByTestId('organisation-detail').getByRole('button', { name: 'Edit', exact: true }).first(),
  },
  { name: 'add an agreement', path: '/directory', before: async (page) => page.getByRole('tab', { name: 'Agreements' }).click({ timeout: 10_000 }), opener: button('Add agreement') },
  // Requests
  { name: 'import EDXL-RM', path: '/requests', opener: button('Import EDXL-RM') },
  {
    name: 'a request step (approve)',
    path: '/requests',
    before: async (page) => {
      await page.locator('[data-testid="board-row"][data-status="submitted"]').first().click({ timeout: 10_000 });
      await page.getByTestId('request-number').waitFor({ timeout: 10_000 });
    },
    opener: testId('action-approve'),
    cancel: 'Back',
  },
  // Facility status
  { name: 'new status type', path: '/status?view=catalogue', opener: testId('new-status-type') },
  { name: 'edit a status type', path: '/status?view=catalogue', opener: (page) => page.getByTestId('status-catalogue').getByRole('button', { name: /^Edit / }).first() },
  // After-action
  { name: 'add a strength', path: '/aar', before: async (page) => page.getByTestId('tab-analysis').click({ timeout: 10_000 }), opener: testId('add-strength') },
  { name: 'add a corrective action', path: '/aar', before: async (page) => page.getByTestId('tab-plan').click({ timeout: 10_000 }), opener: (page) => page.getByTestId('aar-plan').locator('button:enabled').filter({ hasText: /^(Add corrective action|Edit)$/ }).first() },
  {
    name: 'an evidence drawer',
    path: '/aar',
    before: async (page) => page.getByTestId('tab-record').click({ timeout: 10_000 }),
    opener: testId('evidence-link'),
    cancel: null,
  },
  // The record
  { name: 'a timeline record drawer', path: '/timeline', opener: (page) => page.getByTestId('timeline-row').first(), cancel: null, focusBack: 'screen' },
];

const REQUEST_NOT_THERE = '0190aaaa-0000-7000-8000-000000000000';

export const STATES: StateCase[] = [
  ...(['grid', 'requests', 'charts', 'catalogue', 'exchange'] as const).map((v) => ({ name: `facility status: ${v}`, path: `/status?view=${v}`, shown: (page: Page) => page.getByRole('tab', { name: /./, selected: true }) })),
  { name: 'a new request form', path: '/requests?new=1', shown: (page) => page.getByTestId('request-form') },
  {
    name: 'a request refused on saving',
    path: '/requests?new=1',
    before: async (page) => page.getByTestId('save-request').click({ timeout: 10_000 }),
    shown: (page) => page.getByTestId('request-form').locator('[aria-invalid="true"], [role="alert"]').first(),
  },
  { name: 'a request that could not be read', path: `/requests?id=${REQUEST_NOT_THERE}`, shown: (page) => page.getByRole('alert').filter({ hasText: 'could not be read' }) },
  { name: 'a join code issued for another workstation', path: '/sync', before: async (page) => page.getByTestId('issue-join').click({ timeout: 10_000 }), shown: (page) => page.getByTestId('join-code') },
];
