/** Whose view a pack is built for: asked of the access table, for the CLI and the packs alike. */
import { editionRole } from '../edition-access';
import { packView } from '../view';

describe('editionRole (npm run briefing --role)', () => {
  it('defaults to the role that holds the edition', () => {
    expect(editionRole('restricted')).toBe('police');
    expect(editionRole('PARTNER')).toBe('lead');
  });

  it('refuses a role the table does not give the edition, naming the field and who holds it', () => {
    expect(() => editionRole('restricted', 'lead')).toThrow('role: lead may not build the restricted edition (the access matrix gives it to police)');
    expect(() => editionRole('partner', 'admin')).toThrow(/role: admin may not build the partner edition/);
    expect(() => editionRole('partner', 'boss')).toThrow(/role: must be one of analyst, police/);
    expect(() => editionRole('public')).toThrow(/edition: must be one of restricted, partner/);
  });
});

describe('packView', () => {
  it('the restricted edition for police: names, named persons of concern, only code 4 left out', () => {
    expect(packView('restricted', 'police')).toEqual({ names: 'names', pocNames: true, hiddenHandling: ['4'] });
  });

  it('the restricted edition is read as police read it, whoever builds it: pseudonyms for a lead author', () => {
    expect(packView('restricted', 'lead')).toEqual({ names: 'pseudonyms', pocNames: false, hiddenHandling: ['4'] });
  });

  it('a role that consults no data gets no names', () => {
    expect(packView('restricted', 'admin').names).toBe('none');
  });

  it('the partner edition names nobody and leaves out every restricted code, whoever builds it', () => {
    for (const role of ['police', 'lead'] as const) {
      expect(packView('partner', role)).toEqual({ names: 'none', pocNames: false, hiddenHandling: ['C', '4', '5'] });
    }
  });
});
