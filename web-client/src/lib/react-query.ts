import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '@/api/errors';

export function crearQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (intentos, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return intentos < 2;
        },
      },
      mutations: { retry: false },
    },
  });
}
