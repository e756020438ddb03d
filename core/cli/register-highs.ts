/**
 * Registers HiGHS (the `highs` package's WebAssembly build) as the joint search's MIP solver in Node:
 * the command line and the test setup call it once before planning. Node reads the .wasm file next
 * to the package's loader by itself.
 */
import loadHighs from 'highs';
import { highsMipSolver, registerMipSolver } from '../recommend/mip-solver';

export async function registerHighs(): Promise<void> {
  const highs = await loadHighs();
  registerMipSolver(highsMipSolver(highs));
}
