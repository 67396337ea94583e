/** The users' use cases, one per file; re-exported here for the command line and older importers. */
export { addUser, type NewUser } from './add-user.js';
export { changeOwnPassword } from './change-own-password.js';
export { listUsers } from './list-users.js';
export { resetPassword } from './reset-password.js';
export { updateUser, type UserChanges } from './update-user.js';
export { toUserRecord, type UserRecord } from './user-record.js';
