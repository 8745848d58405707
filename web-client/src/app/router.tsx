import type { ComponentType } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permiso } from '@/api/types';
import { RequierePermiso } from '@/components/auth/con-permiso';
import { Protegido } from '@/app/protegido';
import { ErrorRuta } from '@/app/error-ruta';
import { Inicio } from '@/app/inicio';
import { cargarPantalla } from '@/lib/carga-diferida';

/**
 * A lazy screen, reloading the page once when its chunk is gone; with `permiso`, a person whose role lacks it
 * sees the Spanish "no tiene permiso" page instead of a form that fails at save time.
 */
const pantalla =
  (lazy: () => Promise<{ default: ComponentType }>, permiso?: Permiso): RouteObject['lazy'] =>
  async () => {
    const { default: Pantalla } = await cargarPantalla(lazy);
    if (!permiso) return { Component: Pantalla };
    return {
      Component: () => (
        <RequierePermiso permiso={permiso}>
          <Pantalla />
        </RequierePermiso>
      ),
    };
  };

const soloAdmin = (lazy: () => Promise<{ default: ComponentType }>) => pantalla(lazy, 'administrar');

/** Client groups and contact groups share their screens. */
const grupos =
  (tipo: 'clientes' | 'contactos'): RouteObject['lazy'] =>
  async () => {
    const { GruposRoute } = await cargarPantalla(() => import('@/features/grupos/routes/grupos'));
    return { Component: () => <GruposRoute tipo={tipo} /> };
  };

const grupo =
  (tipo: 'clientes' | 'contactos'): RouteObject['lazy'] =>
  async () => {
    const { GrupoRoute } = await cargarPantalla(() => import('@/features/grupos/routes/grupo'));
    return { Component: () => <GrupoRoute tipo={tipo} /> };
  };

const rutas: RouteObject[] = [
  {
    path: '/login',
    lazy: pantalla(() => import('@/features/auth/routes/login')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/recuperar',
    lazy: pantalla(() => import('@/features/auth/routes/recuperar')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/restablecer',
    lazy: pantalla(() => import('@/features/auth/routes/restablecer')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/activar',
    lazy: pantalla(() => import('@/features/auth/routes/activar')),
    errorElement: <ErrorRuta />,
  },
  // Client portal (issue 15 §1): its own session and layout, no staff menu.
  {
    path: '/portal',
    lazy: pantalla(() => import('@/features/portal/routes/inicio')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/portal/acceso',
    lazy: pantalla(() => import('@/features/portal/routes/acceso')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/portal/entrar',
    lazy: pantalla(() => import('@/features/portal/routes/entrar')),
    errorElement: <ErrorRuta />,
  },
  {
    path: '/',
    element: <Protegido />,
    errorElement: <ErrorRuta />,
    children: [
      { index: true, element: <Inicio /> },
      { path: 'tablero', lazy: pantalla(() => import('@/features/tablero/routes/tablero')) },
      {
        path: 'reportes/ejecutivos',
        lazy: soloAdmin(() => import('@/features/reportes-ejecutivos/routes/reportes-ejecutivos')),
      },
      {
        path: 'gestion/mi-trabajo',
        lazy: pantalla(() => import('@/features/gestion-trabajo/routes/mi-trabajo')),
      },
      {
        path: 'gestion/calendario',
        lazy: pantalla(() => import('@/features/gestion-trabajo/routes/calendario')),
      },
      { path: 'clientes', lazy: pantalla(() => import('@/features/clientes/routes/clientes')) },
      {
        path: 'clientes/nuevo',
        lazy: pantalla(() => import('@/features/clientes/routes/nuevo-cliente'), 'editar'),
      },
      { path: 'clientes/:id', lazy: pantalla(() => import('@/features/clientes/routes/cliente')) },
      {
        path: 'clientes/:id/editar',
        lazy: pantalla(() => import('@/features/clientes/routes/editar-cliente'), 'editar'),
      },
      { path: 'grupos-clientes', lazy: grupos('clientes') },
      { path: 'grupos-clientes/:id', lazy: grupo('clientes') },
      { path: 'grupos-contactos', lazy: grupos('contactos') },
      { path: 'grupos-contactos/:id', lazy: grupo('contactos') },
      {
        path: 'politicas-credito',
        lazy: pantalla(() => import('@/features/politicas-credito/routes/politicas-credito')),
      },
      // credito (issue 16 §1)
      {
        path: 'credito/aprobaciones',
        lazy: pantalla(() => import('@/features/credito/routes/aprobaciones')),
      },
      {
        path: 'credito/configuracion',
        lazy: pantalla(() => import('@/features/credito/routes/configuracion-credito')),
      },
      {
        path: 'importar-clientes',
        lazy: pantalla(() => import('@/features/importacion-clientes/routes/importar-clientes'), 'editar'),
      },
      {
        path: 'cartera/documentos',
        lazy: pantalla(() => import('@/features/documentos/routes/documentos')),
      },
      {
        path: 'cartera/documentos/nuevo',
        lazy: pantalla(() => import('@/features/documentos/routes/nuevo-documento'), 'editar'),
      },
      {
        path: 'cartera/documentos/:id',
        lazy: pantalla(() => import('@/features/documentos/routes/documento')),
      },
      { path: 'cartera/pagos', lazy: pantalla(() => import('@/features/pagos/routes/pagos')) },
      {
        path: 'cartera/pagos/nuevo',
        lazy: pantalla(() => import('@/features/pagos/routes/registrar-pago'), 'editar'),
      },
      { path: 'cartera/pagos/:id', lazy: pantalla(() => import('@/features/pagos/routes/pago')) },
      {
        path: 'cartera/antiguedad',
        lazy: pantalla(() => import('@/features/antiguedad/routes/antiguedad')),
      },
      {
        path: 'reportes/indicadores-cartera',
        lazy: pantalla(() => import('@/features/indicadores-cartera/routes/indicadores-cartera')),
      },
      {
        path: 'cartera/provision',
        lazy: pantalla(() => import('@/features/provision/routes/provision')),
      },
      // Portfolio reports (reportes-cartera)
      {
        path: 'reportes/concentracion',
        lazy: pantalla(() => import('@/features/reportes-cartera/routes/concentracion')),
      },
      {
        path: 'reportes/morosidad',
        lazy: pantalla(() => import('@/features/reportes-cartera/routes/morosidad')),
      },
      {
        path: 'reportes/provision',
        lazy: pantalla(() => import('@/features/reportes-cartera/routes/provision')),
      },
      {
        path: 'reportes/recuperacion',
        lazy: pantalla(() => import('@/features/reportes-cartera/routes/recuperacion')),
      },
      {
        path: 'reportes/pronostico',
        lazy: pantalla(() => import('@/features/reportes-pronostico/routes/pronostico')),
      },
      {
        path: 'reportes/compromisos',
        lazy: pantalla(() => import('@/features/indicadores-gestion/routes/compromisos')),
      },
      {
        path: 'reportes/productividad',
        lazy: pantalla(() => import('@/features/indicadores-gestion/routes/productividad')),
      },
      {
        path: 'reportes/costo-cobranza',
        lazy: pantalla(() => import('@/features/indicadores-gestion/routes/costo-cobranza')),
      },
      {
        path: 'reportes/casos-criticos',
        lazy: pantalla(() => import('@/features/indicadores-gestion/routes/casos-criticos')),
      },
      {
        path: 'reportes/tabla-costos',
        lazy: soloAdmin(() => import('@/features/indicadores-gestion/routes/tabla-costos')),
      },
      {
        path: 'cartera/configuracion',
        lazy: pantalla(() => import('@/features/configuracion-cartera/routes/configuracion-cartera')),
      },
      {
        path: 'integraciones/contabilidad',
        lazy: pantalla(() => import('@/features/integraciones-contabilidad/routes/contabilidad')),
      },
      {
        path: 'integraciones/contabilidad/configuracion',
        lazy: pantalla(
          () => import('@/features/integraciones-contabilidad/routes/configuracion-contable'),
          'administrar',
        ),
      },
      {
        path: 'cartera/compensaciones',
        lazy: pantalla(() => import('@/features/compensaciones/routes/compensaciones')),
      },
      {
        path: 'cartera/compensaciones/nueva',
        lazy: pantalla(() => import('@/features/compensaciones/routes/nueva-compensacion'), 'editar'),
      },
      {
        path: 'cartera/compensaciones/:id',
        lazy: pantalla(() => import('@/features/compensaciones/routes/compensacion')),
      },
      {
        path: 'notificaciones/envios',
        lazy: pantalla(() => import('@/features/notificaciones-envios/routes/envios')),
      },
      {
        path: 'notificaciones/envios/:id',
        lazy: pantalla(() => import('@/features/notificaciones-envios/routes/envio')),
      },
      {
        path: 'notificaciones/respuestas/:id',
        lazy: pantalla(() => import('@/features/notificaciones-envios/routes/respuesta')),
      },
      {
        path: 'gestion/politica-cobranza',
        lazy: pantalla(() => import('@/features/gestion-politica/routes/politica-cobranza')),
      },
      { path: 'cartera/cheques', lazy: pantalla(() => import('@/features/cheques/routes/cheques')) },
      { path: 'cartera/convenios', lazy: pantalla(() => import('@/features/convenios/routes/convenios')) },
      { path: 'cartera/factoring', lazy: pantalla(() => import('@/features/factoring/routes/factoring')) },
      { path: 'cartera/castigos', lazy: pantalla(() => import('@/features/castigos/routes/castigos')) },
      // Terreno (field collection)
      { path: 'terreno', lazy: pantalla(() => import('@/features/terreno/routes/terreno')) },
      {
        path: 'gestion/rutas',
        lazy: pantalla(() => import('@/features/gestion-rutas/routes/planificar-rutas'), 'supervisar'),
      },
      {
        path: 'gestion/informe-visitas',
        lazy: pantalla(() => import('@/features/gestion-rutas/routes/informe-visitas')),
      },
      {
        path: 'gestion/compromisos',
        lazy: pantalla(() => import('@/features/gestion-compromisos/routes/compromisos')),
      },
      {
        path: 'gestion/disputas',
        lazy: pantalla(() => import('@/features/gestion-compromisos/routes/disputas')),
      },
      {
        path: 'judicial',
        lazy: pantalla(() => import('@/features/judicial/routes/judicial')),
      },
      {
        path: 'gestion/motivos-disputa',
        lazy: pantalla(() => import('@/features/gestion-compromisos/routes/motivos-disputa')),
      },
      {
        path: 'notificaciones/definiciones',
        lazy: pantalla(() => import('@/features/notificaciones-definiciones/routes/definiciones')),
      },
      {
        path: 'notificaciones/definiciones/:id',
        lazy: pantalla(() => import('@/features/notificaciones-definiciones/routes/definicion')),
      },
      {
        path: 'integraciones/proveedores',
        lazy: pantalla(() => import('@/features/integraciones-proveedores/routes/proveedores')),
      },
      {
        path: 'notificaciones/cuentas-deposito',
        lazy: pantalla(() => import('@/features/notificaciones-cuentas/routes/cuentas-deposito')),
      },
      {
        path: 'cartera/importar-documentos',
        lazy: pantalla(() => import('@/features/documentos/routes/importar-documentos'), 'editar'),
      },
      {
        path: 'cartera/valores-uf',
        lazy: pantalla(() => import('@/features/valores/routes/valores-uf')),
      },
      {
        path: 'gestion/cobradores',
        lazy: pantalla(() => import('@/features/gestion-cobradores/routes/cobradores')),
      },
      {
        path: 'gestion/carteras',
        lazy: pantalla(() => import('@/features/gestion-cobradores/routes/carteras')),
      },
      {
        path: 'gestion/asignacion',
        lazy: pantalla(() => import('@/features/gestion-cobradores/routes/asignacion')),
      },
      {
        path: 'gestion/tipos-actividad',
        lazy: pantalla(() => import('@/features/gestion-actividades/routes/tipos-actividad')),
      },
      {
        path: 'gestion/guiones',
        lazy: pantalla(() => import('@/features/gestion-actividades/routes/guiones')),
      },
      {
        path: 'integraciones/webhooks',
        lazy: soloAdmin(() => import('@/features/integraciones-webhooks/routes/webhooks')),
      },
      {
        path: 'administracion/usuarios',
        lazy: soloAdmin(() => import('@/features/usuarios/routes/usuarios')),
      },
      {
        path: 'administracion/api-keys',
        lazy: soloAdmin(() => import('@/features/api-keys/routes/api-keys')),
      },
      {
        path: 'administracion/auditoria',
        lazy: soloAdmin(() => import('@/features/auditoria/routes/auditoria')),
      },
      { path: '*', lazy: pantalla(() => import('@/app/no-encontrado')) },
    ],
  },
];

export function crearRouter() {
  return createBrowserRouter(rutas);
}
