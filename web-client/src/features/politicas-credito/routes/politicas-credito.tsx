import { ActionIcon, Button, Card, Modal, Table, Tooltip } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { aNumero, formatearLimite } from '@/lib/formato';
import { notificarExito } from '@/lib/notificar';
import { useActualizarPoliticaCredito } from '@/features/politicas-credito/api/use-actualizar-politica-credito';
import { useCrearPoliticaCredito } from '@/features/politicas-credito/api/use-crear-politica-credito';
import { usePoliticasCredito } from '@/api/hooks/use-politicas-credito';
import { PoliticaForm, type Politica } from '@/features/politicas-credito/components/politica-form';

export default function PoliticasCreditoRoute() {
  const puedeEditar = usePermiso('editar');
  const politicas = usePoliticasCredito();
  const crear = useCrearPoliticaCredito();
  const actualizar = useActualizarPoliticaCredito();
  const [editando, setEditando] = useState<Politica | 'nueva' | null>(null);

  return (
    <Pagina
      titulo="Políticas de crédito"
      descripcion="Límite, plazo y garantía por segmento; las condiciones propias de un cliente las reemplazan"
      acciones={
        puedeEditar && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditando('nueva')}>
            Nueva política
          </Button>
        )
      }
    >
      {politicas.isPending ? (
        <Cargando />
      ) : politicas.isError ? (
        <ErrorConsulta error={politicas.error} />
      ) : (
        <Card withBorder p={0}>
          <Table aria-label="Políticas de crédito" striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Segmento</Table.Th>
                <Table.Th ta="right">Límite de crédito</Table.Th>
                <Table.Th ta="right">Plazo</Table.Th>
                <Table.Th>Garantía</Table.Th>
                <Table.Th ta="right">Tolerancia</Table.Th>
                {puedeEditar && <Table.Th />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {politicas.data.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.segmento}</Table.Td>
                  <Table.Td ta="right">{formatearLimite(p.limiteCredito, p.monedaLimite)}</Table.Td>
                  <Table.Td ta="right">{aNumero(p.plazoDias)} días</Table.Td>
                  <Table.Td>{p.garantia}</Table.Td>
                  <Table.Td ta="right">{aNumero(p.diasTolerancia)} días</Table.Td>
                  {puedeEditar && (
                    <Table.Td align="right">
                      <Tooltip label="Editar">
                        <ActionIcon
                          variant="subtle"
                          aria-label={`Editar ${p.segmento}`}
                          onClick={() => setEditando(p)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      )}
      <Modal
        opened={editando !== null}
        onClose={() => setEditando(null)}
        title={editando === 'nueva' ? 'Nueva política de crédito' : 'Editar política de crédito'}
      >
        {editando !== null && (
          <PoliticaForm
            politica={editando === 'nueva' ? undefined : editando}
            onCancelar={() => setEditando(null)}
            onGuardar={async (body) => {
              if (editando === 'nueva') await crear.mutateAsync(body);
              else await actualizar.mutateAsync({ id: editando.id, body });
              notificarExito('Política guardada.');
              setEditando(null);
            }}
          />
        )}
      </Modal>
    </Pagina>
  );
}
