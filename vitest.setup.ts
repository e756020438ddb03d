// Every test process plans with the same MIP solver as the command line and the editor's worker.
import { registerHighs } from './core/cli/register-highs';

await registerHighs();
