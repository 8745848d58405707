import { Button, Group, Modal, Text, type ButtonProps } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';

/** A button that asks for confirmation in a modal before running an action. */
export function BotonConfirmar({
  children,
  titulo,
  mensaje,
  confirmar = 'Confirmar',
  onConfirm,
  ...props
}: ButtonProps & {
  children: ReactNode;
  titulo: string;
  mensaje: ReactNode;
  confirmar?: string;
  onConfirm: () => Promise<unknown> | void;
}) {
  const [abierto, { open, close }] = useDisclosure(false);
  const [ocupado, setOcupado] = useState(false);
  return (
    <>
      <Button {...props} onClick={open}>
        {children}
      </Button>
      <Modal opened={abierto} onClose={close} title={titulo} centered>
        <Text size="sm">{mensaje}</Text>
        <Group justify="flex-end" mt="lg">
          <Button variant="default" onClick={close}>
            Cancelar
          </Button>
          <Button
            color={props.color ?? 'red'}
            loading={ocupado}
            onClick={async () => {
              setOcupado(true);
              try {
                await onConfirm();
                close();
              } catch {
                // the caller notifies
              } finally {
                setOcupado(false);
              }
            }}
          >
            {confirmar}
          </Button>
        </Group>
      </Modal>
    </>
  );
}
