import { expect, it } from 'vitest';
import { describeApiOnEachEngine } from '../../support/test-app.js';

describeApiOnEachEngine('health, metrics, OpenAPI and headers', (t, engine) => {
  it('answers /healthz and /readyz without credentials', async () => {
    expect((await t().call('GET', '/healthz', { token: null })).json()).toEqual({ status: 'ok' });
    const ready = await t().call('GET', '/readyz', { token: null });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', engine });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await t().call('GET', '/api/v1/incidents');
    const metrics = await t().call('GET', '/metrics', { token: null });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toMatch(/bulwark_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/incidents",status="200"\} \d+/);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('serves an OpenAPI 3.1 document describing the incident endpoints and their problems', async () => {
    const doc = (await t().call('GET', '/api/openapi.json', { token: null })).json();
    expect(doc.openapi).toBe('3.1.0');
    const post = doc.paths['/api/v1/incidents'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['title', 'category']));
    expect(post.responses['201']).toBeDefined();
    expect(post.responses['400']).toBeDefined();
    expect(doc.paths['/api/v1/incidents/{id}/transitions'].post).toBeDefined();
    const docs = await t().call('GET', '/api/docs', { token: null });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('sends security headers and a strict CSP, and no-store on API answers', async () => {
    const res = await t().call('GET', '/api/v1/incidents');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
  });

  it('answers unknown API paths with a problem, not HTML', async () => {
    const res = await t().call('GET', '/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
