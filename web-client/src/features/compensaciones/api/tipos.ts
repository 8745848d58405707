import type { Consulta, Cuerpo, Elemento, Respuesta } from '@/api/types';

export type Compensacion = Respuesta<'ObtenerCompensacion'>;
export type LineaCompensacion = Elemento<Compensacion['lineas']>;
export type PaginaCompensaciones = Respuesta<'ListarCompensaciones'>;
export type FiltrosCompensaciones = Consulta<'ListarCompensaciones'>;
export type DatosCompensacion = Cuerpo<'CrearCompensacion'>;
export type Documento = Respuesta<'ObtenerDocumento'>;
export type DocumentoResumen = Elemento<Respuesta<'ListarDocumentos'>['items']>;
