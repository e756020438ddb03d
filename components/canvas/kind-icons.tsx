/** One clear icon per component kind (24 px grid, stroke icons so they read in both themes). */
import type { ComponentKind, WiringKind } from '@/core/model';

const paths: Record<ComponentKind | WiringKind, string> = {
  ui: 'M3 5h18v12H3zM8 21h8M12 17v4',
  service: 'M4 6h16v5H4zM4 13h16v5H4zM7 8.5h.01M7 15.5h.01',
  processing: 'M9 3v3M15 3v3M9 18v3M15 18v3M3 9h3M3 15h3M18 9h3M18 15h3M6 6h12v12H6zM10 10h4v4h-4z',
  batch: 'M12 7v5l3 2M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z',
  'data-access': 'M4 12h10M10 8l4 4-4 4M18 5v14',
  database:
    'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  storage: 'M3 7l9-4 9 4-9 4zM3 12l9 4 9-4M3 17l9 4 9-4',
  queue: 'M3 8h4v8H3zM10 8h4v8h-4zM17 8h4v8h-4z',
  external: 'M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18zM3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18',
  'api-gateway': 'M4 4h16v16H4zM9 9h6v6H9zM4 12h5M15 12h5',
  'traffic-manager': 'M12 3v6M12 9l-6 6M12 9l6 6M6 15v5M18 15v5M12 3h.01',
  'compliant-replication': 'M12 3l7 3v6c0 4-3 7.5-7 9-4-1.5-7-5-7-9V6zM9 12l2 2 4-4',
  'secure-link': 'M7 11V8a5 5 0 0 1 10 0v3M5 11h14v10H5zM12 15v2',
};

export function KindIcon({ kind, size = 18 }: { kind: ComponentKind | WiringKind; size?: number }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[kind]} />
    </svg>
  );
}
