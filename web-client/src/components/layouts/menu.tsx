import {
  IconFileX,
  IconGavel,
  IconStairsUp,
  IconChecklist,
  IconListDetails,
  IconScript,
  IconCalendarDollar,
  IconMessageReport,
  IconCreditCard,
  IconFileImport,
  IconHistory,
  IconKey,
  IconUsers,
  IconUsersGroup,
  IconAddressBook,
  IconBuildingStore,
  IconCash,
  IconCreditCardPay,
  IconHeartHandshake,
  IconChartBar,
  IconCurrencyDollar,
  IconFileInvoice,
  IconArrowsExchange,
  IconReportMoney,
  IconSettings,
  IconUserDollar,
  IconBriefcase,
  IconArrowsSplit,
  IconListCheck,
  IconCalendar,
  IconMailForward,
  IconMail,
  IconBuildingBank,
  IconFileSpreadsheet,
  IconCalculator,
  IconPlugConnected,
  IconWebhook,
  IconChartPie,
  IconChartLine,
  IconTrendingDown,
  IconCoins,
  IconLayoutDashboard,
  IconTrendingUp,
  IconAlertTriangle,
  IconTargetArrow,
  IconCoin,
  IconUserCheck,
  IconMapPin,
  IconRoute,
  IconClipboardList,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Permiso } from '@/api/types';

export interface Enlace {
  a: string;
  etiqueta: string;
  icono: ReactNode;
  /** Shown only to roles with this permission (the route itself is guarded the same way in router.tsx). */
  permiso?: Permiso;
}

export interface Modulo {
  titulo: string;
  permiso?: Permiso;
  enlaces: Enlace[];
}

const modulos: Modulo[] = [
  {
    titulo: 'Tablero',
    enlaces: [{ a: '/tablero', etiqueta: 'Tablero', icono: <IconLayoutDashboard size={18} /> }],
  },
  {
    titulo: 'Gestión',
    enlaces: [
      { a: '/gestion/mi-trabajo', etiqueta: 'Mi trabajo', icono: <IconListCheck size={18} /> },
      { a: '/gestion/calendario', etiqueta: 'Calendario', icono: <IconCalendar size={18} /> },
      // Terreno (field collection)
      { a: '/terreno', etiqueta: 'Mi ruta en terreno', icono: <IconMapPin size={18} />, permiso: 'editar' },
      {
        a: '/gestion/rutas',
        etiqueta: 'Rutas de terreno',
        icono: <IconRoute size={18} />,
        permiso: 'supervisar',
      },
      {
        a: '/gestion/informe-visitas',
        etiqueta: 'Informe de visitas',
        icono: <IconClipboardList size={18} />,
      },
    ],
  },
  {
    titulo: 'Clientes',
    enlaces: [
      { a: '/clientes', etiqueta: 'Clientes', icono: <IconBuildingStore size={18} /> },
      { a: '/grupos-clientes', etiqueta: 'Grupos de clientes', icono: <IconUsersGroup size={18} /> },
      { a: '/grupos-contactos', etiqueta: 'Grupos de contactos', icono: <IconAddressBook size={18} /> },
      { a: '/politicas-credito', etiqueta: 'Políticas de crédito', icono: <IconCreditCard size={18} /> },
      // credito (issue 16 §1)
      {
        a: '/credito/aprobaciones',
        etiqueta: 'Aprobaciones pendientes',
        icono: <IconChecklist size={18} />,
        permiso: 'supervisar',
      },
      { a: '/credito/configuracion', etiqueta: 'Niveles de aprobación', icono: <IconStairsUp size={18} /> },
      {
        a: '/importar-clientes',
        etiqueta: 'Importar clientes',
        icono: <IconFileImport size={18} />,
        permiso: 'editar',
      },
    ],
  },
  {
    titulo: 'Cartera',
    enlaces: [
      { a: '/cartera/documentos', etiqueta: 'Documentos', icono: <IconFileInvoice size={18} /> },
      { a: '/cartera/pagos', etiqueta: 'Pagos', icono: <IconCash size={18} /> },
      { a: '/cartera/compensaciones', etiqueta: 'Compensaciones', icono: <IconArrowsExchange size={18} /> },
      { a: '/cartera/cheques', etiqueta: 'Cheques', icono: <IconCreditCardPay size={18} /> },
      { a: '/cartera/convenios', etiqueta: 'Convenios', icono: <IconHeartHandshake size={18} /> },
      { a: '/cartera/factoring', etiqueta: 'Factoring', icono: <IconBuildingBank size={18} /> },
      { a: '/cartera/antiguedad', etiqueta: 'Antigüedad de saldos', icono: <IconChartBar size={18} /> },
      { a: '/cartera/provision', etiqueta: 'Provisión de incobrables', icono: <IconReportMoney size={18} /> },
      { a: '/cartera/valores-uf', etiqueta: 'Valores UF', icono: <IconCurrencyDollar size={18} /> },
      {
        a: '/cartera/importar-documentos',
        etiqueta: 'Importar documentos',
        icono: <IconFileImport size={18} />,
        permiso: 'editar',
      },
      { a: '/cartera/configuracion', etiqueta: 'Configuración', icono: <IconSettings size={18} /> },
    ],
  },
  {
    titulo: 'Reportes',
    enlaces: [
      // Portfolio reports (reportes-cartera)
      { a: '/reportes/concentracion', etiqueta: 'Concentración de deuda', icono: <IconChartPie size={18} /> },
      { a: '/reportes/morosidad', etiqueta: 'Evolución de morosidad', icono: <IconChartLine size={18} /> },
      {
        a: '/reportes/provision',
        etiqueta: 'Evolución de la provisión',
        icono: <IconTrendingDown size={18} />,
      },
      { a: '/reportes/recuperacion', etiqueta: 'Recuperación histórica', icono: <IconCoins size={18} /> },
      {
        a: '/reportes/pronostico',
        etiqueta: 'Pronóstico de recaudación',
        icono: <IconTrendingUp size={18} />,
      },
      // Collection KPIs (indicadores-gestion)
      { a: '/reportes/compromisos', etiqueta: 'Compromisos cumplidos', icono: <IconTargetArrow size={18} /> },
      {
        a: '/reportes/productividad',
        etiqueta: 'Productividad cobradores',
        icono: <IconUserCheck size={18} />,
      },
      { a: '/reportes/costo-cobranza', etiqueta: 'Costo de cobranza', icono: <IconCoin size={18} /> },
      { a: '/reportes/casos-criticos', etiqueta: 'Casos críticos', icono: <IconAlertTriangle size={18} /> },
      // Executive reports (tablero)
      {
        a: '/reportes/ejecutivos',
        etiqueta: 'Reportes ejecutivos',
        icono: <IconMailForward size={18} />,
        permiso: 'administrar',
      },
    ],
  },
  {
    titulo: 'Gestión',
    enlaces: [
      { a: '/gestion/cobradores', etiqueta: 'Cobradores', icono: <IconUserDollar size={18} /> },
      { a: '/gestion/carteras', etiqueta: 'Carteras', icono: <IconBriefcase size={18} /> },
      { a: '/gestion/asignacion', etiqueta: 'Asignación', icono: <IconArrowsSplit size={18} /> },
      {
        a: '/gestion/politica-cobranza',
        etiqueta: 'Política de cobranza',
        icono: <IconStairsUp size={18} />,
      },
      { a: '/gestion/tipos-actividad', etiqueta: 'Tipos de actividad', icono: <IconListDetails size={18} /> },
      { a: '/gestion/guiones', etiqueta: 'Guiones', icono: <IconScript size={18} /> },
      { a: '/gestion/compromisos', etiqueta: 'Compromisos', icono: <IconCalendarDollar size={18} /> },
      { a: '/gestion/disputas', etiqueta: 'Disputas', icono: <IconMessageReport size={18} /> },
      { a: '/judicial', etiqueta: 'Prejudicial y judicial', icono: <IconGavel size={18} /> },
      { a: '/cartera/castigos', etiqueta: 'Castigos', icono: <IconFileX size={18} /> },
      { a: '/gestion/motivos-disputa', etiqueta: 'Motivos de disputa', icono: <IconListDetails size={18} /> },
    ],
  },
  {
    titulo: 'Reportes',
    enlaces: [
      {
        a: '/reportes/indicadores-cartera',
        etiqueta: 'Indicadores de cartera',
        icono: <IconChartLine size={18} />,
      },
    ],
  },
  {
    titulo: 'Notificaciones',
    enlaces: [
      { a: '/notificaciones/definiciones', etiqueta: 'Notificaciones', icono: <IconMail size={18} /> },
      {
        a: '/notificaciones/cuentas-deposito',
        etiqueta: 'Cuentas de depósito',
        icono: <IconBuildingBank size={18} />,
      },
      { a: '/notificaciones/envios', etiqueta: 'Bitácora de envíos', icono: <IconMailForward size={18} /> },
    ],
  },
  {
    titulo: 'Integraciones',
    enlaces: [
      {
        a: '/integraciones/proveedores',
        etiqueta: 'Proveedores de pago',
        icono: <IconPlugConnected size={18} />,
      },
      {
        a: '/integraciones/contabilidad',
        etiqueta: 'Exportación contable',
        icono: <IconFileSpreadsheet size={18} />,
      },
      {
        a: '/integraciones/contabilidad/configuracion',
        etiqueta: 'Configuración contable',
        icono: <IconCalculator size={18} />,
        permiso: 'administrar',
      },
      {
        a: '/integraciones/webhooks',
        etiqueta: 'Webhooks',
        icono: <IconWebhook size={18} />,
        permiso: 'administrar',
      },
    ],
  },
  {
    titulo: 'Administración',
    permiso: 'administrar',
    enlaces: [
      { a: '/administracion/usuarios', etiqueta: 'Usuarios', icono: <IconUsers size={18} /> },
      { a: '/administracion/api-keys', etiqueta: 'API keys', icono: <IconKey size={18} /> },
      { a: '/administracion/auditoria', etiqueta: 'Auditoría', icono: <IconHistory size={18} /> },
    ],
  },
];

/** The menu a role sees: only the sections and entries it can use (their routes are guarded alike in router.tsx). */
export function modulosVisibles(tiene: (p: Permiso) => boolean): Modulo[] {
  return modulos
    .filter((m) => !m.permiso || tiene(m.permiso))
    .map((m) => ({ ...m, enlaces: m.enlaces.filter((e) => !e.permiso || tiene(e.permiso)) }))
    .filter((m) => m.enlaces.length > 0);
}
