import { SCHOOL_LEVELS, SCHOOL_LEVEL_LABELS } from '#projections';
import { academieOfDepartement, territoryLabel } from '#territories';

/**
 * The funnel counting changed on purpose since v1 (issue 14 §7), mapped explicitly from v1's answers and the v1 log:
 * - education intentions count schools (distinct holder UAI, each in the territory of its first project), not projects;
 * - v1's `to_analyse` is split into `to_analyse` (submitted) and `under_analysis` (under_analysis, cts_review);
 * - a health project is counted in its département's académie (v1 left it out of the académie level), and the CTS level
 *   has a row '' for the projects without a CTS (v1 left the education projects out of it);
 * - the education figures per school level are new: this log registers no organisation, so every school is 'unknown'.
 * Every other figure compares exactly; the mapping checks that v1's own counts are what it assumes.
 */
type Figures = Record<string, number>;
interface Counted {
  program: string;
  holder: string;
  region: string;
  academie: string;
  departement: string;
  cts: string;
  state: string;
}
interface V1Event {
  position: string;
  streamId: string;
  type: string;
  data: Record<string, any>;
}
export type Scope = Partial<Omit<Counted, 'holder' | 'state'>>;

export class V1Counting {
  private readonly projects: Counted[];
  /** Education projects, one per school: the first that engaged it. */
  private readonly firstOfSchool: Counted[];

  constructor(log: V1Event[], position?: bigint) {
    const byStream = new Map<string, Counted>();
    for (const e of log) {
      if (position !== undefined && BigInt(e.position) > position) break;
      if (e.type === 'project.intention_declared') {
        const t = e.data['territory'];
        const academie = t.academie ?? academieOfDepartement(t.departement)!.code;
        const cts = t.cts ?? '';
        const cell = { region: t.region, academie, departement: t.departement, cts };
        byStream.set(e.streamId, { program: e.data['program'], holder: e.data['holder'].organisationId, ...cell, state: 'intention' });
      } else if (e.type === 'project.transitioned') byStream.get(e.streamId)!.state = e.data['to'];
    }
    this.projects = [...byStream.values()];
    const seen = new Set<string>();
    this.firstOfSchool = this.projects.filter((p) => p.program === 'education' && !seen.has(p.holder) && seen.add(p.holder));
  }

  private within(scope: Scope): Counted[] {
    return this.projects.filter((p) => Object.entries(scope).every(([k, v]) => p[k as keyof Scope] === v));
  }

  /** A v1 figures object of `scope` as counted now. */
  figures(v1: Figures, scope: Scope): Figures {
    const projects = this.within(scope);
    const count = (...states: string[]) => projects.filter((p) => states.includes(p.state)).length;
    const submitted = count('submitted');
    const instructing = count('under_analysis', 'cts_review');
    if (v1['intentions'] !== projects.length || v1['to_analyse'] !== submitted + instructing) {
      throw new Error(`v1 figures of ${JSON.stringify(scope)} are not what the mapping assumes: ${JSON.stringify(v1)}`);
    }
    const schools = this.firstOfSchool.filter((p) => projects.includes(p)).length;
    const health = projects.filter((p) => p.program === 'health').length;
    return { ...v1, intentions: schools + health, to_analyse: submitted, under_analysis: instructing };
  }

  /** v1's health figures within an académie (v1 counted none there): its région's, when all of them lie in that académie. */
  healthOfAcademie(code: string, v1: Figures, healthByRegion: Row[]): Figures {
    const regions = new Set(this.within({ program: 'health', academie: code }).map((p) => p.region));
    if (regions.size === 0) return v1;
    const [region] = [...regions] as [string];
    if (regions.size > 1 || this.within({ program: 'health', region }).some((p) => p.academie !== code)) {
      throw new Error(`the health projects of académie ${code} are not those of one région`);
    }
    return healthByRegion.find((r) => r.code === region)!.figures;
  }

  /** The education figures per school level in `scope`: no organisation is registered in this log. */
  schoolLevels(education: Figures, scope: Scope): object[] {
    const schools = this.firstOfSchool.filter((p) => this.within(scope).includes(p)).length;
    return SCHOOL_LEVELS.map((level) => {
      const unknown = level === 'unknown';
      const [deposited, validated] = unknown ? [education['deposited'], education['validated']] : [0, 0];
      return { level, label: SCHOOL_LEVEL_LABELS[level], intentions: unknown ? schools : 0, deposited, validated };
    });
  }

  /** v1's rows of one territory level (no program filter unless `program`) as counted now. */
  rows(level: keyof Scope, v1Rows: Row[], healthByRegion: Row[], education: Figures, program?: string): Row[] {
    const rows = v1Rows.map((r) => ({ ...r }));
    if (level === 'academie' && program !== 'education') {
      // v1 had no health project under an académie: each région's health row goes to the one académie its projects lie in.
      for (const h of healthByRegion) {
        const academies = new Set(this.within({ program: 'health', region: h.code }).map((p) => p.academie));
        if (academies.size !== 1) throw new Error(`health projects of région ${h.code} lie in ${academies.size} académies`);
        const [code] = [...academies] as [string];
        const row = rows.find((r) => r.code === code);
        if (row) row.figures = sum(row.figures, h.figures);
        else rows.push({ level, code, label: territoryLabel('academie', code)!, region: h.code, figures: h.figures });
      }
    }
    if (level === 'cts' && program !== 'health') {
      if (this.within({ program: 'health', cts: '' }).length) throw new Error('a health project of the v1 log has no CTS');
      rows.push({ level, code: '', label: 'Territoire de santé (CTS) non renseigné', region: this.firstRegion(), figures: education });
    }
    rows.sort((a, b) => (a.code === '' ? 1 : b.code === '' ? -1 : a.code < b.code ? -1 : 1));
    return rows.map((r) => ({ ...r, figures: this.figures(r.figures, { ...(program ? { program } : {}), [level]: r.code }) }));
  }

  /** The smallest région of the education projects (the '' CTS row's `region`, min(region) of its cells). */
  private firstRegion(): string {
    return this.within({ program: 'education' })
      .map((p) => p.region)
      .sort()[0]!;
  }
}

export interface Row {
  level: string;
  code: string;
  label: string;
  region: string;
  figures: Figures;
}

const sum = (a: Figures, b: Figures): Figures => Object.fromEntries(Object.keys(a).map((k) => [k, a[k]! + (b[k] ?? 0)]));
