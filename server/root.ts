/** The app's router: one sub-router per entity. The UI imports only the AppRouter type. */
import { designsRouter } from './routers/designs';
import { plansRouter } from './routers/plans';
import { sharesRouter } from './routers/shares';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  designs: designsRouter,
  shares: sharesRouter,
  plans: plansRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
