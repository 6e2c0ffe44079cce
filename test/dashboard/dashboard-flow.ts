import type { ApiHarness } from '../support/api-harness.js';
import { educationIntention, healthIntention } from '../support/demo-fixtures.js';
import { WITHOUT_COMMITTEE, deciderClaims } from '../support/validated-project.js';

/** Drives projects through the real HTTP API, as the people using Refonda would. */
export class DashboardFlow {
  constructor(
    private readonly api: ApiHarness,
    readonly holder: string,
    readonly validator: string,
    readonly healthValidator: string,
    /** Workflow v2's decider of the Meuse's education projects: the recteur of Nancy-Metz. */
    readonly decider: string,
  ) {}

  static async start(api: ApiHarness): Promise<DashboardFlow> {
    return new DashboardFlow(
      api,
      await api.token({ role: 'holder', sub: 'holder-meuse' }),
      await api.token({ role: 'validator', sub: 'instructeur-nancy-metz', scope: { academies: ['12'] } }),
      await api.token({ role: 'validator', sub: 'instructeur-ars-grand-est', scope: { regions: ['44'] } }),
      await api.token(deciderClaims('education', '12')),
    );
  }

  async declare(program: 'education' | 'health' = 'education', title?: string): Promise<{ id: string; position: string }> {
    const res = await this.api.request('POST', '/projects', {
      token: this.holder,
      body: program === 'education' ? educationIntention(title) : healthIntention(title),
    });
    if (res.status !== 201) throw new Error(`declare: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.projectId, position: res.body.position };
  }

  async run(id: string, command: string, body: Record<string, unknown> = {}, token = this.validator): Promise<string> {
    const res = await this.api.request('POST', `/projects/${id}/${command}`, { token, body });
    if (res.status !== 200) throw new Error(`${command}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.position as string;
  }

  /** intention → drafting → complete dossier → submitted. */
  async deposit(program: 'education' | 'health' = 'education', title?: string): Promise<string> {
    const { id } = await this.declare(program, title);
    await this.run(id, 'start_drafting', {}, this.holder);
    const edit = await this.api.request('PATCH', `/projects/${id}`, {
      token: this.holder,
      body: { requestedAmountCents: 1_200_000, budgetLines: [{ label: 'Matériel', amountCents: 1_500_000 }] },
    });
    if (edit.status !== 200) throw new Error(`edit: ${edit.status} ${JSON.stringify(edit.body)}`);
    await this.run(id, 'submit', {}, this.holder);
    return id;
  }

  /** The instructeur starts and closes the analysis (workflow v2): the dossier awaits the decision. */
  async analysed(id: string): Promise<string> {
    await this.run(id, 'start_analysis');
    return this.run(id, 'complete_analysis', { reason: 'Instruction close : dossier complet' });
  }

  /** A decision the recteur signs (validate, reject, return_to_instruction), taken without a commission proposal. */
  async decide(id: string, command: string, body: Record<string, unknown>): Promise<string> {
    return this.run(id, command, { departureReason: WITHOUT_COMMITTEE, ...body }, this.decider);
  }

  async validated(grantedAmountCents = 1_000_000): Promise<{ id: string; position: string }> {
    const id = await this.deposit();
    await this.analysed(id);
    const position = await this.decide(id, 'validate', { reason: 'Projet conforme au cahier des charges du FIP', grantedAmountCents });
    return { id, position };
  }
}
