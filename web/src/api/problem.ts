/** An RFC 9457 problem the API answered with, as an Error the UI can show in a responder's words. */
export interface ProblemBody {
  type?: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ path: string; message: string }>;
  current_version?: number;
  [extension: string]: unknown;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: Array<{ path: string; message: string }>;
  readonly body: ProblemBody;

  constructor(body: ProblemBody) {
    super(body.detail || body.title);
    this.name = 'ApiProblem';
    this.status = body.status;
    this.title = body.title;
    this.detail = body.detail;
    this.errors = body.errors ?? [];
    this.body = body;
  }

  get isConflict(): boolean {
    return this.status === 412;
  }

  /** The message for one field, when the server named it (path like "body.title" or "title"). */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.path === field || e.path.endsWith(`.${field}`))?.message;
  }
}
