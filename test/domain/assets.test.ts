import { describe, expect, it } from 'vitest';
import { dependencyCycle, JURISDICTIONS } from '../../src/domain/assets.js';

const edges = (...pairs: Array<[string, string]>) => pairs.map(([asset_id, depends_on_id]) => ({ asset_id, depends_on_id }));

describe('dependencyCycle', () => {
  it('allows an edge that keeps the graph acyclic, including diamonds', () => {
    const graph = edges(['shop', 'api'], ['api', 'db'], ['shop', 'cdn']);
    expect(dependencyCycle(graph, 'cdn', 'db')).toBeNull();
    expect(dependencyCycle(graph, 'shop', 'db')).toBeNull();
    expect(dependencyCycle([], 'a', 'b')).toBeNull();
  });

  it('names the chain an edge would close, from the asset back to itself', () => {
    const graph = edges(['shop', 'api'], ['api', 'db'], ['db', 'storage']);
    expect(dependencyCycle(graph, 'storage', 'shop')).toEqual(['storage', 'shop', 'api', 'db', 'storage']);
    expect(dependencyCycle(graph, 'db', 'api')).toEqual(['db', 'api', 'db']);
  });

  it('finds the shortest cycle when there are several', () => {
    const graph = edges(['b', 'c'], ['c', 'd'], ['d', 'a'], ['b', 'a']);
    expect(dependencyCycle(graph, 'a', 'b')).toEqual(['a', 'b', 'a']);
  });

  it('refuses a dependency on itself', () => {
    expect(dependencyCycle([], 'a', 'a')).toEqual(['a', 'a']);
  });
});

describe('jurisdictions', () => {
  it('are the 249 ISO 3166-1 alpha-2 codes and EU', () => {
    expect(JURISDICTIONS.size).toBe(250);
    for (const code of ['DE', 'FR', 'US', 'GB', 'EU', 'JP', 'BR']) expect(JURISDICTIONS.has(code), code).toBe(true);
    for (const code of ['UK', 'XX', 'de', 'EUR']) expect(JURISDICTIONS.has(code), code).toBe(false);
  });
});
