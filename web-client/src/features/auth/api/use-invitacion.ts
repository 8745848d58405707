import { useQuery } from '@tanstack/react-query';
import { api, ok } from '@/api/client';
import { claves } from '@/api/claves';

export function useInvitacion(token: string) {
  return useQuery({
    queryKey: claves.invitacion(token),
    queryFn: () => ok(api.GET('/api/v1/auth/invitaciones/{token}', { params: { path: { token } } })),
    enabled: token.length > 0,
    retry: false,
  });
}
