/** The app's router: one sub-router per entity. The UI imports only the AppRouter type. */
import { designsRouter } from './routers/designs';
import { createCallerFactory, router } from './trpc';

export const appRouter = router({
  designs: designsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
