import type { OwnMilestone } from '../../electron/core/milestone';
import { ownMilestoneSchema } from '../../electron/core/milestone-schema';
import { applyProgressPatch } from '../support/log';
import { EMPTY_STATE, type UserState } from '../../electron/core/user-state';

/** Own milestones whose text needs escaping in iCal: commas, semicolons, quotes, backslashes, accents. */
export const TRICKY_OWN: OwnMilestone[] = [
  ownMilestoneSchema.parse({
    id: 'own-national-plan',
    own: true,
    chapter: 'act',
    section: 'Nationaal; plan, "fase 1"',
    title: {
      nl: 'Nationaal plan, budget; "fase 1" – één café à la carte',
      en: 'National plan, budget; "phase 1" – naïve café, Zürich',
    },
    datePhrase: 'uiterlijk medio 2026',
    kind: 'deadline',
    start: '2024-01-01',
    due: '2026-06-30',
    window: { from: '2026-05-01', to: '2026-06-30' },
    recurrence: null,
    actor: 'NL \\ MinDef',
    note: 'Regel één\nRegel twee, met komma; en puntkomma',
  }),
  ownMilestoneSchema.parse({
    id: 'own-yearly-report',
    own: true,
    chapter: 'partners',
    section: 'Partners: "rapportage"',
    title: { nl: 'Jaarverslag aan de Kamer; “Kompas”', en: 'Yearly report to Parliament; “Compass”' },
    datePhrase: null,
    kind: 'recurring',
    start: null,
    due: null,
    window: null,
    recurrence: { everyYears: 1, first: '2026-03-31' },
    actor: 'NL',
  }),
  ownMilestoneSchema.parse({
    id: 'own-start-cyber',
    own: true,
    chapter: 'secure',
    section: 'Cyber',
    title: { nl: 'Start cyberoefening, fase "ß"', en: 'Cyber exercise starts, phase "ß"' },
    datePhrase: null,
    kind: 'start',
    start: '2026-09-15',
    due: null,
    window: null,
    recurrence: null,
    actor: 'NL',
  }),
];

/** A state with own milestones and a few statuses, changed at fixed instants. */
export function stateWithStatuses(base: UserState = EMPTY_STATE): UserState {
  let state: UserState = { ...base, ownMilestones: TRICKY_OWN };
  state = applyProgressPatch(
    state,
    'own-national-plan',
    { status: 'in-progress' },
    new Date('2025-02-01T10:00:00Z'),
  );
  state = applyProgressPatch(
    state,
    'own-start-cyber',
    { status: 'achieved', achievedOn: '2025-03-01' },
    new Date('2025-03-02T08:00:00Z'),
  );
  return state;
}
