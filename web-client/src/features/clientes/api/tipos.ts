import type { Consulta, Cuerpo, Elemento, Respuesta } from '@/api/types';

export type Cliente = Respuesta<'ObtenerCliente'>;
export type PaginaClientes = Respuesta<'ListarClientes'>;
export type ClienteResumen = Elemento<PaginaClientes['items']>;
export type DatosCliente = Cuerpo<'CrearCliente'>;
export type DatosCondiciones = Cuerpo<'ActualizarCondiciones'>;
export type DatosCambioEstado = Cuerpo<'CambiarEstadoCredito'>;
export type CambioEstado = Elemento<Respuesta<'HistorialEstadoCredito'>>;
export type Contacto = Elemento<Respuesta<'ListarContactos'>>;
export type DatosContacto = Cuerpo<'CrearContacto'>;
export type FiltrosClientes = Consulta<'ListarClientes'>;
