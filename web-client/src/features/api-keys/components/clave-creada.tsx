import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

/** Shows a newly created key once, with a copy button. */
export function ClaveCreada({ clave, onCerrar }: { clave: string; onCerrar: () => void }) {
  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle />} title="Guárdela ahora">
        Esta es la única vez que se muestra la clave completa. Cópiela y guárdela en un lugar seguro; si la
        pierde, revóquela y cree otra.
      </Alert>
      <Code block data-testid="api-key-clave" style={{ wordBreak: 'break-all' }}>
        {clave}
      </Code>
      <Text size="xs" c="dimmed">
        Envíela en el encabezado <Code>X-Api-Key</Code> de cada llamada a la API.
      </Text>
      <Group justify="flex-end">
        <CopyButton value={clave}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : 'blue'}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copiada' : 'Copiar clave'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onCerrar}>
          Listo, la guardé
        </Button>
      </Group>
    </Stack>
  );
}
