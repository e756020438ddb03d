'use client';
/**
 * Importing a design file: read, parse and validate in the browser with the same schema the server
 * uses (so problems show at once, with their paths), then create it through the API, which validates
 * again. A bad file creates nothing.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { readDesignFile, type Problem } from '@/core/model';
import { problemsOfError, useTRPC } from '@/components/trpc/client';

const MAX_FILE_BYTES = 10 * 1024 * 1024;

export interface ImportFailure {
  fileName: string;
  problems: Problem[];
}

export function useDesignImport(onImported: (id: string, name: string) => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const create = useMutation(trpc.designs.create.mutationOptions());

  async function importFile(file: File) {
    setFailure(null);
    const fail = (problems: Problem[]) => setFailure({ fileName: file.name, problems });
    if (file.size > MAX_FILE_BYTES) {
      return fail([{ path: '', message: `the file is ${(file.size / 1048576).toFixed(1)} MB; the limit is 10 MB` }]);
    }
    // Parsed, loaded and migrated here (problems shown at once) and loaded again on the server.
    const migrated = readDesignFile(await file.text());
    if (!migrated.ok) return fail(migrated.problems);
    try {
      const created = await create.mutateAsync({ from: 'import', document: migrated.value });
      await queryClient.invalidateQueries({ queryKey: trpc.designs.list.queryKey() });
      onImported(created.id, created.name);
    } catch (error) {
      fail(problemsOfError(error) ?? [{ path: '', message: (error as Error).message }]);
    }
  }

  return { importFile, failure, clearFailure: () => setFailure(null), isImporting: create.isPending };
}
