import type { Placement } from '@/core/model/design';

export const PLACEMENT_LABELS: Record<Placement, string> = {
  static: 'Data centre',
  'elastic-vm': 'Elastic VMs',
  serverless: 'Serverless',
  burst: 'Burst (both)',
};
