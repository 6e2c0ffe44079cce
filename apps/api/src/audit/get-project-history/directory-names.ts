import type { QueryBus } from '@nestjs/cqrs';
import { type DirectoryNames, actorOf, namesFrom } from '#audit';
import type { RecordedEvent } from '#event-store';
import type { Actor } from '#kernel';
import { GetOrganisation } from '../../directory/get-organisation/get-organisation.query.js';
import { GetPerson } from '../../directory/people/get-person.js';

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/**
 * The names of the people and organisations `events` name by id, read from the directory at read time (through the
 * QueryBus). A person erased at their request, or never recorded, and an organisation not registered, get no name: the
 * history shows their id; a directory that cannot answer does not fail the history.
 */
export async function directoryNamesOf(queries: QueryBus, events: readonly RecordedEvent[], principal: Actor): Promise<DirectoryNames> {
  const people = new Set<string>();
  const organisations = new Set<string>();
  for (const e of events) {
    const { who, role } = actorOf(e);
    if (who && role !== 'system') people.add(who);
    const d = (e.data ?? {}) as Record<string, unknown>;
    const countersigner = e.type === 'award_act.countersigned' ? str(d['organisationId']) : null;
    if (countersigner) organisations.add(countersigner);
  }
  const [personNames, organisationNames] = await Promise.all([
    lookUp([...people], (id) => queries.execute(new GetPerson(id, principal)).then((p) => p.displayName)),
    lookUp([...organisations], (id) => queries.execute(new GetOrganisation(id, principal)).then((o) => o.name)),
  ]);
  return namesFrom(personNames, organisationNames);
}

async function lookUp(ids: string[], read: (id: string) => Promise<string | undefined>): Promise<Map<string, string>> {
  const found = await Promise.all(
    ids.map((id) =>
      read(id).then(
        (name) => (name ? ([id, name] as const) : undefined),
        () => undefined,
      ),
    ),
  );
  return new Map(found.filter((f) => f !== undefined));
}
