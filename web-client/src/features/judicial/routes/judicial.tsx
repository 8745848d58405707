import { Button, Card, Code, Group, NumberInput, Stack, Table, Tabs, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useAgencias } from '@/components/judicial/api/use-agencias';
import { useCrearAgencia } from '@/components/judicial/api/use-crear-agencia';
import { useCrearClaveAgencia } from '@/components/judicial/api/use-crear-clave-agencia';
import { useCrearEstudio } from '@/components/judicial/api/use-crear-estudio';
import { useEstudios } from '@/components/judicial/api/use-estudios';
import { useJuicios } from '@/components/judicial/api/use-juicios';
import { useQuiebras } from '@/components/judicial/api/use-quiebras';

function Agencias() {
  const agencias = useAgencias();
  const crear = useCrearAgencia();
  const clave = useCrearClaveAgencia();
  const [nombre, setNombre] = useState('');
  const [rut, setRut] = useState('');
  const [contacto, setContacto] = useState('');
  const [comision, setComision] = useState<number | string>(10);
  const [nuevaClave, setNuevaClave] = useState<string | null>(null);
  if (agencias.isPending) return <Cargando />;
  if (agencias.isError) return <ErrorConsulta error={agencias.error} />;
  return (
    <Stack>
      {nuevaClave && (
        <Card withBorder>
          <Text>
            Clave de la agencia (se muestra una sola vez): solo ve los documentos que se le derivan.
          </Text>
          <Code>{nuevaClave}</Code>
        </Card>
      )}
      <Table aria-label="Agencias de cobranza">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Agencia</Table.Th>
            <Table.Th>RUT</Table.Th>
            <Table.Th>Contacto</Table.Th>
            <Table.Th>Comisión</Table.Th>
            <Table.Th>Derivaciones activas</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {agencias.data.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.nombre}</Table.Td>
              <Table.Td>{formatearRut(a.rut)}</Table.Td>
              <Table.Td>{a.contacto ?? '—'}</Table.Td>
              <Table.Td>{String(a.porcentajeComision).replace('.', ',')} %</Table.Td>
              <Table.Td>{a.derivacionesActivas}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() =>
                    clave
                      .mutateAsync(a.id)
                      .then((c) => setNuevaClave(c.clave))
                      .catch((e: unknown) => notificarError(e))
                  }
                >
                  Generar clave de API
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        aria-label="Nueva agencia"
        onSubmit={(ev) => {
          ev.preventDefault();
          crear
            .mutateAsync({
              nombre: nombre.trim(),
              rut: rut.trim(),
              contacto: contacto.trim() || null,
              email: null,
              telefono: null,
              porcentajeComision: Number(comision),
            })
            .then(() => {
              setNombre('');
              setRut('');
              notificarExito('Agencia creada.');
            })
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end">
          <TextInput label="Nombre" value={nombre} onChange={(e) => setNombre(e.currentTarget.value)} />
          <TextInput label="RUT" value={rut} onChange={(e) => setRut(e.currentTarget.value)} />
          <TextInput label="Contacto" value={contacto} onChange={(e) => setContacto(e.currentTarget.value)} />
          <NumberInput
            label="Comisión (%)"
            value={comision}
            onChange={setComision}
            min={0}
            max={100}
            decimalSeparator=","
          />
          <Button type="submit" loading={crear.isPending}>
            Crear agencia
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function Estudios() {
  const estudios = useEstudios();
  const crear = useCrearEstudio();
  const [nombre, setNombre] = useState('');
  const [rut, setRut] = useState('');
  if (estudios.isPending) return <Cargando />;
  if (estudios.isError) return <ErrorConsulta error={estudios.error} />;
  return (
    <Stack>
      <Table aria-label="Estudios jurídicos">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Estudio</Table.Th>
            <Table.Th>RUT</Table.Th>
            <Table.Th>Contacto</Table.Th>
            <Table.Th>Juicios vigentes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {estudios.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{e.nombre}</Table.Td>
              <Table.Td>{formatearRut(e.rut)}</Table.Td>
              <Table.Td>{e.contacto ?? '—'}</Table.Td>
              <Table.Td>{e.juiciosVigentes}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <form
        aria-label="Nuevo estudio jurídico"
        onSubmit={(ev) => {
          ev.preventDefault();
          crear
            .mutateAsync({
              nombre: nombre.trim(),
              rut: rut.trim(),
              contacto: null,
              email: null,
              telefono: null,
            })
            .then(() => {
              setNombre('');
              setRut('');
              notificarExito('Estudio jurídico creado.');
            })
            .catch((e: unknown) => notificarError(e));
        }}
      >
        <Group align="end">
          <TextInput
            label="Nombre del estudio"
            value={nombre}
            onChange={(e) => setNombre(e.currentTarget.value)}
          />
          <TextInput label="RUT del estudio" value={rut} onChange={(e) => setRut(e.currentTarget.value)} />
          <Button type="submit" loading={crear.isPending}>
            Crear estudio
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

function Juicios() {
  const juicios = useJuicios();
  const [params] = useSearchParams();
  const elegido = params.get('juicio');
  if (juicios.isPending) return <Cargando />;
  if (juicios.isError) return <ErrorConsulta error={juicios.error} />;
  return (
    <Table aria-label="Juicios">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Tribunal</Table.Th>
          <Table.Th>Rol</Table.Th>
          <Table.Th>Estudio</Table.Th>
          <Table.Th>Etapa</Table.Th>
          <Table.Th>Próxima audiencia</Table.Th>
          <Table.Th>Demandado</Table.Th>
          <Table.Th>Costos</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {juicios.data.map((j) => (
          <Table.Tr key={j.id} bg={j.id === elegido ? 'var(--mantine-color-yellow-light)' : undefined}>
            <Table.Td>
              <Link to={`/clientes/${j.clienteId}?tab=judicial`}>{j.tribunal}</Link>
            </Table.Td>
            <Table.Td>{j.rol}</Table.Td>
            <Table.Td>{j.estudio}</Table.Td>
            <Table.Td>{j.etapaProcesal}</Table.Td>
            <Table.Td>{formatearFecha(j.audiencias.at(-1)?.fecha)}</Table.Td>
            <Table.Td>{formatearPesos(j.montoDemandado)}</Table.Td>
            <Table.Td>{formatearPesos(j.costosIncurridos)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Quiebras() {
  const quiebras = useQuiebras();
  if (quiebras.isPending) return <Cargando />;
  if (quiebras.isError) return <ErrorConsulta error={quiebras.error} />;
  return (
    <Table aria-label="Clientes en quiebra">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Cliente</Table.Th>
          <Table.Th>Publicación</Table.Th>
          <Table.Th>Liquidador</Table.Th>
          <Table.Th>Plazo verificación</Table.Th>
          <Table.Th>Verificado</Table.Th>
          <Table.Th>Recuperado</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {quiebras.data.map((q) => (
          <Table.Tr key={q.id}>
            <Table.Td>
              <Link to={`/clientes/${q.clienteId}?tab=judicial`}>Ver cliente</Link>
            </Table.Td>
            <Table.Td>{formatearFecha(q.fechaPublicacion)}</Table.Td>
            <Table.Td>{q.liquidador ?? '—'}</Table.Td>
            <Table.Td>{formatearFecha(q.plazoVerificacion)}</Table.Td>
            <Table.Td>{formatearPesos(q.montoVerificado)}</Table.Td>
            <Table.Td>{formatearPesos(q.recuperado)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export default function JudicialPagina() {
  const [params] = useSearchParams();
  return (
    <Pagina titulo="Cobranza prejudicial y judicial">
      <Tabs defaultValue={params.get('juicio') ? 'juicios' : 'agencias'} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="agencias">Agencias</Tabs.Tab>
          <Tabs.Tab value="estudios">Estudios jurídicos</Tabs.Tab>
          <Tabs.Tab value="juicios">Juicios</Tabs.Tab>
          <Tabs.Tab value="quiebras">Quiebras</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="agencias" pt="md">
          <Agencias />
        </Tabs.Panel>
        <Tabs.Panel value="estudios" pt="md">
          <Estudios />
        </Tabs.Panel>
        <Tabs.Panel value="juicios" pt="md">
          <Juicios />
        </Tabs.Panel>
        <Tabs.Panel value="quiebras" pt="md">
          <Quiebras />
        </Tabs.Panel>
      </Tabs>
    </Pagina>
  );
}
