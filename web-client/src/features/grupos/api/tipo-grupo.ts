import { claves } from '@/api/claves';

/** Client groups and contact groups: the same screens and endpoints, told apart by this. */
export type TipoGrupo = 'clientes' | 'contactos';

export const rutasGrupos = {
  clientes: { lista: '/api/v1/grupos-clientes', grupo: '/api/v1/grupos-clientes/{id}' },
  contactos: { lista: '/api/v1/grupos-contactos', grupo: '/api/v1/grupos-contactos/{id}' },
} as const;

export const rutasMiembros = {
  clientes: {
    miembros: '/api/v1/grupos-clientes/{id}/miembros',
    miembro: '/api/v1/grupos-clientes/{id}/miembros/{miembroId}',
  },
  contactos: {
    miembros: '/api/v1/grupos-contactos/{id}/miembros',
    miembro: '/api/v1/grupos-contactos/{id}/miembros/{miembroId}',
  },
} as const;

export const clavesGrupos = { clientes: claves.gruposClientes, contactos: claves.gruposContactos };

/**
 * Query keys a change to a group invalidates: its groups and, for client groups, the clients
 * (their list filters and the "Grupos" tab show the membership).
 */
export const afectadosPorGrupo = (tipo: TipoGrupo) =>
  tipo === 'clientes' ? [claves.gruposClientes.todos, claves.clientes.todos] : [claves.gruposContactos.todos];
