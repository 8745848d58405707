import {
  AppShell,
  Box,
  Button,
  Container,
  Group,
  Image,
  MantineThemeProvider,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useMemo, type ReactNode } from 'react';
import type { ResumenPortal } from '@/features/portal/api/cliente-portal';
import { marcaPortal } from '@/features/portal/lib/tema-portal';

interface Props {
  resumen?: ResumenPortal;
  titulo?: string;
  alSalir?: () => void;
  children: ReactNode;
}

/** The portal's phone-first frame: the company's logo and colours, no staff menu. */
export function MarcoPortal({ resumen, titulo, alSalir, children }: Props) {
  const marca = useMemo(
    () => marcaPortal(resumen?.empresa.colorPrimario, resumen?.empresa.colorAcento),
    [resumen?.empresa.colorPrimario, resumen?.empresa.colorAcento],
  );
  // On the document, not on a wrapper: Mantine renders modals and menus in a portal outside the frame.
  useEffect(() => {
    const raiz = document.documentElement;
    for (const [nombre, valor] of Object.entries(marca.variables)) raiz.style.setProperty(nombre, valor);
    return () => {
      for (const nombre of Object.keys(marca.variables)) raiz.style.removeProperty(nombre);
    };
  }, [marca]);
  const color = marca.primario;
  const fondo = marca.acento;
  return (
    <MantineThemeProvider theme={marca.tema}>
      <AppShell header={{ height: 64 }} padding="sm">
        <AppShell.Header
          data-marca={color}
          style={{ background: color, color: '#fff', borderBottom: 'none' }}
        >
          <Container size="sm" h="100%">
            <Group h="100%" justify="space-between" wrap="nowrap">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                {resumen?.empresa.logo ? (
                  <Box bg="#fff" p={4} style={{ borderRadius: 6 }}>
                    <Image
                      src={resumen.empresa.logo}
                      alt={`Logo de ${resumen.empresa.razonSocial}`}
                      h={32}
                      w="auto"
                      fit="contain"
                    />
                  </Box>
                ) : null}
                <Box style={{ minWidth: 0 }}>
                  <Title order={1} size="h4" c="#fff" lineClamp={1}>
                    {resumen?.empresa.razonSocial ?? 'Portal de clientes'}
                  </Title>
                  {titulo ? (
                    <Text size="xs" c="#fff" lineClamp={1}>
                      {titulo}
                    </Text>
                  ) : null}
                </Box>
              </Group>
              {alSalir ? (
                <Button variant="white" color="dark" size="xs" onClick={alSalir}>
                  Salir
                </Button>
              ) : null}
            </Group>
          </Container>
        </AppShell.Header>
        <AppShell.Main data-acento={fondo} style={{ background: fondo }}>
          <Container size="sm" px={0} component="main">
            {children}
          </Container>
        </AppShell.Main>
      </AppShell>
    </MantineThemeProvider>
  );
}
