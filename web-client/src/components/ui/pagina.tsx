import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The browser tab's text for a screen: "<screen> · Cobranzas". */
function tituloDeVentana(titulo: string | undefined): string {
  return titulo ? `${titulo} · Cobranzas` : 'Cobranzas';
}

/**
 * Frame of every screen: its one `<h1>` (styled as the section heading it always was), the page title of the
 * browser tab, a description and the screen's actions. `tituloVentana` is needed when `titulo` is not plain text.
 */
export function Pagina({
  titulo,
  tituloVentana,
  descripcion,
  acciones,
  children,
}: {
  titulo: ReactNode;
  tituloVentana?: string;
  descripcion?: ReactNode;
  acciones?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(tituloDeVentana(tituloVentana ?? (typeof titulo === 'string' ? titulo : undefined)));
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {titulo}
          </Title>
          {descripcion && (
            <Text c="gray.7" size="sm">
              {descripcion}
            </Text>
          )}
        </div>
        {acciones && <Group gap="xs">{acciones}</Group>}
      </Group>
      {children}
    </Stack>
  );
}
