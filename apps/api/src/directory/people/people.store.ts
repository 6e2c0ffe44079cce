import Database from 'better-sqlite3';
import { restrictDatabaseFile } from '#event-store';

export interface PersonDetails {
  personId: string;
  displayName: string;
  email?: string;
  phone?: string;
  updatedAt: string;
  updatedBy: string;
}

/**
 * People's names and contact details, kept apart from the hash-chained log (events name people by their directory id
 * only): a record can be corrected, and erased at the person's request. An erasure leaves who erased it and when, no data.
 */
export class PeopleStore {
  private readonly db: Database.Database;

  constructor(path: string) {
    restrictDatabaseFile(path);
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS people (
        person_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, email TEXT, phone TEXT, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erasures (person_id TEXT NOT NULL, erased_at TEXT NOT NULL, erased_by TEXT NOT NULL);`);
  }

  record(p: PersonDetails): void {
    this.db
      .prepare(
        `INSERT INTO people (person_id, display_name, email, phone, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (person_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email, phone = excluded.phone,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      )
      .run(p.personId, p.displayName, p.email ?? null, p.phone ?? null, p.updatedAt, p.updatedBy);
  }

  get(personId: string): PersonDetails | undefined {
    const r = this.db.prepare('SELECT * FROM people WHERE person_id = ?').get(personId) as Record<string, string | null> | undefined;
    if (!r) return undefined;
    return {
      personId: r['person_id']!,
      displayName: r['display_name']!,
      ...(r['email'] ? { email: r['email'] } : {}),
      ...(r['phone'] ? { phone: r['phone'] } : {}),
      updatedAt: r['updated_at']!,
      updatedBy: r['updated_by']!,
    };
  }

  /** Erases the record in one transaction; false when there was none. */
  erase(personId: string, at: string, by: string): boolean {
    return this.db.transaction(() => {
      const gone = this.db.prepare('DELETE FROM people WHERE person_id = ?').run(personId).changes > 0;
      if (gone) this.db.prepare('INSERT INTO erasures (person_id, erased_at, erased_by) VALUES (?, ?, ?)').run(personId, at, by);
      return gone;
    })();
  }

  close(): void {
    this.db.close();
  }
}

export const PEOPLE_STORE = Symbol('PEOPLE_STORE');
