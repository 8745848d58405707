import {
  Badge,
  Button,
  FileInput,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { Cargando, ErrorConsulta } from '@/components/ui/estado-consulta';
import { Pagina } from '@/components/ui/pagina';
import { usePermiso } from '@/lib/auth-contexto';
import { formatearFecha, formatearPesos } from '@/lib/formato';
import { notificarError, notificarExito } from '@/lib/notificar';
import { formatearRut } from '@/lib/rut';
import { useCesiones } from '@/features/factoring/api/use-cesiones';
import { useConciliar } from '@/features/factoring/api/use-conciliar';
import { useCondicionesCesion } from '@/features/factoring/api/use-condiciones-cesion';
import { useCrearFactor } from '@/features/factoring/api/use-crear-factor';
import { useFactores } from '@/features/factoring/api/use-factores';
import { useNotificarCesion } from '@/features/factoring/api/use-notificar-cesion';
import { usePorTransferir } from '@/features/factoring/api/use-por-transferir';
import { useTransferencias } from '@/features/factoring/api/use-transferencias';
import { useTransferir } from '@/features/factoring/api/use-transferir';
import type { CesionDocumento, ConciliacionFactor } from '@/features/factoring/api/tipos';

const MEDIOS = [
  { value: 'notario', label: 'Notario' },
  { value: 'carta_certificada', label: 'Carta certificada' },
  { value: 'registro_sii', label: 'Registro SII' },
  { value: 'email', label: 'Correo electrónico' },
];

const RESULTADOS: Record<string, { etiqueta: string; color: string }> = {
  coincide: { etiqueta: 'Coincide', color: 'green' },
  diferencia: { etiqueta: 'Diferencia', color: 'orange' },
  solo_en_nuestros: { etiqueta: 'Solo en nuestros libros', color: 'red' },
  solo_en_factor: { etiqueta: 'Solo en el factor', color: 'grape' },
};

function hoyIso() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'America/Santiago' });
}

function Factores() {
  const factores = useFactores();
  const crear = useCrearFactor();
  const puedeCrear = usePermiso('supervisar');
  const [nombre, setNombre] = useState('');
  const [rut, setRut] = useState('');
  if (factores.isPending) return <Cargando />;
  if (factores.isError) return <ErrorConsulta error={factores.error} />;
  return (
    <Stack>
      <Table aria-label="Factores">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Factor</Table.Th>
            <Table.Th>RUT</Table.Th>
            <Table.Th>Documentos cedidos</Table.Th>
            <Table.Th>Saldo cedido</Table.Th>
            <Table.Th>Con responsabilidad solidaria</Table.Th>
            <Table.Th>Vencido con responsabilidad</Table.Th>
            <Table.Th>Por transferir</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {factores.data.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.nombre}</Table.Td>
              <Table.Td>{formatearRut(f.rut)}</Table.Td>
              <Table.Td>{f.documentosCedidos}</Table.Td>
              <Table.Td>{formatearPesos(f.saldoCedido)}</Table.Td>
              <Table.Td>{formatearPesos(f.saldoConResponsabilidad)}</Table.Td>
              <Table.Td>{formatearPesos(f.vencidoConResponsabilidad)}</Table.Td>
              <Table.Td>{formatearPesos(f.porTransferir)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {puedeCrear && (
        <form
          aria-label="Nuevo factor"
          onSubmit={(ev) => {
            ev.preventDefault();
            crear
              .mutateAsync({ nombre: nombre.trim(), rut: rut.trim(), contacto: null, email: null })
              .then(() => {
                setNombre('');
                setRut('');
                notificarExito('Factor creado.');
              })
              .catch((e: unknown) => notificarError(e));
          }}
        >
          <Group align="end">
            <TextInput label="Nombre" value={nombre} onChange={(e) => setNombre(e.currentTarget.value)} />
            <TextInput label="RUT" value={rut} onChange={(e) => setRut(e.currentTarget.value)} />
            <Button type="submit" loading={crear.isPending}>
              Crear factor
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function NotificacionCesion({ cesion }: { cesion: CesionDocumento }) {
  const notificar = useNotificarCesion();
  const puedeEditar = usePermiso('editar');
  const [medio, setMedio] = useState<string | null>('notario');
  const [evidencia, setEvidencia] = useState('');
  if (cesion.notificacion)
    return (
      <Text size="sm">
        {formatearFecha(cesion.notificacion.fecha)} ·{' '}
        {MEDIOS.find((m) => m.value === cesion.notificacion?.medio)?.label ?? cesion.notificacion.medio} ·{' '}
        {cesion.notificacion.evidencia}
      </Text>
    );
  if (!puedeEditar)
    return (
      <Text size="sm" c="dimmed">
        Sin notificar
      </Text>
    );
  return (
    <Group gap="xs" wrap="nowrap">
      <Select
        aria-label={`Medio de notificación del folio ${cesion.folio}`}
        data={MEDIOS}
        value={medio}
        onChange={setMedio}
        size="xs"
        w={150}
      />
      <TextInput
        aria-label={`Evidencia de notificación del folio ${cesion.folio}`}
        placeholder="N° certificado, recibo…"
        value={evidencia}
        onChange={(e) => setEvidencia(e.currentTarget.value)}
        size="xs"
      />
      <Button
        size="xs"
        variant="light"
        loading={notificar.isPending}
        onClick={() =>
          notificar
            .mutateAsync({
              documentoId: cesion.documentoId,
              body: { fecha: hoyIso(), medio: medio ?? '', evidencia: evidencia.trim() },
            })
            .then(() => notificarExito('Notificación al deudor registrada.'))
            .catch((e: unknown) => notificarError(e))
        }
      >
        Registrar
      </Button>
    </Group>
  );
}

function Cesiones() {
  const cesiones = useCesiones();
  const condiciones = useCondicionesCesion();
  const puedeEditar = usePermiso('editar');
  if (cesiones.isPending) return <Cargando />;
  if (cesiones.isError) return <ErrorConsulta error={cesiones.error} />;
  const cambiar = (c: CesionDocumento, solidaria: boolean, delegada: boolean) =>
    condiciones
      .mutateAsync({
        documentoId: c.documentoId,
        body: { responsabilidadSolidaria: solidaria, administracionDelegada: delegada },
      })
      .catch((e: unknown) => notificarError(e));
  if (cesiones.data.length === 0) return <Text c="dimmed">No hay documentos cedidos.</Text>;
  return (
    <Table aria-label="Documentos cedidos">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Documento</Table.Th>
          <Table.Th>Deudor</Table.Th>
          <Table.Th>Factor</Table.Th>
          <Table.Th>Cesión</Table.Th>
          <Table.Th>Total</Table.Th>
          <Table.Th>Saldo</Table.Th>
          <Table.Th>Notificación al deudor</Table.Th>
          <Table.Th>Responsabilidad solidaria</Table.Th>
          <Table.Th>Administración delegada</Table.Th>
          <Table.Th>Por transferir</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cesiones.data.map((c) => (
          <Table.Tr key={c.documentoId}>
            <Table.Td>
              <Link to={`/cartera/documentos/${c.documentoId}`}>
                {c.tipo} {c.folio}
              </Link>
            </Table.Td>
            <Table.Td>{c.razonSocial}</Table.Td>
            <Table.Td>{c.factor}</Table.Td>
            <Table.Td>{formatearFecha(c.fechaCesion)}</Table.Td>
            <Table.Td>{formatearPesos(c.total)}</Table.Td>
            <Table.Td>{formatearPesos(c.saldo)}</Table.Td>
            <Table.Td>
              <NotificacionCesion cesion={c} />
            </Table.Td>
            <Table.Td>
              <Switch
                aria-label={`Responsabilidad solidaria del folio ${c.folio}`}
                checked={c.responsabilidadSolidaria}
                disabled={!puedeEditar}
                onChange={(e) => void cambiar(c, e.currentTarget.checked, c.administracionDelegada)}
              />
            </Table.Td>
            <Table.Td>
              <Switch
                aria-label={`Administración delegada del folio ${c.folio}`}
                checked={c.administracionDelegada}
                disabled={!puedeEditar}
                onChange={(e) => void cambiar(c, c.responsabilidadSolidaria, e.currentTarget.checked)}
              />
            </Table.Td>
            <Table.Td>{formatearPesos(c.porTransferir)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Transferencias() {
  const pendientes = usePorTransferir();
  const transferencias = useTransferencias();
  const factores = useFactores();
  const transferir = useTransferir();
  const puedeTransferir = usePermiso('supervisar');
  const [referencia, setReferencia] = useState('');
  if (pendientes.isPending || transferencias.isPending || factores.isPending) return <Cargando />;
  if (pendientes.isError) return <ErrorConsulta error={pendientes.error} />;
  if (transferencias.isError) return <ErrorConsulta error={transferencias.error} />;
  if (factores.isError) return <ErrorConsulta error={factores.error} />;
  const conPendientes = factores.data.filter((f) => f.porTransferir > 0);
  return (
    <Stack>
      <Text fw={600}>Cobros por transferir al factor</Text>
      {pendientes.data.length === 0 ? (
        <Text c="dimmed">No hay cobros pendientes de transferir.</Text>
      ) : (
        <Table aria-label="Cobros por transferir">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Deudor</Table.Th>
              <Table.Th>Documento</Table.Th>
              <Table.Th>Monto</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pendientes.data.map((p) => (
              <Table.Tr key={p.aplicacionId}>
                <Table.Td>{formatearFecha(p.fecha)}</Table.Td>
                <Table.Td>{p.razonSocial}</Table.Td>
                <Table.Td>
                  {p.tipo} {p.folio}
                </Table.Td>
                <Table.Td>{formatearPesos(p.monto)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {puedeTransferir && conPendientes.length > 0 && (
        <Group align="end">
          <TextInput
            label="Referencia de la transferencia"
            value={referencia}
            onChange={(e) => setReferencia(e.currentTarget.value)}
          />
          {conPendientes.map((f) => (
            <Button
              key={f.id}
              loading={transferir.isPending}
              onClick={() =>
                transferir
                  .mutateAsync({
                    factorId: f.id,
                    fecha: hoyIso(),
                    moneda: 'CLP',
                    referencia: referencia.trim() || null,
                  })
                  .then((t) => {
                    setReferencia('');
                    notificarExito(`Transferidos ${formatearPesos(t.monto)} a ${t.factor}.`);
                  })
                  .catch((e: unknown) => notificarError(e))
              }
            >
              Transferir {formatearPesos(f.porTransferir)} a {f.nombre}
            </Button>
          ))}
        </Group>
      )}
      <Text fw={600}>Transferencias realizadas</Text>
      {transferencias.data.length === 0 ? (
        <Text c="dimmed">Aún no hay transferencias.</Text>
      ) : (
        <Table aria-label="Transferencias al factor">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Fecha</Table.Th>
              <Table.Th>Factor</Table.Th>
              <Table.Th>Monto</Table.Th>
              <Table.Th>Cobros</Table.Th>
              <Table.Th>Referencia</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {transferencias.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{formatearFecha(t.fecha)}</Table.Td>
                <Table.Td>{t.factor}</Table.Td>
                <Table.Td>{formatearPesos(t.monto)}</Table.Td>
                <Table.Td>{t.lineas.length}</Table.Td>
                <Table.Td>{t.referencia ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

function ResultadoConciliacion({ r }: { r: ConciliacionFactor }) {
  return (
    <Stack>
      <Group>
        <Badge color="green">Coinciden: {r.coinciden}</Badge>
        <Badge color="orange">Diferencias: {r.diferencias}</Badge>
        <Badge color="red">Solo en nuestros libros: {r.soloEnNuestros}</Badge>
        <Badge color="grape">Solo en el factor: {r.soloEnFactor}</Badge>
      </Group>
      <Table aria-label="Resultado de la conciliación">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Resultado</Table.Th>
            <Table.Th>Folio</Table.Th>
            <Table.Th>RUT deudor</Table.Th>
            <Table.Th>Monto nuestro</Table.Th>
            <Table.Th>Monto factor</Table.Th>
            <Table.Th>Estado nuestro</Table.Th>
            <Table.Th>Estado factor</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {r.lineas.map((l) => (
            <Table.Tr key={`${l.resultado}-${l.rutDeudor}-${l.folio}-${l.documentoId ?? l.filaArchivo}`}>
              <Table.Td>
                <Badge color={RESULTADOS[l.resultado]?.color ?? 'gray'}>
                  {RESULTADOS[l.resultado]?.etiqueta ?? l.resultado}
                </Badge>
              </Table.Td>
              <Table.Td>{l.folio}</Table.Td>
              <Table.Td>{formatearRut(l.rutDeudor)}</Table.Td>
              <Table.Td fw={l.diferenciaMonto ? 700 : undefined}>
                {l.montoNuestro == null ? '—' : formatearPesos(l.montoNuestro)}
              </Table.Td>
              <Table.Td fw={l.diferenciaMonto ? 700 : undefined}>
                {l.montoFactor == null ? '—' : formatearPesos(l.montoFactor)}
              </Table.Td>
              <Table.Td fw={l.diferenciaEstado ? 700 : undefined}>{l.estadoNuestro ?? '—'}</Table.Td>
              <Table.Td fw={l.diferenciaEstado ? 700 : undefined}>{l.estadoFactor ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {r.errores.length > 0 && (
        <Stack gap={2}>
          <Text fw={600}>Filas con errores</Text>
          {r.errores.map((e) => (
            <Text key={`${e.fila}-${e.columna}`} size="sm">
              Fila {e.fila}, {e.columna}: {e.mensaje}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function Conciliacion() {
  const factores = useFactores();
  const conciliar = useConciliar();
  const puedeConciliar = usePermiso('editar');
  const [factorId, setFactorId] = useState<string | null>(null);
  const [archivo, setArchivo] = useState<File | null>(null);
  if (factores.isPending) return <Cargando />;
  if (factores.isError) return <ErrorConsulta error={factores.error} />;
  if (!puedeConciliar)
    return <Text c="dimmed">Conciliar el estado del factor requiere permiso de edición.</Text>;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Suba el estado del factor (CSV o XLSX) con las columnas folio, rut_deudor, monto y estado (pagado o
        pendiente).
      </Text>
      <Group align="end">
        <Select
          label="Factor"
          data={factores.data.map((f) => ({ value: f.id, label: f.nombre }))}
          value={factorId}
          onChange={setFactorId}
        />
        <FileInput
          label="Estado del factor"
          accept=".csv,.xlsx"
          value={archivo}
          onChange={setArchivo}
          w={260}
        />
        <Button
          disabled={!factorId || !archivo}
          loading={conciliar.isPending}
          onClick={() => {
            if (factorId && archivo)
              conciliar.mutateAsync({ factorId, archivo }).catch((e: unknown) => notificarError(e));
          }}
        >
          Conciliar
        </Button>
      </Group>
      {conciliar.data && <ResultadoConciliacion r={conciliar.data} />}
    </Stack>
  );
}

export default function FactoringPagina() {
  return (
    <Pagina titulo="Factoring">
      <Tabs defaultValue="cesiones" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="cesiones">Documentos cedidos</Tabs.Tab>
          <Tabs.Tab value="factores">Factores</Tabs.Tab>
          <Tabs.Tab value="transferencias">Por transferir</Tabs.Tab>
          <Tabs.Tab value="conciliacion">Conciliación</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="cesiones" pt="md">
          <Cesiones />
        </Tabs.Panel>
        <Tabs.Panel value="factores" pt="md">
          <Factores />
        </Tabs.Panel>
        <Tabs.Panel value="transferencias" pt="md">
          <Transferencias />
        </Tabs.Panel>
        <Tabs.Panel value="conciliacion" pt="md">
          <Conciliacion />
        </Tabs.Panel>
      </Tabs>
    </Pagina>
  );
}
