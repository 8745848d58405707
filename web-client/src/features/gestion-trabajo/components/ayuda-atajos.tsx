import { Kbd, Modal, Table } from '@mantine/core';
import { atajos } from '@/features/gestion-trabajo/components/teclado';

export function AyudaAtajos({
  abierta,
  onCerrar,
  supervisor,
}: {
  abierta: boolean;
  onCerrar: () => void;
  supervisor: boolean;
}) {
  return (
    <Modal opened={abierta} onClose={onCerrar} title="Atajos de teclado" centered>
      <Table>
        <Table.Tbody>
          {atajos
            .filter((a) => supervisor || !a.soloSupervisor)
            .map((a) => (
              <Table.Tr key={a.teclas}>
                <Table.Td>
                  <Kbd>{a.teclas}</Kbd>
                </Table.Td>
                <Table.Td>{a.que}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
