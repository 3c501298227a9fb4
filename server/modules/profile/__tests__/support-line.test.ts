import { supportLine } from '../support-line';

describe('supportLine', () => {
  it('reads the programme, provider, status, dates and outcome in words', () => {
    expect(supportLine({
      programme: 'MENTORING', provider: 'Example Youth Service', supportStatus: 'ended',
      startedOn: '2025-03-03', endedOn: '2025-06-30', supportOutcome: 'goals_partly_met', summary: 'Plan agreed with carer',
    })).toBe('Mentoring (Example Youth Service): ended; started 2025-03-03; ended 2025-06-30; outcome: plan goals partly met. Plan agreed with carer');
  });

  it('says only what is recorded', () => {
    expect(supportLine({ programme: 'EARLY_HELP', supportStatus: 'offered' })).toBe('Early Help: offered');
  });
});
