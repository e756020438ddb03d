import { describe, expect, it } from 'vitest';
import { checkComponentDrafts, componentDrafts, withPattern, type ComponentDrafts } from './component-draft';
import { checkConnectionDrafts, connectionDrafts } from './connection-draft';
import { componentSchema, connectionSchema } from '../model/design';
import { inFormWords, sameValue } from './field-drafts';

const web = componentSchema.parse({
  id: 'web',
  name: 'Storefront',
  kind: 'ui',
  workload: { pattern: 'periodic', baseRps: 20, peakRps: 200, periodHours: 24, peakHours: 3, peakStartHour: 18 },
  demand: { cpuMs: 50 },
  latencySloMs: 300,
});
const edit = (patch: Partial<ComponentDrafts>, days = 30) =>
  checkComponentDrafts(web, { ...componentDrafts(web), ...patch }, days);

describe('component drafts', () => {
  it('round-trips a stored component unchanged', () => {
    const r = edit({});
    expect(r.ok).toBe(true);
    expect(r.ok && sameValue(r.value, web)).toBe(true);
  });

  it('commits a valid edit with the number parsed', () => {
    const r = edit({ peakRps: ' 250 ' });
    expect(r.ok && r.value.workload?.peakRps).toBe(250);
  });

  it('reads thousands written with separators, and says how to write a decimal comma', () => {
    const r = edit({ peakRps: '1,000' });
    expect(r.ok && r.value.workload?.peakRps).toBe(1000);
    expect(edit({ cpuMs: '2,5' }).errors.cpuMs).toBe('must be a number: write decimals with a point (2.5)');
    expect(edit({ baseRps: '0x10' }).errors.baseRps).toBe('must be a number');
  });

  it('reports a peak below the base at the peak field, in words', () => {
    const r = edit({ peakRps: '10' });
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual({ peakRps: 'must be at least the base load (20 req/s)' });
  });

  it('reports text that is not a number, and bounds in words', () => {
    expect(edit({ baseRps: '12abc' }).errors.baseRps).toBe('must be a number');
    expect(edit({ baseRps: '-1' }).errors.baseRps).toBe('must be at least 0');
    expect(edit({ cpuMs: '0' }).errors.cpuMs).toBe('must be greater than 0');
    expect(edit({ memoryMb: '100' }).errors.memoryMb).toBe('must be at least 128');
    expect(edit({ memoryMb: '512.5' }).errors.memoryMb).toBe('must be a whole number');
    expect(edit({ noise: '2' }).errors.noise).toBe('must be at most 1');
    expect(edit({ name: '   ' }).errors.name).toBe('must not be empty');
    expect(edit({ cpuMs: '' }).errors.cpuMs).toBe('required');
  });

  it('offers the workload for the preview while an unrelated field is invalid', () => {
    const r = edit({ peakRps: '300', cpuMs: '0' });
    expect(r.ok).toBe(false);
    expect(r.workload?.peakRps).toBe(300);
    expect(edit({ peakRps: '3' }).workload).toBeUndefined();
  });

  it('checks cross-field rules of the pattern', () => {
    expect(edit({ peakHours: '30' }).errors.peakHours).toBe('must not exceed the period (24 hours)');
    expect(edit({ peakStartHour: '24' }).errors.peakStartHour).toBe('must be less than the period (24 hours)');
  });

  it('keeps only the fields the pattern uses, and restores them when switched back', () => {
    const drafts = withPattern(componentDrafts(web), 'static');
    const r = checkComponentDrafts(web, drafts, 30);
    expect(r.ok && r.value.workload).toEqual({ pattern: 'static', baseRps: 20, noise: 0 });
    const back = checkComponentDrafts(web, withPattern(drafts, 'periodic'), 30);
    expect(back.ok && sameValue(back.value, web)).toBe(true);
  });

  it('a hidden field with a bad draft does not block the pattern that ignores it', () => {
    expect(edit({ pattern: 'static', peakRps: 'oops' }).ok).toBe(true);
  });

  it('choosing a peaked pattern from none makes a valid workload', () => {
    const none = checkComponentDrafts(web, withPattern(componentDrafts(web), ''), 30);
    expect(none.ok && none.value.workload).toBeUndefined();
    const bare = componentSchema.parse({ id: 'q', name: 'Queue', kind: 'queue', demand: { cpuMs: 1 } });
    const r = checkComponentDrafts(bare, withPattern(componentDrafts(bare), 'unpredictable'), 30);
    expect(r.ok && r.value.workload).toEqual({ pattern: 'unpredictable', baseRps: 10, peakRps: 50, noise: 0 });
  });

  it('switching a single peak to periodic folds its start into the period', () => {
    const once = componentSchema.parse({
      ...web,
      workload: { pattern: 'once-in-a-lifetime', baseRps: 40, peakRps: 600, peakHours: 30, peakStartHour: 272 },
    });
    const drafts = withPattern(componentDrafts(once), 'periodic');
    expect([drafts.peakStartHour, drafts.peakHours]).toEqual(['8', '24']);
    expect(checkComponentDrafts(once, drafts, 30).ok).toBe(true);
  });

  it('checks a single peak against the horizon', () => {
    const r = edit({ pattern: 'once-in-a-lifetime', peakStartHour: '800' }, 30);
    expect(r.errors.peakStartHour).toBe('must be before the end of the 30-day horizon (hour 720)');
    expect(edit({ pattern: 'once-in-a-lifetime', peakStartHour: '800' }, 60).ok).toBe(true);
    // Past the schema's own bound too, the limit said is the horizon's, not the schema's 2,160.
    expect(edit({ pattern: 'once-in-a-lifetime', peakStartHour: '5000' }, 30).errors.peakStartHour).toBe(
      'must be before the end of the 30-day horizon (hour 720)',
    );
    // Other refusals of the field stay as they are.
    expect(edit({ pattern: 'once-in-a-lifetime', peakStartHour: 'soon' }, 30).errors.peakStartHour).not.toContain(
      'horizon',
    );
    expect(edit({ pattern: 'once-in-a-lifetime', peakStartHour: '-5' }, 30).errors.peakStartHour).not.toContain(
      'horizon',
    );
  });

  it('pins: cores only for static and burst, empty optional fields omitted', () => {
    const r = edit({ pinPlacement: 'static', pinCores: '4', latencySloMs: '' });
    expect(r.ok && r.value.pin).toEqual({ placement: 'static', cores: 4 });
    expect(r.ok && 'latencySloMs' in r.value).toBe(false);
    const s = edit({ pinPlacement: 'serverless', pinCores: '4' });
    expect(s.ok && s.value.pin).toEqual({ placement: 'serverless' });
    expect(edit({ pinPlacement: 'static', pinCores: '0' }).errors.pinCores).toBe('must be at least 1');
  });

  it('keeps a measured trace the form does not edit', () => {
    const traced = componentSchema.parse({
      ...web,
      workload: { pattern: 'static', baseRps: 1, trace: { stepMinutes: 5, rps: [1, 2] } },
    });
    const r = checkComponentDrafts(traced, componentDrafts(traced), 30);
    expect(r.ok && r.value.workload?.trace?.rps).toEqual([1, 2]);
  });
});

describe('connection drafts', () => {
  const c = connectionSchema.parse({
    id: 'c1',
    from: 'web',
    to: 'orders',
    mode: 'sync',
    callsPerRequest: 1,
    payloadKb: 4,
  });
  it('commits valid edits and keeps the endpoints', () => {
    const r = checkConnectionDrafts(c, { ...connectionDrafts(c), mode: 'async', callsPerRequest: '2.5' });
    expect(r.ok && r.value).toEqual({ ...c, mode: 'async', callsPerRequest: 2.5 });
  });
  it('reports bad and empty values at their fields', () => {
    expect(checkConnectionDrafts(c, { ...connectionDrafts(c), callsPerRequest: '-2' }).errors).toEqual({
      callsPerRequest: 'must be at least 0',
    });
    expect(checkConnectionDrafts(c, { ...connectionDrafts(c), payloadKb: '' }).errors).toEqual({
      payloadKb: 'required',
    });
  });
});

describe('sameValue', () => {
  it('ignores key order and undefined keys', () => {
    expect(sameValue({ a: 1, b: undefined, c: [1, { d: 2 }] }, { c: [1, { d: 2 }], a: 1 })).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
  });
});

describe('inFormWords', () => {
  it('names a workload field as its label does, with its unit after the value', () => {
    expect(inFormWords('must be at least baseRps (50)')).toBe('must be at least the base load (50 req/s)');
    expect(inFormWords('must not exceed periodHours (168)')).toBe('must not exceed the period (168 hours)');
    // A kind of number is no unit: the value alone.
    expect(inFormWords('must exceed growthPerMonth (0.1)')).toBe('must exceed the growth per month (0.1)');
  });
  it('leaves words that name no form field as they are', () => {
    expect(inFormWords('must be before the end of the 30-day horizon (hour 720)')).toBe(
      'must be before the end of the 30-day horizon (hour 720)',
    );
    expect(inFormWords('required for the periodic pattern')).toBe('required for the periodic pattern');
  });
});
