import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { MAX_ITERATIONS, MAX_PORTFOLIO_ITERATIONS } from '../../../domain/fair/inputs.js';
import { compareControlOnRisk } from '../../../services/simulations/compare-control.js';
import { getSimulation } from '../../../services/simulations/get-simulation.js';
import { listRiskSimulations } from '../../../services/simulations/list-risk-simulations.js';
import { runWhatIfSimulation } from '../../../services/simulations/run-what-if-simulation.js';
import { simulateRisk } from '../../../services/simulations/simulate-risk.js';
import { startPortfolioSimulation } from '../../../services/simulations/start-portfolio-simulation.js';
import { serviceContext } from '../../context.js';
import { presentSimulation } from '../../presenters/simulation.js';
import { idParam, problemResponses } from '../../schemas.js';
import {
  compareBody,
  comparisonSchema,
  portfolioBody,
  runRiskSimulationBody,
  simulationBody,
  simulationListQuery,
  simulationPageSchema,
  simulationResultSchema,
  simulationSchema,
} from './schema.js';

const tags = ['FAIR simulations'];
const limit = (n: number) => n.toLocaleString('en');

export async function simulationRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post('/api/v1/simulations', {
    schema: {
      tags,
      summary: 'What-if FAIR simulation (not saved)',
      description: `Monte Carlo of annual loss from the FAIR inputs in the body, on a worker thread. At most ${limit(MAX_ITERATIONS)} iterations (simulated years). The same seed and inputs give the same answer. See docs/fair.md.`,
      body: simulationBody,
      response: { 200: simulationResultSchema, ...problemResponses },
    },
  }, async (request) => runWhatIfSimulation(serviceContext(request), request.body));

  api.post('/api/v1/simulations/portfolio', {
    schema: {
      tags,
      summary: 'Simulate every quantified risk together (portfolio)',
      description: `Answers 202 at once; the run goes on in worker threads. Follow it with GET /simulations/{id} or the live events simulation.progress and simulation.finished. At most ${limit(MAX_PORTFOLIO_ITERATIONS)} iterations. Risks whose saved inputs do not hold are left out and listed in inputs.skipped.`,
      body: portfolioBody,
      response: { 202: simulationSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const simulation = await startPortfolioSimulation(serviceContext(request), request.body);
    reply.code(202).header('location', `/api/v1/simulations/${simulation.id}`);
    return presentSimulation(simulation);
  });

  api.post('/api/v1/simulations/compare', {
    schema: {
      tags,
      summary: 'Before and after a proposed control: reduction in annual loss and return on control',
      description: `Before is \`inputs\` or the saved inputs of \`risk_id\`; both runs use the same seed. At most ${limit(MAX_ITERATIONS)} iterations. Nothing is saved.`,
      body: compareBody,
      response: { 200: comparisonSchema, ...problemResponses },
    },
  }, async (request) => compareControlOnRisk(serviceContext(request), request.body));

  api.get('/api/v1/simulations/:id', {
    schema: { tags, summary: 'One kept simulation (a risk run, or a portfolio with its progress and result)', params: idParam, response: { 200: simulationSchema, ...problemResponses } },
  }, async (request) => presentSimulation(await getSimulation(serviceContext(request), request.params.id)));

  api.post('/api/v1/risks/:id/simulations', {
    schema: {
      tags,
      summary: "Simulate a risk's saved FAIR inputs and keep the result",
      description: `Sets the risk's annual_loss_mean and annual_loss_p90 and re-scores it against the loss tolerance. 409 when the risk has no FAIR inputs. At most ${limit(MAX_ITERATIONS)} iterations.`,
      params: idParam,
      body: runRiskSimulationBody,
      response: { 201: simulationSchema, ...problemResponses },
    },
  }, async (request, reply) => {
    const simulation = await simulateRisk(serviceContext(request), request.params.id, request.body ?? {});
    reply.code(201).header('location', `/api/v1/simulations/${simulation.id}`);
    return presentSimulation(simulation);
  });

  api.get('/api/v1/risks/:id/simulations', {
    schema: { tags, summary: "A risk's kept simulations, newest first", params: idParam, querystring: simulationListQuery, response: { 200: simulationPageSchema, ...problemResponses } },
  }, async (request) => {
    const page = await listRiskSimulations(serviceContext(request), request.params.id, request.query);
    return { items: page.items.map(presentSimulation), next_cursor: page.next_cursor };
  });
}
