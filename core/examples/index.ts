/** The three example designs seeded on first start, one per pattern of PRODUCT.md. */
import { cloudBursting } from './cloud-bursting';
import { hybridBackend } from './hybrid-backend';
import { hybridServerless } from './hybrid-serverless';
import type { DesignInput } from '../model/design';

export { cloudBursting, hybridBackend, hybridServerless };

export const EXAMPLE_DESIGNS: readonly { key: string; design: DesignInput }[] = [
  { key: 'hybrid-backend', design: hybridBackend },
  { key: 'hybrid-serverless', design: hybridServerless },
  { key: 'cloud-bursting', design: cloudBursting },
];
