/** Real codes for end-to-end tests: Meuse (55) in Grand Est (44), académie de Nancy-Metz (12). */
export const MEUSE = { region: '44', departement: '55', communeCode: '55029', academie: '12', cts: 'CTS-44-55' };
export const SCHOOL_UAI = '0550001C';
export const HEALTH_FINESS = '550000012';

export const educationIntention = (title = 'Un jardin pédagogique partagé à Bar-le-Duc') => ({
  program: 'education',
  title,
  description: 'Concertation Notre école, faisons-la ensemble : élèves, parents, commune.',
  territory: { region: MEUSE.region, departement: MEUSE.departement, communeCode: MEUSE.communeCode, academie: MEUSE.academie },
  holder: { organisationId: SCHOOL_UAI, name: 'École de Bar-le-Duc' },
  partners: [{ name: 'Commune de Bar-le-Duc', kind: 'collectivite' }],
});

export const healthIntention = (title = 'Maison de santé pluriprofessionnelle : accès aux soins non programmés') => ({
  program: 'health',
  title,
  description: 'CNR santé, Meuse : permanence de soins portée par une MSP.',
  territory: { region: MEUSE.region, departement: MEUSE.departement, communeCode: MEUSE.communeCode, cts: MEUSE.cts },
  holder: { organisationId: HEALTH_FINESS, name: 'MSP du Barrois' },
});
