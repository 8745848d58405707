import { AppLayout } from '@/components/layouts/app-layout';
import { RequiereSesion } from '@/components/auth/requiere-sesion';

export function Protegido() {
  return (
    <RequiereSesion>
      <AppLayout />
    </RequiereSesion>
  );
}
