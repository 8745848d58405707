import { Button, Card, Collapse } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useId, type ReactNode } from 'react';

/** A list's filters: a card on a desktop; behind one "Filtros" button on a phone, so the list starts on screen. */
export function FiltrosPlegables({ children, activos = 0 }: { children: ReactNode; activos?: number }) {
  const telefono = useMediaQuery('(max-width: 48em)');
  const [abiertos, { toggle }] = useDisclosure(false);
  const id = useId();
  if (!telefono) return <Card withBorder>{children}</Card>;
  return (
    <div>
      <Button
        variant="default"
        fullWidth
        leftSection={<IconFilter size={16} />}
        aria-expanded={abiertos}
        aria-controls={id}
        onClick={toggle}
      >
        {abiertos ? 'Ocultar filtros' : activos > 0 ? `Filtros (${activos})` : 'Filtros'}
      </Button>
      <Collapse in={abiertos} id={id}>
        <Card withBorder mt="xs">
          {children}
        </Card>
      </Collapse>
    </div>
  );
}
