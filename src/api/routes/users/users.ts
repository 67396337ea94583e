import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addUser } from '../../../services/users/add-user.js';
import { listUsers } from '../../../services/users/list-users.js';
import { resetTwoFactor } from '../../../services/two-factor/reset-two-factor.js';
import { resetPassword } from '../../../services/users/reset-password.js';
import { updateUser } from '../../../services/users/update-user.js';
import { serviceContext } from '../../context.js';
import { presentUser } from '../../presenters/people.js';
import { etag, idParam, ifMatchHeaders, problemResponses, requiredVersion } from '../../schemas.js';
import { createUserBody, listUsersQuery, resetPasswordBody, updateUserBody, userSchema, userWithPasswordSchema } from './schema.js';

const tags = ['Users'];

export async function userRoutes(app: FastifyInstance) {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/api/v1/users', {
    schema: { tags, summary: 'List people', description: 'Everyone signed in may list people, to pick assignees and commanders.', querystring: listUsersQuery, response: { 200: z.object({ items: z.array(userSchema) }), ...problemResponses } },
  }, async (request) => {
    const users = await listUsers(serviceContext(request), { includeDisabled: request.query.include_disabled ?? false });
    return { items: users.map(presentUser) };
  });

  api.post('/api/v1/users', {
    schema: { tags, summary: 'Add a user (administrators)', body: createUserBody, response: { 201: userWithPasswordSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { user, oneTimePassword } = await addUser(serviceContext(request), request.body);
    reply.code(201).header('etag', etag(user.version)).header('location', `/api/v1/users/${user.id}`);
    return { user: presentUser(user), one_time_password: oneTimePassword };
  });

  api.patch('/api/v1/users/:id', {
    schema: { tags, summary: 'Change a user’s name, role or disabled state (administrators)', description: 'Needs the version you saw, as If-Match: "<version>" or a version field. The last active administrator can be neither demoted nor disabled (409).', params: idParam, headers: ifMatchHeaders, body: updateUserBody, response: { 200: userSchema, ...problemResponses } },
  }, async (request, reply) => {
    const { version, ...changes } = request.body;
    const expected = requiredVersion(request.headers['if-match'], version);
    const user = await updateUser(serviceContext(request), request.params.id, expected, changes);
    reply.header('etag', etag(user.version));
    return presentUser(user);
  });

  api.post('/api/v1/users/:id/reset-password', {
    schema: { tags, summary: 'Set a new password for someone (administrators)', description: 'Signs the user out everywhere.', params: idParam, body: resetPasswordBody.nullish(), response: { 200: userWithPasswordSchema, ...problemResponses } },
  }, async (request) => {
    const { user, oneTimePassword } = await resetPassword(serviceContext(request), request.params.id, request.body?.password);
    return { user: presentUser(user), one_time_password: oneTimePassword };
  });

  api.post('/api/v1/users/:id/reset-two-factor', {
    schema: { tags, summary: 'Take someone’s second factor away (administrators)', description: 'For a person who lost their phone and their recovery codes: they sign in with the password alone and set two-factor up again. Signs them out everywhere. 409 when they have none.', params: idParam, response: { 200: userSchema, ...problemResponses } },
  }, async (request) => presentUser(await resetTwoFactor(serviceContext(request), request.params.id)));
}
