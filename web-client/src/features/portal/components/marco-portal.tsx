import { AppShell, Box, Button, Container, Group, Image, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ResumenPortal } from '@/features/portal/api/cliente-portal';

interface Props {
  resumen?: ResumenPortal;
  titulo?: string;
  alSalir?: () => void;
  children: ReactNode;
}

/** The portal's phone-first frame: the company's logo and colours, no staff menu. */
export function MarcoPortal({ resumen, titulo, alSalir, children }: Props) {
  const color = resumen?.empresa.colorPrimario ?? '#1c4e80';
  const fondo = resumen?.empresa.colorSecundario ?? '#e8f0f8';
  return (
    <AppShell header={{ height: 64 }} padding="sm">
      <AppShell.Header style={{ background: color, color: '#fff', borderBottom: 'none' }}>
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
      <AppShell.Main style={{ background: fondo }}>
        <Container size="sm" px={0} component="main">
          {children}
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
