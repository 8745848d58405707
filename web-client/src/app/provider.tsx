import { MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, useIsFetching, useIsMutating } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import 'dayjs/locale/es';
import { AuthProvider } from '@/lib/auth';
import { crearQueryClient } from '@/lib/react-query';
import { tema, variablesAccesibles } from '@/app/tema';

// DateInput parses what a person types with dayjs(texto, valueFormat): without this plugin dayjs ignores
// the format and "28-02-2026" (DD-MM-YYYY) is not a date.
dayjs.extend(customParseFormat);

/**
 * The number of API requests in flight, on `<html data-consultas>`: the browser tests wait for the app to be idle
 * (the data they expect has arrived or never will) instead of for a fixed time, which a loaded machine outlasts.
 */
function ActividadConsultas() {
  const enCurso = useIsFetching() + useIsMutating();
  useEffect(() => {
    document.documentElement.dataset.consultas = String(enCurso);
  }, [enCurso]);
  return null;
}

export function AppProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(crearQueryClient);
  return (
    <MantineProvider theme={tema} cssVariablesResolver={variablesAccesibles}>
      <DatesProvider settings={{ locale: 'es', firstDayOfWeek: 1 }}>
        <Notifications position="top-right" />
        <QueryClientProvider client={queryClient}>
          <ActividadConsultas />
          <AuthProvider>{children}</AuthProvider>
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
