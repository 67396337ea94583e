import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { createTask } from '../../../services/tasks/create-task.js';
import { listIncidentTasks } from '../../../services/tasks/list-incident-tasks.js';
import { listTasks } from '../../../services/tasks/list-tasks.js';
import { updateTask } from '../../../services/tasks/update-task.js';
import { serviceContext } from '../../context.js';
import { presentTask } from '../../presenters/task.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { createTaskBody, listTasksQuery, taskListSchema, taskPageSchema, taskSchema, updateTaskBody } from './schema.js';

const tags = ['Tasks'];

export async function taskRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: "An incident's tasks in list order", params: idParam, response: { 200: taskListSchema, ...problemResponses } },
  }, async (request) => ({ items: (await listIncidentTasks(serviceContext(request), request.params.id)).map(presentTask) }));

  api.post('/api/v1/incidents/:id/tasks', {
    schema: { tags, summary: 'Add a task to an incident', description: 'The task goes to the end of the list.', params: idParam, body: createTaskBody, response: { 201: taskSchema, ...problemResponses } },
  }, async (request, reply) => {
    const task = await createTask(serviceContext(request), request.params.id, request.body);
    reply.code(201).header('etag', etag(task.version)).header('location', `/api/v1/tasks/${task.id}`);
    return presentTask(task);
  });

  api.patch('/api/v1/tasks/:id', {
    schema: { tags, summary: 'Edit, complete or move a task', description: 'Needs the version you saw, as If-Match: "<version>" or a version field; answers 412 when someone changed it since.', params: idParam, headers: ifMatchHeaders, body: updateTaskBody, response: { 200: taskSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = requiredVersion(request.headers['if-match'], version);
    const task = await updateTask(serviceContext(request), request.params.id, expected, changes);
    reply.header('etag', etag(task.version));
    return presentTask(task);
  });

  api.get('/api/v1/tasks', {
    schema: { tags, summary: 'Tasks across incidents ("my tasks" with assignee=me)', description: 'Soonest due first, undated last; only tasks of incidents the caller may see.', querystring: listTasksQuery, response: { 200: taskPageSchema, ...problemResponses } },
  }, async (request) => {
    const { assignee, status, overdue, limit, cursor } = request.query;
    const page = await listTasks(serviceContext(request), { assignee, statuses: status, overdue, limit, cursor });
    return { items: page.items.map(presentTask), next_cursor: page.next_cursor };
  });
}
