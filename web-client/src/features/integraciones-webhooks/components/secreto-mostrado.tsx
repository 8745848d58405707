import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';

/** The signing secret, shown once (at creation or rotation) with a copy button, and how a receiver checks it. */
export function SecretoMostrado({ secreto, onCerrar }: { secreto: string; onCerrar: () => void }) {
  return (
    <Stack>
      <Alert color="orange" icon={<IconAlertTriangle />} title="Guárdelo ahora">
        Esta es la única vez que se muestra el secreto de firma. Cópielo en la configuración del receptor; si
        lo pierde, rótelo y se generará otro.
      </Alert>
      <Code block data-testid="webhook-secreto" style={{ wordBreak: 'break-all' }}>
        {secreto}
      </Code>
      <Text size="xs" c="dimmed">
        Cada envío lleva el encabezado <Code>Cobranzas-Signature: t=…,v1=…</Code>: v1 es el HMAC-SHA256 en
        hexadecimal de <Code>t.cuerpo</Code> con este secreto. Descarte eventos repetidos por{' '}
        <Code>Cobranzas-Event-Id</Code>.
      </Text>
      <Group justify="flex-end">
        <CopyButton value={secreto}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : 'blue'}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copiado' : 'Copiar secreto'}
            </Button>
          )}
        </CopyButton>
        <Button variant="default" onClick={onCerrar}>
          Listo, lo guardé
        </Button>
      </Group>
    </Stack>
  );
}
