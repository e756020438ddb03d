import type { ReactFlowInstance } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { cloudBursting } from '@/core/examples';
import { designSchema } from '@/core/model';
import { buildPlan } from '@/core/plan';
import { wiringLabel } from '@/core/present';
import type { FlowNode } from '@/components/canvas/derive-flow';
import { sceneFromCanvas } from './canvas-scene';
import { TEST_PALETTE } from './test-palette';

const palette = TEST_PALETTE;

describe('sceneFromCanvas', () => {
  it('names the wiring chips as the editor does: egress is data sent over the secure link', () => {
    // The export said "Secure link" for a crossing's egress, where the editor's chip says what it is.
    const design = designSchema.parse(structuredClone(cloudBursting));
    const result = buildPlan(design);
    const flow = { getNodes: () => [] } as unknown as ReactFlowInstance<FlowNode>;
    const scene = sceneFromCanvas(flow, design, result, false, palette);
    const labels = scene.wiring.flatMap((w) => w.labels);
    expect(labels).toContain('Data sent over the secure link');
    expect(labels.sort()).toEqual(result.plan.wiring.map(wiringLabel).sort());
  });
});
