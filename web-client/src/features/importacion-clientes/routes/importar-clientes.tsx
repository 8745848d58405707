import { Code, SimpleGrid } from '@mantine/core';
import { RequierePermiso } from '@/components/auth/requiere-sesion';
import {
  CargaArchivo,
  BotonPlantilla,
  Cifra,
  ResultadoImportacion,
} from '@/components/importacion/importacion';
import { useEnvioImportacion } from '@/components/importacion/use-envio-importacion';
import { Pagina } from '@/components/ui/pagina';
import { useImportarClientes } from '@/features/importacion-clientes/api/use-importar-clientes';
import { columnasImportacion, plantillaCsv } from '@/features/importacion-clientes/components/plantilla';

export default function ImportarClientesRoute() {
  const importar = useImportarClientes();
  const { archivo, setArchivo, resultado: r, setResultado, progreso, enviar } = useEnvioImportacion(importar);

  return (
    <RequierePermiso permiso="editar">
      <Pagina
        titulo="Importar clientes"
        descripcion="Carga masiva de clientes y contactos desde CSV o XLSX; los RUT existentes se actualizan"
        acciones={<BotonPlantilla csv={plantillaCsv} nombre="plantilla-clientes.csv" />}
      >
        <CargaArchivo
          instrucciones={
            <>
              Columnas: <Code>{columnasImportacion.join(', ')}</Code>. Obligatorias: rut, razonSocial y
              segmento. Si hay errores, no se importa nada: corrija el archivo y vuelva a subirlo, o importe
              solo las filas válidas.
            </>
          }
          archivo={archivo}
          onArchivo={(f) => {
            setArchivo(f);
            setResultado(null);
          }}
          onImportar={() => void enviar({ parcial: false })}
          importar={importar}
          progreso={progreso}
        />
        {r && (
          <ResultadoImportacion
            resultado={r}
            noImportado="No se importó ningún registro"
            cifras={
              <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
                <Cifra etiqueta="Filas leídas" valor={r.filasLeidas} />
                <Cifra etiqueta="Creados" valor={r.creados} />
                <Cifra etiqueta="Actualizados" valor={r.actualizados} />
                <Cifra etiqueta="Sin cambios" valor={r.sinCambios} />
                <Cifra etiqueta="Contactos creados" valor={r.contactosCreados} />
                <Cifra etiqueta="Contactos actualizados" valor={r.contactosActualizados} />
              </SimpleGrid>
            }
            onParcial={() => void enviar({ parcial: true })}
            importar={importar}
          />
        )}
      </Pagina>
    </RequierePermiso>
  );
}
