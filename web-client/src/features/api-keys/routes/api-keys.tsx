import { Badge, Button, Card, Code, Modal, Table, Text } from '@mantine/core';
import { IconKey } from '@tabler/icons-react';
import { useState } from 'react';
import { BotonConfirmar } from '@/components/ui/boton-confirmar';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFechaHora } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { useApiKeys } from '@/features/api-keys/api/use-api-keys';
import { useRevocarApiKey } from '@/features/api-keys/api/use-revocar-api-key';
import { ClaveCreada } from '@/features/api-keys/components/clave-creada';
import { CrearApiKeyForm } from '@/features/api-keys/components/crear-api-key-form';

const alcances: Record<string, string> = {
  lectura: 'Solo lectura',
  lectura_escritura: 'Lectura y escritura',
};

export default function ApiKeysRoute() {
  const claves = useApiKeys();
  const revocar = useRevocarApiKey();
  const [modal, setModal] = useState<{ paso: 'crear' } | { paso: 'creada'; clave: string } | null>(null);

  return (
    <Pagina
      titulo="API keys"
      descripcion="Claves para integrar sistemas externos con la API de la empresa"
      acciones={
        <Button leftSection={<IconKey size={16} />} onClick={() => setModal({ paso: 'crear' })}>
          Nueva API key
        </Button>
      }
    >
      {claves.isPending ? (
        <Cargando />
      ) : claves.isError ? (
        <ErrorConsulta error={claves.error} />
      ) : claves.data.length === 0 ? (
        <Card withBorder>
          <Text c="dimmed">No hay API keys.</Text>
        </Card>
      ) : (
        <Card withBorder p={0}>
          <Table.ScrollContainer minWidth={800}>
            <Table aria-label="API keys" striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Nombre</Table.Th>
                  <Table.Th>Prefijo</Table.Th>
                  <Table.Th>Alcance</Table.Th>
                  <Table.Th>Creada</Table.Th>
                  <Table.Th>Último uso</Table.Th>
                  <Table.Th>Estado</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {claves.data.map((k) => (
                  <Table.Tr key={k.id}>
                    <Table.Td>{k.nombre}</Table.Td>
                    <Table.Td>
                      <Code>{k.prefijo}…</Code>
                    </Table.Td>
                    <Table.Td>{alcances[k.alcance] ?? k.alcance}</Table.Td>
                    <Table.Td>
                      {formatearFechaHora(k.creada)}
                      <Text size="xs" c="dimmed">
                        {k.creadaPor}
                      </Text>
                    </Table.Td>
                    <Table.Td>{k.ultimoUso ? formatearFechaHora(k.ultimoUso) : 'Nunca'}</Table.Td>
                    <Table.Td>
                      {k.revocada ? (
                        <Badge color="gray" variant="light" title={formatearFechaHora(k.revocada)}>
                          Revocada
                        </Badge>
                      ) : (
                        <Badge color="teal" variant="light">
                          Activa
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td align="right">
                      {!k.revocada && (
                        <BotonConfirmar
                          size="xs"
                          variant="light"
                          color="red"
                          titulo="Revocar API key"
                          mensaje={`Las integraciones que usan "${k.nombre}" dejarán de funcionar de inmediato. Esta acción no se puede deshacer.`}
                          confirmar="Revocar"
                          onConfirm={async () => {
                            try {
                              await revocar.mutateAsync(k.id);
                              notificarExito('API key revocada.');
                            } catch (e) {
                              notificarError(e);
                              throw e;
                            }
                          }}
                        >
                          Revocar
                        </BotonConfirmar>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Modal
        opened={modal !== null}
        onClose={() => setModal(null)}
        title={modal?.paso === 'creada' ? 'API key creada' : 'Nueva API key'}
        closeOnClickOutside={modal?.paso !== 'creada'}
        size="lg"
      >
        {modal?.paso === 'crear' && (
          <CrearApiKeyForm
            onCancelar={() => setModal(null)}
            onCreada={(clave) => setModal({ paso: 'creada', clave })}
          />
        )}
        {modal?.paso === 'creada' && <ClaveCreada clave={modal.clave} onCerrar={() => setModal(null)} />}
      </Modal>
    </Pagina>
  );
}
